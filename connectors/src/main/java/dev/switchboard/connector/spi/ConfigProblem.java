package dev.switchboard.connector.spi;

/**
 * A connector-specific configuration problem.
 *
 * @param pointer JSON pointer relative to the node's {@code config} object, e.g. {@code /rules/0/op}
 */
public record ConfigProblem(String pointer, String message) {}
