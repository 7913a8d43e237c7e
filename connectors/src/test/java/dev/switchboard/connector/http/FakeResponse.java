package dev.switchboard.connector.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** HTTP answers for tests of how a connector classifies them, without a server. */
public final class FakeResponse {
    private FakeResponse() {}

    /** A JSON answer with extra headers as name, value pairs. */
    public static HttpReply json(int status, String body, String... headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("Content-Type", List.of("application/json; charset=utf-8"));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return new HttpReply(status, HttpHeaders.of(map, (a, b) -> true), body.getBytes(StandardCharsets.UTF_8));
    }
}
