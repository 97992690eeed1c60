package dev.dissect.tls.http2;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.buffer.ByteView;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Http2DissectorTest {
    private static ByteView ascii(String s) {
        return ByteView.of(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void prefaceWholeOrAsFarAsItGoes() {
        assertTrue(Http2Dissector.startsPreface(ascii("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\0\0\0\4"), 0, 28));
        assertTrue(Http2Dissector.startsPreface(ascii("PRI * HT"), 0, 8));
        assertFalse(Http2Dissector.startsPreface(ascii("PRIVMSG #x"), 0, 10));
        assertFalse(Http2Dissector.startsPreface(ascii("GET / HTTP/1.1\r\n"), 0, 16));
        assertTrue(Http2Dissector.PREFACE_LENGTH == 24);
    }
}
