package dev.switchboard.runtime.conformance;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a connector jar the way a third party would ship one: compiled classes, resources (its
 * help) and the {@code META-INF/services} line that registers the connector — at test time, with
 * the JDK's compiler against this test's class path.
 */
final class ConnectorJar {
    static final String SERVICES = "META-INF/services/dev.switchboard.connector.spi.Connector";

    private ConnectorJar() {}

    /**
     * @param sources Java sources by class name ({@code com.example.Greet})
     * @param resources other files by path inside the jar
     */
    static Path build(Path workDir, String jarName, Map<String, String> sources, Map<String, String> resources)
            throws IOException {
        Path src = Files.createDirectories(workDir.resolve(jarName + "-src"));
        Path classes = Files.createDirectories(workDir.resolve(jarName + "-classes"));
        List<String> args = new ArrayList<>(List.of(
                "-d",
                classes.toString(),
                "-classpath",
                System.getProperty("java.class.path"),
                "--release",
                "17",
                "-proc:none"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("No system Java compiler: run the tests on a JDK, not a JRE");
        }
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        if (javac.run(null, null, errors, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException(
                    "The connector source does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, String> resource : resources.entrySet()) {
            Path file = classes.resolve(resource.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, resource.getValue());
        }
        Path jar = workDir.resolve(jarName + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(
                        new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void copy(Path file, OutputStream out) throws IOException {
        out.write(Files.readAllBytes(file));
    }
}
