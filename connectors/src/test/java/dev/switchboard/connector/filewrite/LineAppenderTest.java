package dev.switchboard.connector.filewrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineAppenderTest {
    @TempDir
    Path temp;

    @Test
    void concurrentAppendsNeverInterleaveLines() throws Exception {
        Path file = temp.resolve("deep/er/lines.csv");
        int writers = 6;
        int linesEach = 300;
        String payload = "x".repeat(500);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                tasks.add(() -> {
                    for (int i = 0; i < linesEach; i++) {
                        LineAppender.append(file, "writer,line,payload", writer + "," + i + "," + payload);
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(writers * linesEach + 1);
        assertThat(lines.get(0)).isEqualTo("writer,line,payload");
        assertThat(lines.subList(1, lines.size()))
                .allSatisfy(line -> assertThat(line).matches("\\d+,\\d+," + payload));
        for (int w = 0; w < writers; w++) {
            String prefix = w + ",";
            List<String> own = lines.stream().filter(l -> l.startsWith(prefix)).toList();
            assertThat(own).hasSize(linesEach);
            for (int i = 0; i < linesEach; i++) {
                assertThat(own.get(i)).startsWith(prefix + i + ",");
            }
        }
    }

    @Test
    void theHeaderIsWrittenOnlyIntoANewFile() throws Exception {
        Path file = temp.resolve("h.csv");
        LineAppender.append(file, "a,b", "1,2");
        LineAppender.append(file, "a,b", "3,4");
        assertThat(Files.readAllLines(file)).containsExactly("a,b", "1,2", "3,4");
    }
}
