package dev.switchboard.runtime.cli;

import dev.switchboard.runtime.report.LineageGraph;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code runs show --graph}: {@code mermaid} or {@code dot}; also the completion candidates {@code --help} lists. */
final class GraphFormatConverter implements ITypeConverter<LineageGraph.Format>, Iterable<String> {
    @Override
    public LineageGraph.Format convert(String value) {
        for (LineageGraph.Format format : LineageGraph.Format.values()) {
            if (format.spelling().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new TypeConversionException(
                "'" + value + "' is not a graph format: use one of " + String.join(", ", this));
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(LineageGraph.Format.values())
                .map(LineageGraph.Format::spelling)
                .iterator();
    }
}
