package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.BrokerFlows.chain;
import static dev.switchboard.runtime.e2e.BrokerFlows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** email.send and mail.receive against a real SMTP and IMAP server (GreenMail) on loopback. */
class MailConnectorsTest {
    static GreenMail mail;
    static Engine engine;

    @BeforeAll
    static void start() {
        mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()
        });
        mail.start();
        engine = BrokerFlows.engine(Map.of("SUPPORT_PASSWORD", "secret-1", "CLAIMS_PASSWORD", "secret-2"));
    }

    @AfterAll
    static void stop() {
        engine.close();
        mail.stop();
    }

    @Test
    void sentMailArrivesWithTemplatedRecipientsSubjectAndHtmlBody() throws Exception {
        engine.deploy(chain(
                "mail-out",
                node("in", "test.inject", "channel", "mail-send"),
                node(
                        "send",
                        "email.send",
                        "host",
                        "127.0.0.1",
                        "port",
                        mail.getSmtp().getPort(),
                        "security",
                        "none",
                        "from",
                        "Switchboard <alerts@switchboard.test>",
                        "to",
                        "{{data.owner}}, ops@switchboard.test",
                        "cc",
                        "audit@switchboard.test",
                        "subject",
                        "Temperature alert: {{data.sensor}}",
                        "body",
                        "<p>{{data.sensor}} is at <b>{{data.celsius}} °C</b></p>",
                        "format",
                        "html"),
                node("after", "test.capture", "sink", "mail-sent")));

        InjectConnector.send(
                engine.camel(),
                "mail-send",
                "{\"owner\": \"facilities@switchboard.test\", \"sensor\": \"cold-room\", \"celsius\": 9.5}");

        await().until(() -> alerts().size() == 3); // one copy per recipient mailbox
        MimeMessage received = alerts().get(0);
        assertThat(received.getSubject()).isEqualTo("Temperature alert: cold-room");
        assertThat(List.of(received.getRecipients(Message.RecipientType.TO)))
                .extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("facilities@switchboard.test", "ops@switchboard.test");
        assertThat(List.of(received.getRecipients(Message.RecipientType.CC)))
                .extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("audit@switchboard.test");
        assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo("alerts@switchboard.test");
        assertThat(received.getContentType()).startsWith("text/html");
        assertThat(received.getContent().toString()).contains("cold-room is at <b>9.5 °C</b>");
        assertThat(CaptureConnector.events("mail-sent"))
                .singleElement()
                .satisfies(e -> assertThat(e.data().path("sensor").asText()).isEqualTo("cold-room"));
        engine.undeploy("mail-out");
    }

    @Test
    void unseenMailBecomesAnEventAndIsMarkedSeen() throws Exception {
        GreenMailUser user = mail.setUser("support@switchboard.test", "support", "secret-1");
        user.deliver(multipartMail(
                "customer@example.test",
                "support@switchboard.test",
                "Box arrived damaged",
                "The box was crushed.",
                "<p>The box was <i>crushed</i>.</p>"));

        engine.deploy(chain(
                "mail-in",
                node(
                        "receive",
                        "mail.receive",
                        "host",
                        "127.0.0.1",
                        "port",
                        mail.getImap().getPort(),
                        "security",
                        "none",
                        "username",
                        "support",
                        "password",
                        "{{secret:SUPPORT_PASSWORD}}",
                        "interval",
                        "200ms"),
                node("seen", "test.capture", "sink", "mail-received")));

        await().until(() -> CaptureConnector.events("mail-received").size() == 1);
        Event event = CaptureConnector.events("mail-received").get(0);
        assertThat(event.type()).isEqualTo("dev.switchboard.mail.received");
        assertThat(event.source()).isEqualTo("/switchboard/flows/mail-in/receive");
        assertThat(event.subject()).isEqualTo("Box arrived damaged");
        assertThat(event.data().path("from").asText()).isEqualTo("customer@example.test");
        assertThat(event.data().path("to").get(0).asText()).isEqualTo("support@switchboard.test");
        assertThat(event.data().path("subject").asText()).isEqualTo("Box arrived damaged");
        assertThat(event.data().path("text").asText()).isEqualTo("The box was crushed.");
        assertThat(event.data().path("html").asText()).isEqualTo("<p>The box was <i>crushed</i>.</p>");
        assertThat(event.data().path("receivedAt").asText()).isNotBlank();
        assertThat(event.id())
                .isEqualTo(event.data().path("messageId").asText())
                .isNotBlank();
        await().until(() -> inbox(user).stream().allMatch(m -> m.isSet(Flags.Flag.SEEN)));
        engine.undeploy("mail-in");
        assertThat(CaptureConnector.events("mail-received")).hasSize(1);
    }

    @Test
    void mailStaysUnseenAndIsReadAgainWhenTheFlowFails() throws Exception {
        GreenMailUser user = mail.setUser("claims@switchboard.test", "claims", "secret-2");
        user.deliver(
                multipartMail("customer@example.test", "claims@switchboard.test", "Claim 7", "Please refund.", null));

        engine.deploy(chain(
                "mail-fail",
                node(
                        "receive",
                        "mail.receive",
                        "host",
                        "127.0.0.1",
                        "port",
                        mail.getImap().getPort(),
                        "security",
                        "none",
                        "username",
                        "claims",
                        "password",
                        "{{secret:CLAIMS_PASSWORD}}",
                        "interval",
                        "200ms"),
                node("attempt", "test.capture", "sink", "mail-attempts"),
                node("boom", "test.capture", "sink", "never", "fail", true)));

        await().until(() -> CaptureConnector.events("mail-attempts").size() >= 2);
        engine.undeploy("mail-fail");
        assertThat(inbox(user))
                .singleElement()
                .satisfies(m -> assertThat(m.isSet(Flags.Flag.SEEN)).isFalse());
    }

    private static List<MimeMessage> alerts() throws Exception {
        List<MimeMessage> alerts = new java.util.ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getSubject().startsWith("Temperature alert")) {
                alerts.add(m);
            }
        }
        return alerts;
    }

    private static List<StoredMessage> inbox(GreenMailUser user) throws Exception {
        return mail.getManagers().getImapHostManager().getInbox(user).getMessages();
    }

    private static MimeMessage multipartMail(String from, String to, String subject, String text, String html)
            throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setSentDate(new Date());
        if (html == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setContent(html, "text/html; charset=UTF-8");
            alternative.addBodyPart(plain);
            alternative.addBodyPart(rich);
            message.setContent(alternative);
        }
        message.saveChanges();
        return message;
    }
}
