package dev.switchboard.connector.split;

import dev.switchboard.connector.spi.FlowExchange;
import java.util.Map;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Folds what happened to each element back into the event's own exchange, which the run's outcome
 * is read from: a failure, a retry or a dead letter of any element is the run's (the runtime's
 * {@code sb.*} marks), and the run counts as filtered only when every element was.
 */
final class SplitOutcomes implements AggregationStrategy {
    private static final String RUNTIME_MARKS = "sb.";

    @Override
    public Exchange aggregate(Exchange result, Exchange part) {
        if (result == null) {
            return part;
        }
        if (part.getException() != null && result.getException() == null) {
            result.setException(part.getException());
        }
        if (part.getExchangeExtension().isRedeliveryExhausted()) {
            result.getExchangeExtension().setRedeliveryExhausted(true);
        }
        if (result.getProperty(FlowExchange.FILTERED_BY) != null
                && part.getProperty(FlowExchange.FILTERED_BY) == null) {
            result.removeProperty(FlowExchange.FILTERED_BY);
            result.setProperty(FlowExchange.ENDED_AT, part.getProperty(FlowExchange.ENDED_AT));
        }
        for (Map.Entry<String, Object> mark : part.getProperties().entrySet()) {
            String name = mark.getKey();
            if (name.startsWith(RUNTIME_MARKS)
                    && !name.equals(FlowExchange.FILTERED_BY)
                    && !name.equals(FlowExchange.ENDED_AT)
                    && result.getProperty(name) == null) {
                result.setProperty(name, mark.getValue());
            }
        }
        return result;
    }
}
