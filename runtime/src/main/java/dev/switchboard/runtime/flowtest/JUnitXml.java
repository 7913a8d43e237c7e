package dev.switchboard.runtime.flowtest;

import dev.switchboard.runtime.flowtest.FlowTestResult.CaseFailure;
import dev.switchboard.runtime.flowtest.FlowTestResult.CaseResult;
import dev.switchboard.runtime.flowtest.FlowTestResult.Difference;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Flow test results as JUnit XML, the format CI servers read: one {@code testsuite} per test file
 * (named after it), one {@code testcase} per case ({@code classname}: the flow id), a
 * {@code failure} per failed case with every unmet expectation, and an {@code error} when a file
 * could not run at all.
 */
public final class JUnitXml {
    private JUnitXml() {}

    public static void write(List<FlowTestResult> results, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(target)) {
            write(results, out);
        }
    }

    public static void write(List<FlowTestResult> results, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "switchboard flow tests");
            xml.writeAttribute(
                    "tests",
                    String.valueOf(results.stream().mapToLong(JUnitXml::tests).sum()));
            xml.writeAttribute(
                    "failures",
                    String.valueOf(results.stream()
                            .mapToLong(FlowTestResult::failedCases)
                            .sum()));
            xml.writeAttribute(
                    "errors",
                    String.valueOf(results.stream()
                            .filter(r -> !r.problems().isEmpty())
                            .count()));
            xml.writeAttribute(
                    "time",
                    seconds(results.stream().map(FlowTestResult::duration).reduce(Duration.ZERO, Duration::plus)));
            for (FlowTestResult result : results) {
                suite(xml, result);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("Could not write the JUnit report: " + e.getMessage(), e);
        }
    }

    private static long tests(FlowTestResult result) {
        return result.problems().isEmpty() ? result.cases().size() : 1;
    }

    private static void suite(XMLStreamWriter xml, FlowTestResult result) throws XMLStreamException {
        String suiteName = result.testFile().toString().replace('\\', '/');
        String className = result.flowId() != null
                ? result.flowId()
                : result.testFile().getFileName().toString();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suiteName);
        xml.writeAttribute("tests", String.valueOf(tests(result)));
        xml.writeAttribute("failures", String.valueOf(result.failedCases()));
        xml.writeAttribute("errors", result.problems().isEmpty() ? "0" : "1");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(result.duration()));
        if (!result.problems().isEmpty()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", className);
            xml.writeAttribute("name", "(test file)");
            xml.writeAttribute("time", seconds(result.duration()));
            xml.writeStartElement("error");
            xml.writeAttribute(
                    "message",
                    "the test file could not run: " + result.problems().get(0));
            StringBuilder text = new StringBuilder();
            result.problems().forEach(p -> text.append(p).append('\n'));
            xml.writeCharacters(text.toString());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        for (CaseResult testCase : result.cases()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", className);
            xml.writeAttribute("name", testCase.name());
            xml.writeAttribute("time", seconds(testCase.duration()));
            if (!testCase.passed()) {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", summary(testCase.failures().get(0)));
                xml.writeAttribute("type", "FlowTestFailure");
                xml.writeCharacters(describe(testCase.failures()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    static String summary(CaseFailure failure) {
        return failure.pointer() + ": " + failure.message();
    }

    /** The failures as the CLI prints them: the expectation's pointer and message, then each difference. */
    public static String describe(List<CaseFailure> failures) {
        StringBuilder text = new StringBuilder();
        for (CaseFailure failure : failures) {
            text.append(summary(failure)).append('\n');
            for (Difference difference : failure.differences()) {
                text.append("  ")
                        .append(difference.pointer().isEmpty() ? "(whole value)" : difference.pointer())
                        .append(": expected ")
                        .append(difference.expected())
                        .append(", actual ")
                        .append(difference.actual())
                        .append('\n');
            }
        }
        return text.toString();
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
    }
}
