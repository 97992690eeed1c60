package dev.dissect.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.tls.connection.TlsConnection;
import dev.dissect.tls.connection.TlsConnections;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The loopback captures of {@code src/test/resources/issue6} (made by its {@code record.sh}) against tshark
 * 4.0.17's fields for them, without and with the key log: a TLS 1.2 handshake in 512-byte records with a chain of
 * three certificates, and a TLS 1.3 full handshake followed by a PSK resumption.
 *
 * <p>Every TLS field tshark printed is compared on every frame. {@code frame.protocols} and {@code http.*} are
 * not: the server is on port 44333 without ALPN, where tshark has no HTTP dissector and we find HTTP by its first
 * bytes.
 */
class Issue6CapturesTest {
    private static final List<String> COMPARED = List.of("tls.record.content_type", "tls.record.opaque_type",
            "tls.record.length", "tls.handshake.type", "tls.handshake.length", "tls.handshake.session_id",
            "tls.handshake.ciphersuite", "tls.handshake.extension.type", "tls.handshake.certificate_length");

    private static Path resource(String name) throws Exception {
        return Path.of(Issue6CapturesTest.class.getResource("/issue6/" + name).toURI());
    }

    /** Compares every frame; returns the engine for further checks. */
    private static DissectionEngine compare(String name, boolean decrypted) throws Exception {
        DissectionEngine engine = DissectionEngine.withDefaults();
        if (decrypted) {
            TlsPreferences.of(engine.session()).addKeyLogFile(resource(name + ".keys"));
        }
        List<String> expected = Files.readAllLines(resource(name + (decrypted ? ".tshark-decrypted.tsv"
                : ".tshark.tsv")), StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(expected.get(0).split("\t", -1));
        List<String> differences = new ArrayList<>();
        Dissection d = new Dissection();
        int row = 1;
        try (CaptureSource source = Captures.open(resource(name + ".pcap"))) {
            for (FrameView f; (f = source.next()) != null; row++) {
                engine.dissect(f, d);
                String[] theirs = expected.get(row).split("\t", -1);
                for (String field : COMPARED) {
                    String t = theirs[header.indexOf(field)];
                    String o = values(d, field);
                    if (!t.equals(o)) {
                        differences.add("frame " + f.number() + " " + field + ": ours " + o + ", tshark " + t);
                    }
                }
            }
        }
        assertEquals(expected.size(), row, "frame count");
        assertEquals(List.of(), differences);
        return engine;
    }

    private static String values(Dissection d, String field) {
        StringBuilder sb = new StringBuilder();
        for (int i = d.find(field, 0); i >= 0; i = d.find(field, i + 1)) {
            sb.append(sb.length() == 0 ? "" : ",").append(d.valueString(i));
        }
        return sb.toString();
    }

    @Test
    void fragmentedHandshake() throws Exception {
        compare("tls12-fragmented", false);
        DissectionEngine engine = compare("tls12-fragmented", true);
        TlsConnection c = TlsConnections.of(engine.session()).all().get(0);
        assertEquals(3, c.serverCertificates().size());
        assertTrue(c.finishedCheck(false).verified());
        assertTrue(c.finishedCheck(true).verified());
    }

    @Test
    void tls13PskResumption() throws Exception {
        compare("tls13-resumption", false);
        DissectionEngine engine = compare("tls13-resumption", true);
        List<TlsConnection> all = TlsConnections.of(engine.session()).all();
        assertEquals(2, all.size());
        assertEquals(null, all.get(0).resumption());
        assertEquals("psk", all.get(1).resumption());
        assertTrue(all.get(1).finishedCheck(false).verified());
        assertTrue(all.get(1).finishedCheck(true).verified());
    }
}
