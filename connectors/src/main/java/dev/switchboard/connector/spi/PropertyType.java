package dev.switchboard.connector.spi;

/** The kind of value a connector property holds; the designer picks its editor from it. */
public enum PropertyType {
    STRING,
    /** A single- or multi-line text with {@code {{data.path}}} look-ups. */
    TEMPLATE,
    NUMBER,
    INTEGER,
    BOOLEAN,
    /** One of {@link PropertySpec#options()}. */
    ENUM,
    /** A {@code {{secret:NAME}}} reference; a clear value is refused by the validator. */
    SECRET,
    /** An object of string keys to (template) string values, edited as a list of rows. */
    KEY_VALUE,
    /** ISO-8601 duration ({@code PT5S}) or a short form ({@code 5s}, {@code 250ms}, {@code 2m}). */
    DURATION,
    /** Quartz cron expression (6 or 7 fields). */
    CRON,
    /** A list of objects shaped by {@link PropertySpec#items()} (filter rules, switch branches). */
    LIST,
    /** Free JSON (a sample payload, a schema). */
    JSON
}
