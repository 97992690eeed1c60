package dev.dissect.tls.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.stream.StreamDirection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpDissectorTest {
    private static final StreamDirection C = StreamDirection.CLIENT_TO_SERVER;
    private static final StreamDirection S = StreamDirection.SERVER_TO_CLIENT;

    /** As tshark 4.0: one http layer per call of its HTTP dissector, which loops over the segment's messages. */
    @Test
    void keepAliveRequestsInOneSegmentShareOneLayer() {
        StreamFeeder f = new StreamFeeder(new HttpDissector("https"));
        Dissection d = f.segment(C, "GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n"
                + "GET /b?x=1 HTTP/1.1\r\nHost: example.com\r\n\r\n");
        assertEquals(List.of("/a", "/b?x=1"), all(d, HttpFields.REQUEST_URI));
        assertEquals(List.of("https://example.com/a", "https://example.com/b?x=1"),
                all(d, HttpFields.REQUEST_FULL_URI));
        assertEquals(List.of("1", "2"), all(d, HttpFields.REQUEST_NUMBER));
        assertEquals("GET /a HTTP/1.1 , GET /b?x=1 HTTP/1.1 ", d.infoText());
        assertEquals(List.of("Host: example.com\r\n", "Host: example.com\r\n"), all(d, HttpFields.REQUEST_LINE));
        assertEquals("http", d.protocolsText().toString());
    }

    /**
     * A message completed from earlier bytes has a layer of its own when it waited for a known length, but shares
     * it with the messages after it when it waited for its head's end (tshark's TCP got "one more segment").
     */
    @Test
    void aReassembledMessageHasItsOwnLayerUnlessItWaitedForItsHead() {
        dev.dissect.tls.TlsFlow flow = new dev.dissect.tls.TlsFlow(80);
        flow.client(ascii("GET /a HTTP/1.1\r\nHost: h\r\n"));
        dev.dissect.tls.TlsFlow.Result r = flow.client(ascii("\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n"
                + "GET /c HTTP/1.1\r\nHost: h\r\n\r\n"));
        assertEquals("/a,/b,/c", r.get("http.request.uri"));
        assertEquals("eth:ethertype:ip:tcp:http", protocols(flow));
        flow.server(ascii("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nab"));
        r = flow.server(ascii("cdHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
        assertEquals("200,200,200", r.get("http.response.code"));
        assertEquals("eth:ethertype:ip:tcp:http:data:http", protocols(flow));
    }

    /**
     * RFC 9110 9.3.6: a 2xx response to CONNECT has no body and opens a tunnel. Its bytes get an http layer, as
     * tshark's HTTP hands them on; a tunnel that starts with a TLS handshake record gets none.
     */
    @Test
    void connectOpensATunnel() {
        dev.dissect.tls.TlsFlow flow = new dev.dissect.tls.TlsFlow(80);
        flow.client(ascii("CONNECT mail.example:25 HTTP/1.0\r\n\r\n"));
        dev.dissect.tls.TlsFlow.Result r = flow.server(ascii("HTTP/1.0 200 Connection established\r\n\r\n"));
        assertEquals("200", r.get("http.response.code"));
        assertEquals("eth:ethertype:ip:tcp:http", protocols(flow));
        r = flow.server(ascii("220 mail.example ESMTP\r\n"));
        assertEquals("", r.get("http.response.code"));
        assertEquals("eth:ethertype:ip:tcp:http", protocols(flow));
        flow.client(new byte[] {22, 3, 1, 0, 1, 1});
        assertEquals("eth:ethertype:ip:tcp", protocols(flow));
    }

    /** As tshark: bytes that start no message wait for a line end (one more segment), then are a continuation. */
    @Test
    void bytesWithoutALineEndWaitForOne() {
        dev.dissect.tls.TlsFlow flow = new dev.dissect.tls.TlsFlow(80);
        flow.client(ascii("GET / HTTP/1.0\r\n\r\n"));
        flow.server(new byte[] {1, 2, 3});
        assertEquals("eth:ethertype:ip:tcp", protocols(flow));
        flow.server(new byte[] {4, '\n'});
        assertEquals("eth:ethertype:ip:tcp:http:data", protocols(flow));
        dev.dissect.tls.TlsFlow.Result r = flow.server(ascii("HTTP/1.1 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\n\r\n"));
        assertEquals("101", r.get("http.response.code"));
        flow.server(new byte[] {(byte) 0x81, 2, 'h', 'i'});
        assertEquals("eth:ethertype:ip:tcp:http", protocols(flow)); // WebSocket after the 101: a tunnel
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static String protocols(dev.dissect.tls.TlsFlow flow) {
        return flow.tree().appendProtocols(new StringBuilder()).toString();
    }

    @Test
    void aBodyOverSeveralSegmentsBelongsToTheLastOne() {
        StreamFeeder f = new StreamFeeder(new HttpDissector());
        Dissection first = f.segment(S, "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Len");
        assertEquals(Dissection.NONE, first.findLayer("http"));
        assertEquals(Dissection.NONE, f.segment(S, "gth: 10\r\n\r\n12345").findLayer("http"));
        Dissection done = f.segment(S, "67890");
        assertEquals(List.of("200"), all(done, HttpFields.RESPONSE_CODE));
        assertEquals(List.of("10"), all(done, HttpFields.CONTENT_LENGTH));
        assertEquals(List.of("10"), all(done, HttpFields.CONTENT_LENGTH_HEADER));
        assertEquals(List.of("1234567890"), all(done, HttpFields.FILE_DATA));
        assertEquals("HTTP/1.1 200 OK  (text/plain)", done.infoText());
    }

    @Test
    void chunkedBodiesAreJoined() {
        StreamFeeder f = new StreamFeeder(new HttpDissector());
        f.segment(C, "GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        assertEquals(Dissection.NONE, f.segment(S, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n").findLayer("http"));
        Dissection d = f.segment(S, "7;ext=1\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n");
        assertEquals(List.of("hello, world"), all(d, HttpFields.FILE_DATA));
        assertEquals(List.of("5", "7", "0"), all(d, HttpFields.CHUNK_SIZE));
        assertEquals(List.of("chunked"), all(d, HttpFields.TRANSFER_ENCODING));
        assertEquals(List.of("1"), all(d, HttpFields.REQUEST_IN));
        assertEquals(List.of("2.000000000"), all(d, HttpFields.TIME)); // frame 3 answers frame 1
    }

    /** Chunk sizes with leading zeros, as some embedded servers write them (an IPP printer's {@code 0000013b}). */
    @Test
    void chunkSizesMayHaveLeadingZeros() {
        StreamFeeder f = new StreamFeeder(new HttpDissector());
        f.segment(C, "GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        f.segment(S, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0000000005\r\nhello\r\n");
        Dissection d = f.segment(S, "0\r\n\r\n");
        assertEquals(List.of("hello"), all(d, HttpFields.FILE_DATA));
        assertEquals(List.of("5", "0"), all(d, HttpFields.CHUNK_SIZE));
    }

    @Test
    void aResponseWithoutLengthEndsWithTheConnection() {
        StreamFeeder f = new StreamFeeder(new HttpDissector());
        assertEquals(Dissection.NONE,
                f.segment(S, "HTTP/1.0 200 OK\r\nServer: old\r\n\r\nall of it").findLayer("http"));
        f.segment(S, " and more");
        Dissection d = f.end(S);
        assertEquals(List.of("all of it and more"), all(d, HttpFields.FILE_DATA));
        assertEquals(List.of("old"), all(d, HttpFields.SERVER));
    }

    @Test
    void responsesToHeadAnd304HaveNoBody() {
        StreamFeeder f = new StreamFeeder(new HttpDissector());
        f.segment(C, "HEAD /x HTTP/1.1\r\nHost: h\r\n\r\nGET /y HTTP/1.1\r\nHost: h\r\n\r\n");
        Dissection d = f.segment(S, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"
                + "HTTP/1.1 304 Not Modified\r\n\r\n");
        assertEquals(List.of("200", "304"), all(d, HttpFields.RESPONSE_CODE));
        assertEquals(List.of("http://h/x", "http://h/y"), all(d, HttpFields.RESPONSE_FOR_URI));
        assertEquals(List.of(), all(d, HttpFields.FILE_DATA));
    }

    @Test
    void aHeadOverTheLimitIsADiagnosticAndStopsTheDirection() {
        StreamFeeder f = new StreamFeeder(new HttpDissector());
        StringBuilder big = new StringBuilder("GET / HTTP/1.1\r\n");
        while (big.length() <= HttpDissector.MAX_HEAD) {
            big.append("X-Filler: ").append("a".repeat(100)).append("\r\n");
        }
        Dissection d = f.segment(C, big.toString());
        assertEquals(1, d.diagnosticCount());
        assertEquals(HttpFields.HEAD_TOO_LONG, d.diagnosticDef(0));
        assertEquals(Dissection.NONE, f.segment(C, "GET / HTTP/1.1\r\n\r\n").findLayer("http"));
    }

    @Test
    void badContentLengthAndNonHttpBytes() {
        StreamFeeder f = new StreamFeeder(new HttpDissector());
        Dissection bad = f.segment(S, "HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\nbody");
        assertEquals(HttpFields.BAD_CONTENT_LENGTH, bad.diagnosticDef(0));
        StreamFeeder g = new StreamFeeder(new HttpDissector());
        Dissection binary = g.segment(C, new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, '\n', 4, 5});
        assertEquals(Dissection.NONE, binary.findLayer("http")); // before any message: no layer, as tshark
        assertNull(first(binary, HttpFields.REQUEST_METHOD));
        g.segment(C, "GET / HTTP/1.1\r\n\r\n");
        Dissection after = g.segment(C, new byte[] {1, 2, '\n', 4, 5});
        assertEquals("Continuation", after.infoText());
        assertEquals(after.findLayer("http") + 1, after.findLayer("data"));
    }

    private static String first(Dissection d, FieldDef def) {
        int i = d.find(def, 0);
        return i == Dissection.NONE ? null : d.valueString(i);
    }

    private static List<String> all(Dissection d, FieldDef def) {
        List<String> out = new ArrayList<>();
        for (int i = d.find(def, 0); i != Dissection.NONE; i = d.find(def, i + 1)) {
            out.add(d.valueString(i));
        }
        return out;
    }
}
