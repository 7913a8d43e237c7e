package dev.switchboard.runtime.validate;

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

    /** True when {@code pointer} is {@code ancestor} itself or lies inside it; the root covers nothing here. */
    static boolean isWithin(String pointer, String ancestor) {
        return !ancestor.isEmpty() && (pointer.equals(ancestor) || pointer.startsWith(ancestor + "/"));
    }
}
