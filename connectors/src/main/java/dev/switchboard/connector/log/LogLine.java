package dev.switchboard.connector.log;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Template;

/** What a log node writes for one event: the rendered message, or a one-line summary when there is none. */
final class LogLine {
    /** Keeps log lines readable when events carry large payloads. */
    static final int MAX_DATA_CHARS = 200;

    private final Template message;

    LogLine(String message) {
        this.message = message == null || message.isBlank() ? null : Template.parse(message);
    }

    String render(Event event) {
        return message == null ? summary(event) : message.render(event);
    }

    /** e.g. {@code event 7f3a… type=com.example.order source=/hooks/orders data={"id":42}}. */
    static String summary(Event event) {
        String data = event.data().toString();
        if (data.length() > MAX_DATA_CHARS) {
            data = data.substring(0, MAX_DATA_CHARS) + "…(" + data.length() + " chars)";
        }
        return "event " + event.id() + " type=" + event.type() + " source=" + event.source()
                + (event.subject() == null ? "" : " subject=" + event.subject()) + " data=" + data;
    }
}
