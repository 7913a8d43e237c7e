package dev.switchboard.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs samples/csv-to-database.flow.json as shipped, against a real H2 file database. */
class CsvToDatabaseSampleTest {
    @TempDir
    Path dir;

    @Test
    void droppedCsvRowsLandInTheProductsTable() throws Exception {
        Flow flow = FlowCodec.read(Files.readString(Path.of("csv-to-database.flow.json")));
        String url = "jdbc:h2:file:" + dir.resolve("products").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE products (sku VARCHAR(20), name VARCHAR(100), price DECIMAL(10,2), source_file VARCHAR(200))");
        }
        Path data = dir.resolve("data");
        SecretResolver secrets =
                SecretResolver.of(Map.of("PRODUCTS_DB_URL", url, "PRODUCTS_DB_USER", "sa", "PRODUCTS_DB_PASSWORD", ""));
        try (Engine engine = new Engine(
                        new EngineOptions("127.0.0.1", 0, data, Duration.ofSeconds(2)),
                        ConnectorCatalog.load(),
                        secrets)
                .start()) {
            engine.deploy(flow);
            Path inbox = Files.createDirectories(data.resolve("inbox/products"));
            Path part = Files.writeString(
                    inbox.resolve("week48.csv.part"),
                    "sku,name,price\n a-1 ,Espresso machine,249.00\nb-2,\"Grinder, burr\",89.5\n");
            Files.move(part, inbox.resolve("week48.csv"), StandardCopyOption.ATOMIC_MOVE);

            await().atMost(Duration.ofSeconds(15)).until(() -> rows(url).size() == 2);
            assertThat(rows(url))
                    .containsExactly("A-1|Espresso machine|249.00|week48.csv", "B-2|Grinder, burr|89.50|week48.csv");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve(".done/week48.csv")));
        }
    }

    private static List<String> rows(String url) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT sku, name, price, source_file FROM products ORDER BY sku")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|"
                        + rs.getBigDecimal(3).toPlainString() + "|" + rs.getString(4));
            }
        }
        return rows;
    }
}
