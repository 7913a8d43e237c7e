package dev.switchboard.runtime.export;

import static dev.switchboard.runtime.export.CamelSteps.map;
import static dev.switchboard.runtime.export.CamelSteps.simple;

import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.List;
import java.util.Map;

/** {@code email.send} as {@code smtp}/{@code smtps}, {@code mail.receive} as {@code imap}/{@code imaps}. */
final class MailTranslator implements NodeTranslator {

    @Override
    public List<String> types() {
        return List.of("email.send", "mail.receive");
    }

    @Override
    public void translate(NodeExport node) {
        NodeConfig config = node.config();
        boolean receive = node.type().equals("mail.receive");
        String security = config.string("security", receive ? "tls" : "starttls");
        String scheme = (receive ? "imap" : "smtp") + (security.equals("tls") ? "s" : "");
        String address = scheme + ":" + config.string("host", "")
                + config.string("port").map(p -> ":" + p).orElse("");
        Map<String, Object> parameters = map(
                "username",
                        config.string("username")
                                .map(SimpleTemplates::placeholders)
                                .orElse(null),
                "password",
                        config.string("password")
                                .map(SimpleTemplates::placeholders)
                                .orElse(null));
        if (security.equals("starttls")) {
            parameters.put("mail.smtp.starttls.enable", true);
            parameters.put("mail.smtp.starttls.required", true);
        }
        if (receive) {
            parameters.put("folderName", config.string("folder", "INBOX"));
            parameters.put(
                    "delay",
                    config.duration("interval", java.time.Duration.ofMinutes(1)).toMillis());
            parameters.put("unseen", true);
            node.from(address, parameters);
            node.note("message", "the body is the mail's text, not Switchboard's {from, to, subject, text} data");
            return;
        }
        node.add(CamelSteps.removeHeaders("*"));
        node.add(CamelSteps.setHeader("From", simple(SimpleTemplates.simple(config.string("from", ""), node, "from"))));
        node.add(CamelSteps.setHeader("To", simple(SimpleTemplates.simple(config.string("to", ""), node, "to"))));
        config.string("cc")
                .ifPresent(cc -> node.add(CamelSteps.setHeader("Cc", simple(SimpleTemplates.simple(cc, node, "cc")))));
        node.add(CamelSteps.setHeader(
                "Subject", simple(SimpleTemplates.simple(config.string("subject", ""), node, "subject"))));
        if (config.string("format", "text").equals("html")) {
            parameters.put("contentType", "text/html");
        }
        node.add(CamelSteps.setVariable("mailData", simple("${body}")));
        node.add(CamelSteps.setBody(simple(SimpleTemplates.simple(config.string("body", ""), node, "body"))));
        node.add(CamelSteps.to(address, parameters));
        node.add(CamelSteps.setBody(simple("${variable.mailData}")));
    }
}
