package dev.dissect.tls.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.Protocol;
import dev.dissect.net.engine.CoreFields;
import dev.dissect.net.engine.Limits;
import dev.dissect.tls.TlsLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateFieldsTest {
    private static final Protocol TLS = new Protocol("tls", "Transport Layer Security", "TLS");

    /** Every certificate of a Certificate message into one tree, as the TLS dissector will do. */
    private static Dissection dissect(List<byte[]> certs) {
        int total = certs.stream().mapToInt(c -> c.length).sum();
        byte[] all = new byte[total];
        int at = 0;
        List<int[]> spans = new ArrayList<>();
        for (byte[] c : certs) {
            System.arraycopy(c, 0, all, at, c.length);
            spans.add(new int[] {at, c.length});
            at += c.length;
        }
        Dissection tree = new Dissection();
        tree.reset(null);
        tree.beginLayer(TLS, 0, total);
        ByteView view = ByteView.of(all);
        for (int[] s : spans) {
            assertNotNull(CertificateFields.add(tree, view, s[0], s[1]));
        }
        return tree;
    }

    /** What {@code -T fields -E occurrence=a -E aggregator=,} prints for one field. */
    private static String column(Dissection tree, String field) {
        StringBuilder out = new StringBuilder();
        for (int i = tree.find(field, 0); i != Dissection.NONE; i = tree.find(field, i + 1)) {
            if (out.length() > 0) {
                out.append(',');
            }
            tree.appendValue(i, out);
        }
        return out.toString();
    }

    @Test
    void agreesWithTsharkOnTheLoopbackCaptures() throws IOException {
        int compared = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/certs/loopback/expected-x509.tsv"), StandardCharsets.UTF_8))) {
            String capture = null;
            Dissection tree = null;
            for (String line; (line = r.readLine()) != null; ) {
                String[] cells = line.split("\t", -1);
                if (!cells[0].equals(capture)) {
                    capture = cells[0];
                    tree = dissect(LoopbackCapture.read(capture + ".pcap").certificates());
                }
                assertEquals(cells[2], column(tree, cells[1]), capture + " " + cells[1]);
                compared++;
            }
        }
        assertTrue(compared > 80, "compared " + compared);
    }

    @Test
    void fieldsPointAtTheirBytes() {
        List<byte[]> certs = LoopbackCapture.read("rsa-tls12.pcap").certificates();
        Dissection tree = dissect(certs);
        int i = tree.find("x509ce.dNSName", 0);
        assertEquals("www.loopback.test", tree.source(i).latin1(tree.offset(i), tree.length(i)));
        int serial = tree.find("x509af.serialNumber", 0);
        assertEquals(2, tree.length(serial));
        assertEquals("2048", column(tree, "tls.cert.key_bits").split(",")[0]);
    }

    @Test
    void ecKeySize() {
        Dissection tree = dissect(LoopbackCapture.read("ec-tls12.pcap").certificates());
        assertEquals("256,256,256", column(tree, "tls.cert.key_bits"));
    }

    @Test
    void tenThousandNestedSequencesAreADiagnosticNotAStackOverflow() {
        int depth = 10_000;
        byte[] der = new byte[depth * 4];
        // Each level: 30 82 LL LL, lengths counted from the inside out.
        for (int level = depth - 1; level >= 0; level--) {
            int inner = (depth - 1 - level) * 4;
            int p = level * 4;
            der[p] = 0x30;
            der[p + 1] = (byte) 0x82;
            der[p + 2] = (byte) (inner >>> 8);
            der[p + 3] = (byte) inner;
        }
        assertMalformed(der, "nested deeper");
    }

    @Test
    void garbageTruncationAndSizeAreDiagnostics() {
        byte[] cert = LoopbackCapture.read("rsa-tls12.pcap").certificates().get(0);
        assertMalformed(Arrays.copyOf(cert, cert.length - 10), "runs past");
        assertMalformed(new byte[] {0x30, 0x03, 0x02, 0x01, 0x05}, "not an X.509 certificate");
        assertMalformed(new byte[70_000], "limit");
        assertMalformed(new byte[] {0x30, (byte) 0x80, 0, 0}, "indefinite");
    }

    @Test
    void nothingIsParsedUnlessAnX509FieldOrTheProtocolStackIsRecorded() {
        byte[] cert = LoopbackCapture.read("rsa-tls12.pcap").certificates().get(0);
        byte[] bad = Arrays.copyOf(cert, cert.length - 10);
        Dissection tree = new Dissection();
        tree.recordFields(List.of(CoreFields.FRAME_NUMBER));
        tree.reset(null);
        tree.beginLayer(TLS, 0, bad.length);
        assertNull(CertificateFields.add(tree, ByteView.of(cert), 0, cert.length));
        assertNull(CertificateFields.add(tree, ByteView.of(bad), 0, bad.length));
        assertEquals(0, tree.diagnosticCount(), "not parsed, so nothing to report");

        tree.recordFields(List.of(CoreFields.FRAME_PROTOCOLS));
        assertNotNull(CertificateFields.add(tree, ByteView.of(cert), 0, cert.length));
        assertNull(CertificateFields.add(tree, ByteView.of(bad), 0, bad.length));
        assertEquals(1, tree.diagnosticCount());

        tree.recordFields(List.of(CertificateFields.fields().get(0)));
        assertNotNull(CertificateFields.add(tree, ByteView.of(cert), 0, cert.length));
    }

    @Test
    void theSessionsDerCapsAreApplied() throws CertificateParseException {
        byte[] cert = LoopbackCapture.read("rsa-tls12.pcap").certificates().get(0);
        assertEquals(ParsedCertificate.parse(cert).subject(), ParsedCertificate.parse(cert, 0, cert.length,
                Limits.defaults()).subject());
        CertificateParseException small = assertThrows(CertificateParseException.class, () -> ParsedCertificate.parse(
                cert, 0, cert.length, Limits.defaults().with(TlsLimits.MAX_DER_SIZE, cert.length - 1)));
        assertTrue(small.getMessage().contains("> limit of " + (cert.length - 1)), small.getMessage());
        CertificateParseException shallow = assertThrows(CertificateParseException.class, () -> ParsedCertificate
                .parse(cert, 0, cert.length, Limits.defaults().with(TlsLimits.MAX_DER_DEPTH, 3)));
        assertTrue(shallow.getMessage().contains("nested deeper than 3"), shallow.getMessage());
        // A larger cap lets a larger certificate through the guard (bcprov then says what it is).
        byte[] big = new byte[70_001]; // a SEQUENCE of 34,998 empty TLVs (00 00)
        big[0] = 0x30;
        big[1] = (byte) 0x83;
        big[2] = (byte) ((big.length - 5) >>> 16);
        big[3] = (byte) ((big.length - 5) >>> 8);
        big[4] = (byte) (big.length - 5);
        CertificateParseException notX509 = assertThrows(CertificateParseException.class, () -> ParsedCertificate
                .parse(big, 0, big.length, Limits.defaults().with(TlsLimits.MAX_DER_SIZE, 1 << 20)));
        assertTrue(notX509.getMessage().contains("not an X.509 certificate"), notX509.getMessage());
    }

    private static void assertMalformed(byte[] der, String why) {
        Dissection tree = new Dissection();
        tree.reset(null);
        tree.beginLayer(TLS, 0, der.length);
        assertNull(CertificateFields.add(tree, ByteView.of(der), 0, der.length));
        assertEquals(1, tree.diagnosticCount());
        assertEquals("x509.malformed", tree.diagnosticDef(0).name());
        assertTrue(tree.diagnosticDetail(0).contains(why), tree.diagnosticDetail(0));
        assertEquals(0, tree.fieldCount());
    }

    @Test
    void tsharkTimeFormat() {
        assertEquals("Apr  6, 2054 13:15:34.000000000 UTC",
                CertificateFields.tsharkUtc(Instant.parse("2054-04-06T13:15:34Z")));
    }
}
