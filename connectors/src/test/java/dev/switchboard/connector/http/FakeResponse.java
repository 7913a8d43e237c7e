package dev.switchboard.connector.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/** An HTTP answer for tests of how a connector classifies it, without a server. */
public record FakeResponse(int statusCode, Map<String, List<String>> headerMap, byte[] body)
        implements HttpResponse<byte[]> {

    /** A JSON answer with extra headers as name, value pairs. */
    public static FakeResponse json(int status, String body, String... headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("Content-Type", List.of("application/json; charset=utf-8"));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return new FakeResponse(status, map, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public HttpRequest request() {
        return HttpRequest.newBuilder(URI.create("http://localhost/")).build();
    }

    @Override
    public Optional<HttpResponse<byte[]>> previousResponse() {
        return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
        return HttpHeaders.of(headerMap, (a, b) -> true);
    }

    @Override
    public Optional<SSLSession> sslSession() {
        return Optional.empty();
    }

    @Override
    public URI uri() {
        return request().uri();
    }

    @Override
    public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
    }
}
