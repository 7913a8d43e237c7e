package dev.switchboard.runtime.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stores the durable-runtime tests run on: {@code @ParameterizedClass @EnumSource(TestStore.class)}.
 * H2 is the default file in the data folder; PostgreSQL a fresh database on the JVM's
 * {@link PostgresServer}.
 */
enum TestStore {
    H2,
    POSTGRESQL;

    /**
     * The {@code --db} URL of a fresh store, with its password, for stores and CLI calls in this JVM;
     * null for H2: the default file under {@code --data}.
     */
    String newUrl() {
        return this == H2
                ? null
                : PostgresServer.withPassword(PostgresServer.get().newDatabase());
    }

    /** {@code --data DIR} and, for a URL, {@code --db URL}. */
    static List<String> args(Path dataDir, String url) {
        List<String> args = new ArrayList<>(List.of("--data", dataDir.toString()));
        if (url != null) {
            args.addAll(List.of("--db", url));
        }
        return args;
    }

    /**
     * For a runtime in another JVM: {@code --data DIR} and the URL without its password, which
     * goes in the environment ({@link #environment()}) the way an operator passes it.
     */
    static List<String> childArgs(Path dataDir, String url) {
        return args(dataDir, url == null ? null : url.replace("&password=" + PostgresServer.PASSWORD, ""));
    }

    static Map<String, String> environment() {
        return Map.of(Store.PASSWORD_VARIABLE, PostgresServer.PASSWORD);
    }
}
