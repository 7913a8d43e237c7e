package dev.switchboard.runtime.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.format.FlowCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON example in the docs (docs/*.md, docs/decisions/*.md, README.md) is a flow that
 * validates cleanly — no errors, no warnings — with the built-in connectors, written canonically.
 * A block that is deliberately part of a flow is marked by an HTML comment on the line before it,
 * {@code <!-- fragment: what it is -->}, and must then still be well-formed JSON.
 */
class FormatDocsTest {
    private static final Path ROOT =
            Path.of(System.getProperty("basedir", ".")).resolve("..").normalize();
    private static final String FRAGMENT = "<!-- fragment:";
    private static final FlowValidator VALIDATOR = new FlowValidator(ConnectorCatalog.load());

    /** A fenced JSON block: where it is, what it holds, and whether it is marked as a fragment. */
    record Block(String file, int line, String json, boolean fragment) {
        @Override
        public String toString() {
            return file + ":" + line + (fragment ? " (fragment)" : "");
        }
    }

    static List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        for (Path doc : docs()) {
            List<String> lines = read(doc);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).strip().equals("```json")) {
                    continue;
                }
                int start = i;
                StringBuilder json = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                    json.append(lines.get(i)).append('\n');
                }
                boolean fragment = start > 0 && lines.get(start - 1).strip().startsWith(FRAGMENT);
                blocks.add(new Block(ROOT.relativize(doc).toString(), start + 1, json.toString(), fragment));
            }
        }
        return blocks;
    }

    static Stream<Block> flowBlocks() {
        return blocks().stream().filter(b -> !b.fragment());
    }

    static Stream<Block> fragmentBlocks() {
        return blocks().stream().filter(Block::fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flowBlocks")
    void everyFlowInTheDocsValidatesWithoutProblemsAndIsWrittenCanonically(Block block) throws Exception {
        ValidationResult result = VALIDATOR.validate(block.json());

        assertThat(result.problems()).as(block.toString()).isEmpty();
        assertThat(FlowCodec.write(FlowCodec.read(block.json())))
                .as(block.toString())
                .isEqualTo(block.json());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fragmentBlocks")
    void everyMarkedFragmentIsWellFormedJson(Block block) throws Exception {
        String json = block.json().strip();
        // a member such as "settings": {…} is read inside an object of its own
        FlowCodec.parseTree(json.startsWith("\"") ? "{" + json + "}" : json);
    }

    @Test
    void theDocsHoldFlowExamplesAndOnlyAFewFragments() {
        assertThat(flowBlocks())
                .extracting(Block::file)
                .contains(Path.of("docs", "flow-format.md").toString());
        assertThat(fragmentBlocks()).hasSizeLessThanOrEqualTo(3);
    }

    private static List<Path> docs() {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        for (Path folder : List.of(ROOT.resolve("docs"), ROOT.resolve("docs/decisions"))) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().endsWith(".md"))
                        .sorted()
                        .forEach(docs::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return docs;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
