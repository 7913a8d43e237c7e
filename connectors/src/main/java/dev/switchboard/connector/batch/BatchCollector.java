package dev.switchboard.connector.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Expression;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.ExpressionAdapter;

/**
 * Collects one batch's events. A batch is a new exchange, not the first event's: it belongs to no
 * run until the node begins one for it, and carries none of the first event's run marks.
 */
final class BatchCollector implements AggregationStrategy {
    /** The rendered key of an arriving event (absent without a key). */
    static final String GROUP = "sb.batch.key";
    /** The one group of a node without a key. */
    private static final String KEYLESS = "all";

    /** Camel's correlation key must not be empty: a rendered key is kept apart from "no key". */
    static final Expression GROUP_EXPRESSION = new ExpressionAdapter() {
        @Override
        public Object evaluate(Exchange exchange) {
            String key = exchange.getProperty(GROUP, String.class);
            return key == null ? KEYLESS : "key:" + key;
        }
    };

    private final CamelContext camel;

    BatchCollector(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public Exchange aggregate(Exchange batch, Exchange arriving) {
        Exchange into = batch;
        if (into == null) {
            into = new DefaultExchange(camel);
            into.getIn().setBody(new ArrayList<Event>());
            into.setProperty(GROUP, arriving.getProperty(GROUP, String.class));
        }
        @SuppressWarnings("unchecked")
        List<Event> events = into.getIn().getBody(List.class);
        events.add(arriving.getIn().getBody(Event.class));
        return into;
    }

    /** The batch as one event: its items are the events' data, in the order they arrived. */
    static Event toEvent(Exchange batch, String source) {
        @SuppressWarnings("unchecked")
        List<Event> events = batch.getIn().getBody(List.class);
        ObjectNode data = Json.NODES.objectNode();
        String key = batch.getProperty(GROUP, String.class);
        if (key == null) {
            data.putNull("key");
        } else {
            data.put("key", key);
        }
        data.put("count", events.size());
        data.put("closedBy", closedBy(batch.getProperty(ExchangePropertyKey.AGGREGATED_COMPLETED_BY, String.class)));
        ArrayNode items = data.putArray("items");
        events.forEach(event -> items.add(event.data()));
        return Event.create(source, "dev.switchboard.batch", data);
    }

    /** Camel's completion reasons, in the words of the node's settings. */
    private static String closedBy(String completedBy) {
        if (completedBy == null) {
            return "stop";
        }
        return switch (completedBy) {
            case "size" -> "size";
            case "interval" -> "window";
            case "force" -> "stop";
            default -> completedBy;
        };
    }
}
