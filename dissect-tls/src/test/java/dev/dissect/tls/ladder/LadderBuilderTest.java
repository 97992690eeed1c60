package dev.dissect.tls.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.tls.TlsPreferences;
import dev.dissect.tls.ladder.Annotation.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The ladders of the two loopback captures in {@code src/test/resources/ladder/} (see its README), checked message by
 * message against what the captures hold ({@code tshark -r ...} shows the same frames).
 */
class LadderBuilderTest {
    private static List<Ladder> read(String name, String filter) throws IOException, URISyntaxException {
        Path p = Path.of(LadderBuilderTest.class.getResource("/ladder/" + name).toURI());
        return LadderBuilder.read(p, filter, LadderFacts.NONE);
    }

    /** frame, from, to, phase, label: one line per arrow. */
    private static String outline(Ladder l) {
        StringBuilder sb = new StringBuilder();
        for (LadderMessage m : l.messages()) {
            sb.append(m.frames()).append(' ').append(m.from()).append("->").append(m.to()).append(' ')
                    .append(m.phase()).append(' ').append(m.label()).append('\n');
        }
        return sb.toString();
    }

    private static LadderMessage at(Ladder l, long frame, String label) {
        return l.messages().stream().filter(m -> m.frame() == frame && m.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + label + " in frame " + frame + ":\n" + outline(l)));
    }

    @Test
    void tls12RsaKeyTransport() throws Exception {
        List<Ladder> ladders = read("ladder-tls12-rsa.pcap", null);
        assertEquals(1, ladders.size());
        Ladder l = ladders.get(0);
        assertEquals(List.of(Role.DNS_SERVER, Role.CLIENT, Role.SERVER),
                l.participants().stream().map(Participant::role).toList());
        assertEquals("127.0.0.1:53", l.participant(Role.DNS_SERVER).endpoint());
        assertEquals("127.0.0.1:46882", l.participant(Role.CLIENT).endpoint());
        assertEquals("127.0.0.1:44341", l.participant(Role.SERVER).endpoint());
        assertEquals("example.test", l.participant(Role.SERVER).name());
        assertEquals("""
                1 CLIENT->DNS_SERVER DNS Query A example.test
                2 DNS_SERVER->CLIENT DNS Response A 127.0.0.1
                3 CLIENT->SERVER TCP_HANDSHAKE SYN
                4 SERVER->CLIENT TCP_HANDSHAKE SYN, ACK
                5 CLIENT->SERVER TCP_HANDSHAKE ACK
                6 CLIENT->SERVER TLS_HANDSHAKE ClientHello
                8 SERVER->CLIENT TLS_HANDSHAKE ServerHello, Certificate, ServerHelloDone
                10 CLIENT->SERVER TLS_HANDSHAKE ClientKeyExchange, ChangeCipherSpec, Finished
                11 SERVER->CLIENT TLS_HANDSHAKE ChangeCipherSpec, Finished
                12 CLIENT->SERVER APPLICATION_DATA Application Data
                13 SERVER->CLIENT APPLICATION_DATA Application Data
                14 SERVER->CLIENT TEARDOWN Alert
                16 CLIENT->SERVER TEARDOWN Alert
                17 CLIENT->SERVER TEARDOWN FIN, ACK
                18 SERVER->CLIENT TEARDOWN FIN, ACK
                """, outline(l));

        assertEquals(List.of("id 0x6217"), at(l, 1, "Query A example.test").annotations(Kind.DNS));
        assertEquals(0, at(l, 1, "Query A example.test").relativeNanos());
        assertEquals(13_120_000, at(l, 3, "SYN").relativeNanos());
        assertEquals(List.of("Seq=0"), texts(at(l, 3, "SYN")));
        assertEquals(List.of("Seq=0", "Ack=1"), texts(at(l, 4, "SYN, ACK")));
        assertEquals(List.of("Seq=1", "Ack=1"), texts(at(l, 5, "ACK")));

        LadderMessage hello = at(l, 6, "ClientHello");
        assertEquals(List.of("Seq=1", "Ack=1", "Len=147", "offers TLS 1.2", "SNI example.test",
                "1 suite: TLS_RSA_WITH_AES_128_GCM_SHA256", "ALPN h2, http/1.1"), texts(hello));
        LadderMessage server = at(l, 8, "ServerHello, Certificate, ServerHelloDone");
        assertEquals(List.of("TLS 1.2"), server.annotations(Kind.TLS_VERSION));
        assertEquals(List.of("TLS_RSA_WITH_AES_128_GCM_SHA256 (0x009c)"), server.annotations(Kind.SUITE_CHOSEN));
        assertEquals(List.of("RSA key transport"), server.annotations(Kind.KEY_EXCHANGE));
        assertEquals(List.of("CN=example.test"), server.annotations(Kind.CERTIFICATE));
        assertEquals(List.of("pre-master secret encrypted to the server's RSA key"),
                at(l, 10, "ClientKeyExchange, ChangeCipherSpec, Finished").annotations(Kind.KEY_EXCHANGE));
        assertEquals(List.of("encrypted"), at(l, 11, "ChangeCipherSpec, Finished").annotations(Kind.NOTE));
        assertEquals(List.of("encrypted"), at(l, 14, "Alert").annotations(Kind.ALERT));
        assertEquals(List.of("Seq=608", "Ack=3060"), texts(at(l, 17, "FIN, ACK")));
    }

    @Test
    void tls13WithInferredEncryptedHandshake() throws Exception {
        Ladder l = read("ladder-tls13.pcap", null).get(0);
        assertEquals("""
                1 CLIENT->DNS_SERVER DNS Query A example.test
                2 DNS_SERVER->CLIENT DNS Response A 127.0.0.1
                3 CLIENT->SERVER TCP_HANDSHAKE SYN
                4 SERVER->CLIENT TCP_HANDSHAKE SYN, ACK
                5 CLIENT->SERVER TCP_HANDSHAKE ACK
                6 CLIENT->SERVER TLS_HANDSHAKE ClientHello
                8 SERVER->CLIENT TLS_HANDSHAKE ServerHello, ChangeCipherSpec, EncryptedExtensions, Certificate, \
                CertificateVerify, Finished
                10 CLIENT->SERVER TLS_HANDSHAKE ChangeCipherSpec, Finished
                11-12 SERVER->CLIENT APPLICATION_DATA Application Data
                13 CLIENT->SERVER APPLICATION_DATA Application Data
                14-15 SERVER->CLIENT APPLICATION_DATA Application Data
                17 CLIENT->SERVER APPLICATION_DATA Application Data
                18 SERVER->CLIENT TEARDOWN FIN, ACK
                19 CLIENT->SERVER TEARDOWN FIN, ACK
                """, outline(l));
        LadderMessage hello = l.messages().get(5);
        assertEquals(List.of("offers TLS 1.3"), hello.annotations(Kind.TLS_VERSION));
        assertEquals(List.of("3 suites: TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256, TLS_AES_128_GCM_SHA256"),
                hello.annotations(Kind.SUITES_OFFERED));
        assertEquals(List.of("key share x25519"), hello.annotations(Kind.KEY_EXCHANGE));
        LadderMessage server = l.messages().get(6);
        assertEquals(List.of("TLS 1.3"), server.annotations(Kind.TLS_VERSION));
        assertEquals(List.of("TLS_AES_128_GCM_SHA256 (0x1301)"), server.annotations(Kind.SUITE_CHOSEN));
        assertEquals(List.of("ECDHE x25519"), server.annotations(Kind.KEY_EXCHANGE));
        assertEquals(List.of("compatibility only (RFC 8446 D.4)", "encrypted: 4 records; types inferred"),
                server.annotations(Kind.NOTE));
        LadderMessage run = l.messages().get(8);
        assertEquals(11, run.firstFrame());
        assertEquals(12, run.lastFrame());
        assertEquals(List.of("Seq=1353", "Ack=582", "Len=478", "2 frames: 11-12", "2 encrypted records"), texts(run));
    }

    @Test
    void tls13WithKeysShowsTheDecryptedMessagesAndTheirChecks() throws Exception {
        Path p = Path.of(LadderBuilderTest.class.getResource("/ladder/ladder-tls13.pcap").toURI());
        DissectionEngine engine = DissectionEngine.withDefaults();
        TlsPreferences tls = TlsPreferences.of(engine.session());
        tls.addKeyLogFile(Path.of(LadderBuilderTest.class.getResource("/ladder/ladder-tls13.keys").toURI()));
        tls.validation(TlsPreferences.Validation.ALWAYS);
        LadderBuilder builder = new LadderBuilder(engine, null, LadderFacts.DISSECTED);
        Dissection d = new Dissection();
        d.recordFields(builder.fields());
        try (CaptureSource source = Captures.open(p)) {
            for (FrameView frame; (frame = source.next()) != null; ) {
                engine.dissect(frame, d);
                builder.accept(d);
            }
        }
        Ladder l = builder.build().get(0);
        String outline = outline(l);
        assertTrue(outline.contains("11 SERVER->CLIENT TLS_HANDSHAKE NewSessionTicket\n"), outline);
        assertTrue(outline.contains("13 CLIENT->SERVER APPLICATION_DATA Application Data\n"), outline);
        assertEquals(List.of("verify_data verified"), at(l, 10, "ChangeCipherSpec, Finished").annotations(Kind.FINISHED));
        // The server's self-signed certificate is not in the JDK's trust store.
        assertTrue(at(l, 8, "ServerHello, ChangeCipherSpec, EncryptedExtensions, Certificate, CertificateVerify, "
                + "Finished").annotations(Kind.VALIDATION).get(0).startsWith("chain invalid"), outline);
    }

    @Test
    void factsFromElsewhereAreShown() throws Exception {
        Path p = Path.of(LadderBuilderTest.class.getResource("/ladder/ladder-tls12-rsa.pcap").toURI());
        Ladder l = LadderBuilder.read(p, null, new LadderFacts() {
            @Override
            public Boolean finishedVerified(dev.dissect.tls.connection.TlsConnection c, boolean fromServer) {
                return !fromServer;
            }
        }).get(0);
        assertEquals(List.of("verify_data verified"),
                at(l, 10, "ClientKeyExchange, ChangeCipherSpec, Finished").annotations(Kind.FINISHED));
        assertEquals(List.of("verify_data MISMATCH"), at(l, 11, "ChangeCipherSpec, Finished").annotations(Kind.FINISHED));
    }

    @Test
    void aFilterSelectsConnections() throws Exception {
        assertEquals(1, read("ladder-tls13.pcap", "tcp.port == 44342").size());
        assertEquals(0, read("ladder-tls13.pcap", "tcp.port == 1").size());
        assertEquals(0, read("ladder-tls13.pcap", "dns").size());
    }

    @Test
    void textStaysWithinTheWidth() throws Exception {
        String text = LadderText.render(read("ladder-tls13.pcap", null));
        for (String line : text.split("\n")) {
            assertTrue(line.length() <= LadderText.DEFAULT_WIDTH, line);
        }
        assertTrue(text.contains("      3  0.017072  |               |-------------->|  SYN\n"), text);
        assertTrue(text.contains("---- TLS handshake "), text);
    }

    @Test
    void svgAndHtmlAreWellFormedXml() throws Exception {
        List<Ladder> ladders = read("ladder-tls12-rsa.pcap", null);
        Document svg = parse(LadderSvg.render(ladders));
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        assertTrue(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line").getLength() >= 15 + 3);
        String html = LadderSvg.html(ladders);
        // The page's SVG is the same document; the page itself is HTML5, checked for the embedded SVG.
        assertEquals("svg", parse(html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + 6))
                .getDocumentElement().getLocalName());
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", LadderSvg.escape("a <b> & \"c\""));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(LadderMessage m) {
        return m.annotations().stream().map(Annotation::text).toList();
    }
}
