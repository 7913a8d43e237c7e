package dev.switchboard.runtime.format;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes a flow file's bytes strictly as UTF-8. A byte sequence that is not UTF-8 is reported
 * with its line and column, like a JSON syntax error, rather than as "not UTF-8" somewhere in the file
 * (or, with a lenient decoder, as a replacement character nobody notices).
 */
final class Utf8Text {
    private Utf8Text() {}

    static String decode(byte[] bytes) throws MalformedFlowException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw invalidAt(bytes[in.position()], out);
        }
        out.flip();
        return out.toString();
    }

    /** Line and column of the bad byte, counted in the characters decoded before it, as the JSON parser counts. */
    private static MalformedFlowException invalidAt(byte bad, CharBuffer decoded) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < decoded.position(); i++) {
            if (decoded.get(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new MalformedFlowException(
                "Not UTF-8: the byte 0x" + String.format(Locale.ROOT, "%02X", bad & 0xFF)
                        + " is not part of a UTF-8 character; flow files are UTF-8 text (save the file as UTF-8)",
                line,
                decoded.position() - lineStart + 1);
    }
}
