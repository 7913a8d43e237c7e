package dev.switchboard.connector.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.support.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 by hand over a loopback socket, for what a well-behaved client library will not send:
 * malformed requests, huge headers, a body cut short, a body sent after the answer came.
 */
public final class RawHttp implements AutoCloseable {
    /** A read that waits longer than this fails the test instead of hanging it. */
    private static final Duration READ_GUARD = Duration.ofSeconds(30);

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    public static RawHttp connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) READ_GUARD.toMillis());
        return new RawHttp(socket);
    }

    /** Sends text as ISO-8859-1 bytes (so {@code \r\n} stays two bytes). */
    public RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends {@code count} bytes of {@code x} in 64 KB writes, without holding them all in memory. */
    public RawHttp sendFiller(long count) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        long left = count;
        while (left > 0) {
            int n = (int) Math.min(chunk.length, left);
            out.write(chunk, 0, n);
            left -= n;
        }
        out.flush();
        return this;
    }

    /** Reads one response: status line, headers, and a body of its {@code Content-Length}. */
    public Response read() throws IOException {
        String head = readHead();
        String[] lines = head.split("\r\n");
        String[] status = lines[0].split(" ", 3);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(
                        lines[i].substring(0, colon).trim(),
                        lines[i].substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
        byte[] body = in.readNBytes(length);
        return new Response(
                Integer.parseInt(status[1]),
                Collections.unmodifiableMap(headers),
                new String(body, StandardCharsets.UTF_8));
    }

    /** Reads responses until a final one (skipping {@code 100 Continue}). */
    public Response readFinal() throws IOException {
        Response response = read();
        while (response.status() == 100) {
            response = read();
        }
        return response;
    }

    /** True when the server closed the connection (end of stream, or a reset). */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException reset) {
            return true;
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("The server closed the connection before a complete response head: "
                        + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }

    /** Closes at once with a reset (SO_LINGER 0): a caller that goes away mid-request. */
    public void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    public record Response(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            return Json.parse(body);
        }

        public String header(String name) {
            return headers.get(name);
        }
    }
}
