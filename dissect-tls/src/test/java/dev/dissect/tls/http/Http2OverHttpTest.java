package dev.dissect.tls.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.stream.StreamDirection;
import dev.dissect.tls.http2.Http2Dissector;
import dev.dissect.tls.http2.Http2Fields;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Http2OverHttpTest {
    private static final StreamDirection C = StreamDirection.CLIENT_TO_SERVER;
    private static final StreamDirection S = StreamDirection.SERVER_TO_CLIENT;
    private static final String PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

    /** A frame: 24-bit length, type, flags, stream id, payload. */
    private static byte[] frame(int type, int flags, int stream, byte... payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(payload.length >>> 16);
        out.write(payload.length >>> 8);
        out.write(payload.length);
        out.write(type);
        out.write(flags);
        out.write(stream >>> 24);
        out.write(stream >>> 16);
        out.write(stream >>> 8);
        out.write(stream);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String values(Dissection d, String field) {
        StringBuilder out = new StringBuilder();
        for (int i = d.find(field, 0); i != Dissection.NONE; i = d.find(field, i + 1)) {
            if (out.length() > 0) {
                out.append(',');
            }
            d.appendValue(i, out);
        }
        return out.toString();
    }

    @Test
    void priorKnowledgeHandsTheConnectionToHttp2AsTsharkShowsIt() {
        StreamFeeder f = new StreamFeeder(new HttpDissector());
        byte[] settings = frame(4, 0, 0, (byte) 0, (byte) 3, (byte) 0, (byte) 0, (byte) 0, (byte) 100,
                (byte) 0, (byte) 4, (byte) 0, (byte) 1, (byte) 0, (byte) 0);
        byte[] windowUpdate = frame(8, 0, 0, (byte) 0, (byte) 0x0F, (byte) 0, (byte) 1);
        Dissection d = f.segment(C, concat(PREFACE.getBytes(StandardCharsets.US_ASCII), settings, windowUpdate));
        assertEquals("http:http2", d.protocolsText().toString());
        assertEquals("12,4", values(d, "http2.length"));
        assertEquals("4,8", values(d, "http2.type"));
        assertEquals("0x00,0x00", values(d, "http2.flags"));
        assertEquals("3,4", values(d, "http2.settings.id"));
        assertEquals("100", values(d, "http2.settings.max_concurrent_streams"));
        assertEquals("65536", values(d, "http2.settings.initial_window_size"));
        assertEquals("983041", values(d, "http2.window_update.window_size_increment"));
        assertEquals("Magic, SETTINGS[0], WINDOW_UPDATE[0]", d.infoText());

        Dissection ack = f.segment(S, frame(4, 1, 0));
        assertEquals("http:http2", ack.protocolsText().toString());
        assertEquals("0x01", values(ack, "http2.flags"));
    }

    @Test
    void aFrameSplitOverSegmentsIsDissectedInTheSegmentThatCompletesIt() {
        StreamFeeder f = new StreamFeeder(new HttpDissector());
        f.segment(C, PREFACE);
        byte[] rst = frame(3, 0, 5, (byte) 0, (byte) 0, (byte) 0, (byte) 8);
        Dissection first = f.segment(C, java.util.Arrays.copyOf(rst, 6));
        assertEquals("", first.protocolsText().toString());
        Dissection second = f.segment(C, java.util.Arrays.copyOfRange(rst, 6, rst.length));
        assertEquals("http:http2", second.protocolsText().toString());
        assertEquals("5", values(second, "http2.streamid"));
        assertEquals("8", values(second, "http2.rst_stream.error"));
    }

    @Test
    void anUpgradeToH2cSwitchesBothDirectionsAfterThe101() {
        StreamFeeder f = new StreamFeeder(new HttpDissector());
        f.segment(C, "GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                + "HTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n");
        Dissection switching = f.segment(S, concat(
                "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII),
                frame(7, 0, 0, (byte) 0, (byte) 0, (byte) 0, (byte) 1, (byte) 0, (byte) 0, (byte) 0, (byte) 0)));
        assertEquals("http:http:http2", switching.protocolsText().toString());
        assertEquals("1", values(switching, "http2.goaway.last_stream_id"));
        assertEquals("0", values(switching, "http2.goaway.error"));
        Dissection preface = f.segment(C, PREFACE);
        assertEquals("http:http2", preface.protocolsText().toString());
        assertEquals(PREFACE, values(preface, "http2.magic")); // control characters stay, as in http.request.line
    }

    @Test
    void badPaddingIsADiagnosticNotAnException() {
        StreamFeeder f = new StreamFeeder(new Http2Dissector());
        Dissection d = f.segment(S, frame(0, 0x8, 1, (byte) 9, (byte) 1, (byte) 2)); // pad 9 of 2 bytes
        assertEquals(Http2Fields.BAD_PAYLOAD, d.diagnosticDef(0));
        assertEquals("9", values(d, "http2.pad_length"));
    }
}
