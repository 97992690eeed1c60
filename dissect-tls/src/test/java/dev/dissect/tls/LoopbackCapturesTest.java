package dev.dissect.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.FrameView;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.tls.connection.TlsConnection;
import dev.dissect.tls.connection.TlsConnections;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The openssl captures of {@code src/test/resources/captures} (TLS 1.0 to 1.3) against tshark 4.0.17's summary lines
 * and JA3/JA3S ({@code tshark -r FILE -Y tls}).
 */
class LoopbackCapturesTest {

    private static List<String> tlsLines(String name, DissectionEngine engine) throws Exception {
        Path path = Path.of(LoopbackCapturesTest.class.getResource("/captures/" + name).toURI());
        List<String> lines = new ArrayList<>();
        Dissection d = new Dissection();
        try (CaptureSource reader = Captures.open(path)) {
            FrameView f;
            while ((f = reader.next()) != null) {
                engine.dissect(f, d);
                if (d.findLayer("tls") != Dissection.NONE) {
                    lines.add(f.number() + " " + d.protocolColumn() + " " + d.infoText());
                }
            }
        }
        return lines;
    }

    @Test
    void tls12Ecdhe() throws Exception {
        DissectionEngine engine = DissectionEngine.withDefaults();
        assertEquals(List.of(
                "4 TLSv1 Client Hello",
                "6 TLSv1.2 Server Hello, Certificate, Server Key Exchange, Server Hello Done",
                "8 TLSv1.2 Client Key Exchange, Change Cipher Spec, Encrypted Handshake Message",
                "9 TLSv1.2 New Session Ticket, Change Cipher Spec, Encrypted Handshake Message",
                "10 TLSv1.2 Encrypted Alert",
                "12 TLSv1.2 Encrypted Alert"), tlsLines("tls12-ecdhe.pcap", engine));
        TlsConnection c = TlsConnections.of(engine.session()).all().get(0);
        assertEquals("22558766122974704364c9c75c5cce0a", c.ja3());
        assertEquals("abade5a4a7f42baf54766e5d108283b6", c.ja3s());
        assertEquals("localhost", c.serverName());
        assertEquals(0xc02c, c.cipherSuite());
        assertEquals(1, c.certificates().size());
        assertEquals(List.of("h2", "http/1.1"), c.alpnOffered());
        assertEquals(2, c.alerts().size());
    }

    @Test
    void tls13HelloRetryRequest() throws Exception {
        DissectionEngine engine = DissectionEngine.withDefaults();
        assertEquals(List.of(
                "4 TLSv1 Client Hello",
                "6 TLSv1.3 Hello Retry Request, Change Cipher Spec",
                "8 TLSv1.3 Change Cipher Spec, Client Hello",
                "9 TLSv1.3 Server Hello, Application Data, Application Data, Application Data, Application Data",
                "10 TLSv1.3 Application Data",
                "11 TLSv1.3 Application Data",
                "12 TLSv1.3 Application Data",
                "13 TLSv1.3 Application Data",
                "15 TLSv1.3 Application Data"), tlsLines("tls13-hrr.pcap", engine));
        TlsConnection c = TlsConnections.of(engine.session()).all().get(0);
        assertEquals("c957e1b78599f9337a29ea53e8c1625d", c.ja3());
        assertEquals("15af977ce25de452b96affa2addb1036", c.ja3s());
        assertEquals(0x0304, c.version());
        assertEquals(true, c.helloRetryRequest());
    }

    @Test
    void tls10RsaKeyExchange() throws Exception {
        DissectionEngine engine = DissectionEngine.withDefaults();
        assertEquals(List.of(
                "4 TLSv1 Client Hello",
                "6 TLSv1 Server Hello, Certificate, Server Hello Done",
                "8 TLSv1 Client Key Exchange, Change Cipher Spec, Encrypted Handshake Message",
                "9 TLSv1 New Session Ticket, Change Cipher Spec, Encrypted Handshake Message",
                "10 TLSv1 Encrypted Alert",
                "12 TLSv1 Encrypted Alert"), tlsLines("tls10-rsa.pcap", engine));
        TlsConnection c = TlsConnections.of(engine.session()).all().get(0);
        assertEquals("81a0aac4f461f6e2ce8ce883016b53d6", c.ja3());
        assertEquals("448408f04b4601c7c5f6ebfed4371d37", c.ja3s());
        assertEquals(0x0301, c.version());
        assertEquals(0x002f, c.cipherSuite());
    }

    @Test
    void tls11Ecdhe() throws Exception {
        DissectionEngine engine = DissectionEngine.withDefaults();
        assertEquals(List.of(
                "4 TLSv1 Client Hello",
                "6 TLSv1.1 Server Hello, Certificate, Server Key Exchange, Server Hello Done",
                "8 TLSv1.1 Client Key Exchange, Change Cipher Spec, Encrypted Handshake Message",
                "9 TLSv1.1 New Session Ticket, Change Cipher Spec, Encrypted Handshake Message",
                "10 TLSv1.1 Application Data",
                "11 TLSv1.1 Encrypted Alert",
                "13 TLSv1.1 Encrypted Alert"), tlsLines("tls11-ecdhe.pcap", engine));
        TlsConnection c = TlsConnections.of(engine.session()).all().get(0);
        assertEquals("aebb508f61f6a3651e1d9f64da92217f", c.ja3());
        assertEquals("35b72bd6c43cf850b77a476c54cee5ab", c.ja3s());
        assertEquals(0x0302, c.version());
        assertEquals(0xc014, c.cipherSuite());
    }
}
