package dev.switchboard.connector.http;

import java.net.http.HttpHeaders;

/**
 * A server's whole answer, read before the connection went back to the pool.
 *
 * @param headers case-insensitive look-ups ({@link HttpHeaders#firstValue})
 * @param body never null; empty for no body
 */
public record HttpReply(int statusCode, HttpHeaders headers, byte[] body) {}
