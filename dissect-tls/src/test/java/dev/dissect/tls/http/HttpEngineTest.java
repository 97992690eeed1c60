package dev.dissect.tls.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.engine.DissectionEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cleartext HTTP through the whole engine (ServiceLoader finds {@link HttpProvider}, {@code tcp.port} 8080, TCP
 * reassembly): python's http.server and curl on loopback ({@code resources/decrypt/record.sh}), values as tshark
 * 4.0 prints them for the same capture.
 */
class HttpEngineTest {

    @Test
    void dissectsRequestsAndResponsesLikeTshark() throws IOException {
        Map<Long, Map<String, String>> frames = dissect("http-8080.pcap");
        Map<String, String> get = frames.get(4L);
        assertEquals("1", get.get("http.request"));
        assertEquals("GET", get.get("http.request.method"));
        assertEquals("/hello.txt", get.get("http.request.uri"));
        assertEquals("HTTP/1.1", get.get("http.request.version"));
        assertEquals("127.0.0.1:8080", get.get("http.host"));
        assertTrue(get.get("http.user_agent").startsWith("curl/"));
        assertEquals("http://127.0.0.1:8080/hello.txt", get.get("http.request.full_uri"));
        assertEquals("GET /hello.txt HTTP/1.1 ", get.get("info"));

        Map<String, String> ok = frames.get(8L);
        assertEquals("1", ok.get("http.response"));
        assertEquals("HTTP/1.0", ok.get("http.response.version"));
        assertEquals("200", ok.get("http.response.code"));
        assertEquals("OK", ok.get("http.response.phrase"));
        assertEquals("text/plain", ok.get("http.content_type"));
        assertEquals("130", ok.get("http.content_length"));
        assertEquals("4", ok.get("http.request_in"));
        assertEquals("http://127.0.0.1:8080/hello.txt", ok.get("http.response_for.uri"));
        assertEquals(resource("hello.http"), ok.get("http.file_data"));
        assertEquals("HTTP/1.0 200 OK  (text/plain)", ok.get("info"));

        assertEquals("GET /missing HTTP/1.1 ", frames.get(17L).get("info"));
        Map<String, String> missing = frames.get(21L);
        assertEquals("404", missing.get("http.response.code"));
        assertEquals("Not Found", missing.get("http.response.code.desc"));
        assertEquals("HTTP/1.0 404 File not found  (text/html)", missing.get("info"));
        assertEquals("17", missing.get("http.request_in"));
        assertEquals(4, frames.size(), "only the four frames that complete a message carry http");
    }

    /** Frame number to (field name to first value, plus "info"), for frames with an http layer. */
    static Map<Long, Map<String, String>> dissect(String resource) throws IOException {
        Path file = Files.createTempFile("http", ".pcap");
        Map<Long, Map<String, String>> out = new HashMap<>();
        try {
            Files.write(file, bytes(resource));
            DissectionEngine engine = DissectionEngine.withDefaults();
            Dissection d = new Dissection();
            try (CaptureSource source = Captures.open(file)) {
                for (FrameView f = source.next(); f != null; f = source.next()) {
                    engine.dissect(f, d);
                    if (d.findLayer("http") == Dissection.NONE) {
                        continue;
                    }
                    Map<String, String> fields = new HashMap<>();
                    for (int i = 0; i < d.fieldCount(); i++) {
                        fields.putIfAbsent(d.fieldDef(i).name(), d.valueString(i));
                    }
                    fields.put("info", d.infoText());
                    out.put(f.number(), fields);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return out;
    }

    static String resource(String name) {
        return new String(bytes(name), StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(String name) {
        try (InputStream in = HttpEngineTest.class.getResourceAsStream("/decrypt/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
