package dev.switchboard.connector.mail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/** One received mail as an event: addresses, subject, text and HTML bodies, when it arrived. */
final class MailEvents {
    static final String EVENT_TYPE = "dev.switchboard.mail.received";

    private MailEvents() {}

    static Event toEvent(Message mail, String source) throws MessagingException, IOException {
        ObjectNode data = Json.NODES.objectNode();
        data.put("from", first(mail.getFrom()));
        data.set("to", addresses(mail.getRecipients(Message.RecipientType.TO)));
        data.set("cc", addresses(mail.getRecipients(Message.RecipientType.CC)));
        data.put("subject", mail.getSubject() == null ? "" : mail.getSubject());
        Bodies bodies = new Bodies();
        collect(mail, bodies);
        data.put("text", bodies.text == null ? "" : bodies.text);
        if (bodies.html != null) {
            data.put("html", bodies.html);
        } else {
            data.putNull("html");
        }
        Date received = mail.getReceivedDate() != null ? mail.getReceivedDate() : mail.getSentDate();
        Instant receivedAt = received == null ? Instant.now() : received.toInstant();
        data.put("receivedAt", receivedAt.toString());
        String messageId = mail instanceof MimeMessage mime ? mime.getMessageID() : null;
        data.put("messageId", messageId);
        String id = messageId == null || messageId.isBlank() ? Event.newId() : messageId;
        return new Event(id, source, EVENT_TYPE, receivedAt, mail.getSubject(), "application/json", data, Map.of());
    }

    private static final class Bodies {
        String text;
        String html;
    }

    /** The first text/plain and the first text/html part, wherever they sit in the MIME tree. */
    private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("text/plain") && bodies.text == null) {
            bodies.text = part.getContent().toString();
        } else if (part.isMimeType("text/html") && bodies.html == null) {
            bodies.html = part.getContent().toString();
        } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, bodies);
            }
        }
    }

    private static String first(Address[] addresses) {
        return addresses == null || addresses.length == 0 ? "" : address(addresses[0]);
    }

    private static ArrayNode addresses(Address[] addresses) {
        ArrayNode list = Json.NODES.arrayNode();
        if (addresses != null) {
            for (Address a : addresses) {
                list.add(address(a));
            }
        }
        return list;
    }

    private static String address(Address address) {
        return address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
    }
}
