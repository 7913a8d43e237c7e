package dev.switchboard.runtime.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The export's YAML edge: Camel YAML DSL text from the plain maps and lists the translators build,
 * behind a comment that says where it came from, which properties it expects and every
 * {@link ExportNote}.
 */
final class CamelYamlWriter {
    private static final Pattern SECRET = Pattern.compile("\\{\\{\\s*secret:([^}\\s]+)\\s*}}");
    private static final Pattern ENV = Pattern.compile("\\{\\{\\s*env:([^}\\s]+)\\s*}}");
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private CamelYamlWriter() {}

    static String write(Flow flow, List<ExportNote> notes, List<Object> document) {
        StringBuilder out = new StringBuilder();
        out.append("# Camel YAML DSL exported by `switchboard export` from flow '")
                .append(flow.id())
                .append("'");
        if (flow.name() != null && !flow.name().isBlank()) {
            out.append(" (").append(oneLine(flow.name())).append(')');
        }
        out.append('\n');
        out.append("# Runs on stock Apache Camel 4.18: camel run <this file>, or camel-main with camel-yaml-dsl.\n");
        Set<String> secrets = names(SECRET, flow);
        if (!secrets.isEmpty()) {
            out.append("#\n# Property placeholders to provide (application.properties, -D or environment):\n");
            secrets.forEach(s -> out.append("#   ").append(s).append('\n'));
        }
        Set<String> variables = names(ENV, flow);
        if (!variables.isEmpty()) {
            out.append("#\n# Environment variables read ({{env:NAME}}):\n");
            variables.forEach(v -> out.append("#   ").append(v).append('\n'));
        }
        out.append("#\n# Not exported, or only approximated:\n");
        for (ExportNote note : notes) {
            out.append("#   - ").append(oneLine(note.describe())).append('\n');
        }
        out.append('\n');
        try {
            out.append(YAML.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The secret (or environment variable) names a flow references. */
    private static Set<String> names(Pattern reference, Flow flow) {
        Set<String> names = new TreeSet<>();
        Matcher m = reference.matcher(FlowCodec.write(flow));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }
}
