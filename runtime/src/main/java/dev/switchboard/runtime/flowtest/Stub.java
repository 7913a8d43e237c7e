package dev.switchboard.runtime.flowtest;

import dev.switchboard.connector.spi.config.ConfigValue;
import java.util.Map;
import java.util.Objects;

/**
 * What a stubbed action does instead of its side effect. Every action of a flow under test is
 * replaced; an action without a stub in the case records its call and hands the event on unchanged
 * (an {@code http.request} without one fails the case: its answer would be made up).
 */
public sealed interface Stub {

    /** Where the stub is in the test file. */
    String pointer();

    /** An {@code http.request}'s recorded answer; a status of 400 or more fails the node like a real error answer. */
    record Reply(String pointer, int status, Map<String, String> headers, ConfigValue body) implements Stub {
        public Reply {
            headers = Map.copyOf(headers);
            body = body == null ? ConfigValue.Null.INSTANCE : body;
        }
    }

    /** The action succeeds and the event goes on with this data instead of its own. */
    record Data(String pointer, ConfigValue data) implements Stub {
        public Data {
            Objects.requireNonNull(data, "data");
        }
    }

    /** The action succeeds and the event goes on with these fields set in its data, beside the others (what a SaaS action adds). */
    record Merge(String pointer, ConfigValue.Fields fields) implements Stub {
        public Merge {
            Objects.requireNonNull(fields, "fields");
        }
    }

    /** The action fails with this message, once, without a retry: for dead-letter and error-port cases. */
    record Fail(String pointer, String message) implements Stub {
        public Fail {
            Objects.requireNonNull(message, "message");
        }
    }
}
