package dev.switchboard.runtime.validate;

import java.util.Set;

/** RFC 6901 JSON pointer building, so config keys holding '/' or '~' still point at the right place. */
final class Pointers {
    private Pointers() {}

    static String child(String parent, String token) {
        return parent + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    static String child(String parent, int index) {
        return parent + "/" + index;
    }

    static String node(int index) {
        return "/nodes/" + index;
    }

    static String wire(int index) {
        return "/wires/" + index;
    }

    /**
     * True when {@code pointer} is one of {@code ancestors} or lies inside one; the root covers
     * nothing here. Looks up each prefix of the pointer, so it costs the pointer's depth, not the
     * number of ancestors (a flow with thousands of problems of both kinds stays quick).
     */
    static boolean isWithinAny(String pointer, Set<String> ancestors) {
        if (ancestors.isEmpty()) {
            return false;
        }
        for (int slash = pointer.indexOf('/', 1); slash > 0; slash = pointer.indexOf('/', slash + 1)) {
            if (ancestors.contains(pointer.substring(0, slash))) {
                return true;
            }
        }
        return !pointer.isEmpty() && ancestors.contains(pointer);
    }
}
