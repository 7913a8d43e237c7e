package dev.switchboard.designer.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;

/**
 * A valid flow of any size for load and drawing checks: a webhook, then rows of {@value #COLUMNS}
 * cards (filter, map, log in turn), each row a chain fed by the webhook.
 */
public final class BigFlow {
    public static final int COLUMNS = 20;
    public static final double COLUMN_WIDTH = 260;
    public static final double ROW_HEIGHT = 160;

    private BigFlow() {}

    public static Path write(Path file, int nodes) throws IOException {
        Files.writeString(file, json(nodes));
        return file;
    }

    public static String json(int nodes) {
        StringJoiner cards = new StringJoiner(",\n");
        StringJoiner wires = new StringJoiner(",\n");
        for (int i = 0; i < nodes; i++) {
            double x = 80 + COLUMN_WIDTH * (i % COLUMNS);
            double y = 60 + ROW_HEIGHT * (i / COLUMNS);
            cards.add(
                    "{\"id\": \"n" + i + "\", " + typeAndConfig(i) + ", \"ui\": {\"x\": " + x + ", \"y\": " + y + "}}");
            if (i > 0) {
                int from = i % COLUMNS == 0 ? 0 : i - 1;
                String port = from > 0 && from % 3 == 0 ? ", \"port\": \"matched\"" : ""; // a filter's
                wires.add("{\"from\": \"n" + from + "\"" + port + ", \"to\": \"n" + i + "\"}");
            }
        }
        return "{\"format\": \"switchboard/flow@1\", \"id\": \"big\", \"name\": \"Big flow\",\n\"nodes\": [\n" + cards
                + "],\n\"wires\": [\n" + wires + "]}\n";
    }

    private static String typeAndConfig(int i) {
        if (i == 0) {
            return "\"type\": \"webhook\", \"config\": {\"path\": \"/hooks/big\"}";
        }
        return switch (i % 3) {
            case 0 ->
                "\"type\": \"filter\", \"name\": \"Score " + i + "\", \"config\": {\"rules\": "
                        + "[{\"field\": \"data.score\", \"op\": \"gt\", \"value\": " + i + "}]}";
            case 1 ->
                "\"type\": \"map\", \"name\": \"Map " + i + "\", \"config\": {\"fields\": " + "{\"step\": \"" + i
                        + "\", \"name\": \"{{data.name}}\"}}";
            default -> "\"type\": \"log\", \"name\": \"Log " + i + "\", \"config\": {\"message\": \"at " + i + "\"}";
        };
    }
}
