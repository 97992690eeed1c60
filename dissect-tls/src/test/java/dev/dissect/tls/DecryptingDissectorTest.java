package dev.dissect.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.testkit.TestFrame;
import dev.dissect.tls.connection.TlsConnection;
import dev.dissect.tls.connection.TlsConnections;
import dev.dissect.tls.decrypt.FinishedCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Decryption through the whole pipeline (reader, engine, TCP reassembly, TLS, HTTP) on the loopback captures of
 * {@code src/test/resources/decrypt}: keys from a key log file, from the capture's own Decryption Secrets Block,
 * and from the server's RSA key; a changed byte of ciphertext.
 */
class DecryptingDissectorTest {

    /** What one frame showed: summary, a few fields, diagnostics. */
    record Shown(String line, Map<String, String> fields, List<String> diagnostics) {
        String get(String name) {
            return fields.getOrDefault(name, "");
        }
    }

    static Path resource(String name) throws Exception {
        return Path.of(DecryptingDissectorTest.class.getResource("/decrypt/" + name).toURI());
    }

    /** Dissects {@code capture} with {@code engine}, changing frames with {@code edit}, feeding its DSBs. */
    static List<Shown> run(DissectionEngine engine, Path capture, UnaryOperator<FrameView> edit) throws Exception {
        List<Shown> out = new ArrayList<>();
        Dissection d = new Dissection();
        try (CaptureSource source = Captures.open(capture)) {
            DecryptionSecretsFeed secrets = new DecryptionSecretsFeed(source, TlsPreferences.of(engine.session()));
            for (FrameView f; (f = source.next()) != null; ) {
                secrets.poll();
                engine.dissect(edit.apply(f), d);
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < d.fieldCount(); i++) {
                    fields.merge(d.fieldDef(i).name(), d.valueString(i), (a, b) -> a + "," + b);
                }
                List<String> diagnostics = new ArrayList<>();
                for (int i = 0; i < d.diagnosticCount(); i++) {
                    diagnostics.add(d.diagnosticDef(i).name());
                }
                out.add(new Shown(f.number() + " " + d.protocolColumn() + " " + d.infoText(), fields, diagnostics));
            }
        }
        return out;
    }

    static List<String> tlsLines(List<Shown> frames) {
        return frames.stream().map(Shown::line).filter(l -> l.contains(" TLS") || l.contains(" HTTP")).toList();
    }

    @Test
    void tls13FromTheCapturesOwnDecryptionSecretsBlock() throws Exception {
        DissectionEngine engine = DissectionEngine.withDefaults();
        List<Shown> frames = run(engine, resource("tls13-chacha20-dsb.pcapng"), f -> f);
        assertEquals(List.of(
                "4 TLSv1 Client Hello",
                "6 TLSv1.3 Server Hello, Change Cipher Spec, Encrypted Extensions, Certificate, Certificate Verify, "
                        + "Finished",
                "8 TLSv1.3 Change Cipher Spec, Finished",
                "9 HTTP GET /hello.http HTTP/1.1 ",
                "10 TLSv1.3 New Session Ticket",
                "11 TLSv1.3 New Session Ticket",
                "12 HTTP HTTP/1.1 200 OK  (text/html)",
                "13 TLSv1.3 Alert (Level: Warning, Description: Close Notify)",
                "15 TLSv1.3 Alert (Level: Warning, Description: Close Notify)"), tlsLines(frames));
        Shown serverFlight = frames.get(5);
        assertEquals("2,8,11,15,20", serverFlight.get("tls.handshake.type"));
        assertEquals("22,20,22,22,22,22", serverFlight.get("tls.record.content_type"));
        assertEquals("23,23,23,23", serverFlight.get("tls.record.opaque_type"));
        assertEquals("1", serverFlight.get("tls.finished.verified"));
        assertFalse(serverFlight.get("x509af.serialNumber").isEmpty(), "the 1.3 certificate is dissected");
        assertEquals("1", frames.get(7).get("tls.finished.verified"));
        assertEquals("GET", frames.get(8).get("http.request.method"));
        assertEquals("200", frames.get(11).get("http.response.code"));

        TlsConnection c = TlsConnections.of(engine.session()).all().get(0);
        assertEquals(FinishedCheck.Verdict.VERIFIED, c.finishedCheck(false).verdict());
        assertEquals(FinishedCheck.Verdict.VERIFIED, c.finishedCheck(true).verdict());
        assertEquals(1, c.serverCertificates().size());
        assertEquals(0, c.failedRecords());
        assertTrue(c.decryptedRecords() >= 10);
    }

    @Test
    void tls12RsaKeyExchangeFromTheServersKey() throws Exception {
        DissectionEngine engine = DissectionEngine.withDefaults();
        TlsPreferences.of(engine.session()).addRsaKeyFile(resource("server-key.pem"));
        List<Shown> frames = run(engine, resource("tls12-rsa-aes128-cbc-sha.pcap"), f -> f);
        List<String> lines = tlsLines(frames);
        assertTrue(lines.contains("8 TLSv1.2 Client Key Exchange, Change Cipher Spec, Finished"), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.endsWith("HTTP GET /hello.http HTTP/1.1 ")), lines::toString);
        TlsConnection c = TlsConnections.of(engine.session()).all().get(0);
        assertTrue(c.finishedCheck(false).verified());
        assertTrue(c.finishedCheck(true).verified());
    }

    @Test
    void withoutKeysNothingChanges() throws Exception {
        DissectionEngine engine = DissectionEngine.withDefaults();
        List<Shown> frames = run(engine, resource("tls13-chacha20.pcap"), f -> f);
        assertEquals("6 TLSv1.3 Server Hello, Change Cipher Spec, Application Data, Application Data, "
                + "Application Data, Application Data", frames.get(5).line());
        assertEquals("", frames.get(5).get("tls.finished.verified"));
        TlsConnection c = TlsConnections.of(engine.session()).all().get(0);
        assertEquals(null, c.finishedCheck(true));
        assertEquals(0, c.decryptedRecords());
    }

    /** A flipped byte in the client's request: a diagnostic on that frame, no exception, the rest decrypts. */
    @Test
    void aChangedCiphertextByteIsAnAuthenticationFailure() throws Exception {
        DissectionEngine engine = DissectionEngine.withDefaults();
        TlsPreferences.of(engine.session()).addKeyLogFile(resource("tls13-chacha20.keys"));
        List<Shown> frames = run(engine, resource("tls13-chacha20.pcap"), f -> {
            if (f.number() != 9) {
                return f;
            }
            byte[] bytes = f.data().toArray();
            bytes[bytes.length - 3] ^= 0x01; // inside the record's Poly1305 tag
            return new TestFrame(f.number(), f.epochSecond(), f.nanos(), f.linkType(), bytes, f.originalLength());
        });
        Shown changed = frames.get(8);
        assertTrue(changed.diagnostics().contains("tls.decryption.failed"), changed.toString());
        assertEquals("9 TLSv1.3 Application Data", changed.line());
        assertEquals("12 HTTP HTTP/1.1 200 OK  (text/html)", frames.get(11).line());
        TlsConnection c = TlsConnections.of(engine.session()).all().get(0);
        assertEquals(1, c.failedRecords());
    }

    /**
     * TLS 1.3 0-RTT (record-more.sh): the resumed connection's early data decrypts with CLIENT_EARLY_TRAFFIC_SECRET
     * before the ServerHello (the suite found by trial among the offered ones), EndOfEarlyData still under the early
     * key, the client's Finished under its handshake key; the lines and record fields are tshark 4.0's.
     */
    @Test
    void tls13EarlyDataFromTheClientEarlyTrafficSecret() throws Exception {
        DissectionEngine engine = DissectionEngine.withDefaults();
        TlsPreferences.of(engine.session()).addKeyLogFile(resource("tls13-0rtt.keys"));
        List<Shown> frames = run(engine, resource("tls13-0rtt.pcap"), f -> f);
        List<String> lines = tlsLines(frames);
        assertEquals(List.of(
                "23 HTTP GET /early HTTP/1.0 ",
                "25 TLSv1.3 Server Hello, Change Cipher Spec, Encrypted Extensions, Finished",
                "27 TLSv1.3 End of Early Data, Finished",
                "28 TLSv1.3 New Session Ticket",
                "30 HTTP GET /late HTTP/1.0 ",
                "32 TLSv1.3 Alert (Level: Warning, Description: Close Notify)",
                "35 TLSv1.3 Alert (Level: Warning, Description: Close Notify)"),
                lines.subList(lines.indexOf("23 HTTP GET /early HTTP/1.0 "), lines.size()));
        Shown early = frames.get(22);
        assertEquals("22,20,23", early.get("tls.record.content_type"));
        assertEquals("23", early.get("tls.record.opaque_type"));
        assertEquals("/early", early.get("http.request.uri"));
        Shown endOfEarlyData = frames.get(26);
        assertEquals("5,20", endOfEarlyData.get("tls.handshake.type"));
        assertEquals("0,32", endOfEarlyData.get("tls.handshake.length"));
        assertEquals("1", endOfEarlyData.get("tls.finished.verified"));
        TlsConnection resumed = TlsConnections.of(engine.session()).all().get(1);
        assertEquals(0, resumed.failedRecords());
        assertTrue(resumed.finishedCheck(false).verified());
        assertTrue(resumed.finishedCheck(true).verified());
    }

    /** Without CLIENT_EARLY_TRAFFIC_SECRET the early record stays opaque; the rest of the connection decrypts. */
    @Test
    void earlyDataWithoutItsSecretStaysEncrypted() throws Exception {
        Path keys = Files.createTempFile("no-early", ".keys");
        try {
            Files.write(keys, Files.readAllLines(resource("tls13-0rtt.keys")).stream()
                    .filter(l -> !l.startsWith("CLIENT_EARLY_TRAFFIC_SECRET")).toList());
            DissectionEngine engine = DissectionEngine.withDefaults();
            TlsPreferences.of(engine.session()).addKeyLogFile(keys);
            List<Shown> frames = run(engine, resource("tls13-0rtt.pcap"), f -> f);
            assertTrue(frames.get(22).line().endsWith(" Client Hello, Change Cipher Spec, Application Data"));
            assertEquals("27 TLSv1.3 Application Data, Finished", frames.get(26).line()); // as tshark
            assertEquals("1", frames.get(26).get("tls.finished.verified"));
            assertEquals("30 HTTP GET /late HTTP/1.0 ", frames.get(29).line());
        } finally {
            Files.deleteIfExists(keys);
        }
    }

    /** Camellia-CBC (RFC 5932, encrypt-then-MAC) and ARIA-GCM (RFC 6209) from bcprov's engines. */
    @Test
    void camelliaAndAriaSuitesDecrypt() throws Exception {
        for (String name : List.of("tls12-rsa-camellia128-sha256", "tls12-ecdhe-aria256-gcm")) {
            DissectionEngine engine = DissectionEngine.withDefaults();
            TlsPreferences.of(engine.session()).addKeyLogFile(resource(name + ".keys"));
            List<String> lines = tlsLines(run(engine, resource(name + ".pcap"), f -> f));
            assertTrue(lines.contains("11 HTTP GET /hello.http HTTP/1.1 "), name + ": " + lines);
            assertTrue(lines.contains("12 HTTP HTTP/1.1 200 OK  (text/html)"), name + ": " + lines);
            TlsConnection c = TlsConnections.of(engine.session()).all().get(0);
            assertTrue(c.finishedCheck(false).verified(), name);
            assertTrue(c.finishedCheck(true).verified(), name);
            assertEquals(0, c.failedRecords(), name);
        }
    }
}
