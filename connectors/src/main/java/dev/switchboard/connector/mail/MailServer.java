package dev.switchboard.connector.mail;

import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Host, port, credentials and TLS of an SMTP or IMAP server, shared by the mail nodes. */
final class MailServer {
    static final String HOST = "host";
    static final String PORT = "port";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String SECURITY = "security";
    static final String NONE = "none";
    static final String STARTTLS = "starttls";
    static final String TLS = "tls";

    private MailServer() {}

    static PropertySpec host(String placeholder) {
        return PropertySpec.builder(HOST, PropertyType.STRING)
                .title("Server")
                .required()
                .placeholder(placeholder)
                .description("Host name of the mail server.")
                .build();
    }

    static PropertySpec port(String description) {
        return PropertySpec.builder(PORT, PropertyType.INTEGER)
                .title("Port")
                .description(description)
                .build();
    }

    static PropertySpec username() {
        return PropertySpec.builder(USERNAME, PropertyType.STRING)
                .title("Username")
                .build();
    }

    static PropertySpec password() {
        return PropertySpec.builder(PASSWORD, PropertyType.SECRET)
                .title("Password")
                .placeholder("{{secret:MAIL_PASSWORD}}")
                .description("A secret reference; never the password itself.")
                .build();
    }

    static PropertySpec security() {
        return PropertySpec.builder(SECURITY, PropertyType.ENUM)
                .title("Security")
                .options(NONE, STARTTLS, TLS)
                .defaultValue(STARTTLS)
                .description(
                        "none: plain (local test servers only). starttls: upgrade a plain connection. tls: TLS from the start.")
                .build();
    }

    /**
     * The Camel mail URI, e.g. {@code smtp://host:587} or {@code imaps://host:993}, with
     * credentials as options; {@code plainScheme} is smtp or imap.
     */
    static String uri(NodeConfig config, String plainScheme, int plainPort, int tlsPort, Map<String, Object> extra)
            throws Exception {
        String security = config.string(SECURITY, STARTTLS);
        boolean tls = TLS.equals(security);
        String scheme = tls ? plainScheme + "s" : plainScheme;
        long port = config.integer(PORT, tls ? tlsPort : plainPort);
        Map<String, Object> options = new LinkedHashMap<>();
        config.string(USERNAME).filter(s -> !s.isBlank()).ifPresent(u -> options.put("username", u));
        config.string(PASSWORD).filter(s -> !s.isBlank()).ifPresent(p -> options.put("password", "RAW(" + p + ")"));
        options.put("connectionTimeout", "15000");
        options.putAll(extra);
        return scheme + "://" + config.requireString(HOST) + ":" + port + "?"
                + org.apache.camel.util.URISupport.createQueryString(options);
    }

    /** Java Mail properties for STARTTLS, which has no URI scheme of its own. */
    static Properties javaMailProperties(NodeConfig config, String protocol) {
        Properties properties = new Properties();
        if (STARTTLS.equals(config.string(SECURITY, STARTTLS))) {
            properties.setProperty("mail." + protocol + ".starttls.enable", "true");
            properties.setProperty("mail." + protocol + ".starttls.required", "true");
        }
        return properties;
    }
}
