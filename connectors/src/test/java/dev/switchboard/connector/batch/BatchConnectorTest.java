package dev.switchboard.connector.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Json;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class BatchConnectorTest {
    final BatchConnector connector = new BatchConnector();

    @Test
    void aBatchNeedsASizeOrAWindow() {
        assertThat(connector.validate(NodeConfig.of("key", "{{data.c}}")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/size");
        assertThat(connector.validate(NodeConfig.of("size", 100))).isEmpty();
        assertThat(connector.validate(NodeConfig.of("window", "5s"))).isEmpty();
        assertThat(connector.validate(NodeConfig.of("size", 10, "window", "5s", "key", "{{data.c}}")))
                .isEmpty();
    }

    @Test
    void sizeAndWindowMustBeWorkable() {
        assertThat(connector.validate(NodeConfig.of("size", 0)))
                .singleElement()
                .satisfies(
                        p -> assertThat(p.message()).isEqualTo("size is 0; expected a whole number from 1 to 100000"));
        assertThat(connector.validate(NodeConfig.of("size", 1_000_000)))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/size");
        assertThat(connector.validate(NodeConfig.of("window", "5ms")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/window");
                    assertThat(p.message()).contains("10ms or more");
                });
    }

    @Test
    void aBatchIsANewExchangeAndBecomesOneEventOfItsItems() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            BatchCollector collector = new BatchCollector(camel);
            Exchange first = arriving(camel, "{\"n\": 1}", "c-1");
            first.setProperty("sb.runId", "run-of-the-first");
            Exchange batch = collector.aggregate(null, first);
            batch = collector.aggregate(batch, arriving(camel, "{\"n\": 2}", "c-1"));
            batch.setProperty(ExchangePropertyKey.AGGREGATED_COMPLETED_BY, "interval");

            assertThat(batch).isNotSameAs(first);
            assertThat(batch.getProperty("sb.runId")).isNull();
            Event event = BatchCollector.toEvent(batch, "/switchboard/flows/f/b");
            assertThat(event.data())
                    .isEqualTo(
                            Json.parse(
                                    "{\"key\": \"c-1\", \"count\": 2, \"closedBy\": \"window\", \"items\": [{\"n\": 1}, {\"n\": 2}]}"));
            assertThat(event.source()).isEqualTo("/switchboard/flows/f/b");
            assertThat(event.type()).isEqualTo("dev.switchboard.batch");
        }
    }

    @Test
    void withoutAKeyEveryEventIsInOneGroupAndAnEmptyKeyIsAGroupOfItsOwn() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            assertThat(BatchCollector.GROUP_EXPRESSION.evaluate(arriving(camel, "{}", null), String.class))
                    .isEqualTo("all");
            assertThat(BatchCollector.GROUP_EXPRESSION.evaluate(arriving(camel, "{}", ""), String.class))
                    .isEqualTo("key:");
            assertThat(BatchCollector.GROUP_EXPRESSION.evaluate(arriving(camel, "{}", "all"), String.class))
                    .isEqualTo("key:all");
        }
    }

    static Exchange arriving(DefaultCamelContext camel, String data, String key) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setBody(Event.create("/src", "t", Json.parse(data)));
        exchange.setProperty(BatchCollector.GROUP, key);
        return exchange;
    }
}
