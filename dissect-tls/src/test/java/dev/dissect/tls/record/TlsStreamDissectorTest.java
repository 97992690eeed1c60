package dev.dissect.tls.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.testkit.TlsMessages;
import dev.dissect.testkit.TlsMessages.ClientHello;
import dev.dissect.testkit.TlsMessages.Extension;
import dev.dissect.testkit.TlsMessages.ServerHello;
import dev.dissect.tls.TlsFlow;
import dev.dissect.tls.connection.TlsConnection;
import dev.dissect.tls.connection.TlsConnections;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsStreamDissectorTest {
    static final byte[] HRR_RANDOM = hex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

    static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.write(p, 0, p.length);
        }
        return o.toByteArray();
    }

    static byte[] clientHello(List<Extension> extensions) {
        return TlsMessages.clientHello(new ClientHello(0x0303, new byte[32], new byte[0],
                new int[] {0x0a0a, 0x1301, 0x1302, 0xc02f}, new int[] {0}, extensions));
    }

    @Test
    void clientHelloFieldsAndFingerprints() {
        TlsFlow flow = new TlsFlow();
        byte[] hello = clientHello(List.of(new Extension(0x0a0a, new byte[0]), TlsMessages.serverName("example.com"),
                TlsMessages.u16List(10, new int[] {0x2a2a, 29, 23}), TlsMessages.ecPointFormats(new int[] {0}),
                TlsMessages.alpn(List.of("h2", "http/1.1")), TlsMessages.u16List(13, new int[] {0x0403, 0x0804}),
                TlsMessages.supportedVersions(new int[] {0x3a3a, 0x0304, 0x0303})));
        TlsFlow.Result r = flow.client(TlsMessages.record(22, 0x0301, hello));
        assertEquals("Client Hello", r.info());
        assertEquals("TLSv1", r.protocol());
        assertEquals("22", r.get("tls.record.content_type"));
        assertEquals("0x0301", r.get("tls.record.version"));
        assertEquals("0x0a0a,0x1301,0x1302,0xc02f", r.get("tls.handshake.ciphersuite"));
        assertEquals("example.com", r.get("tls.handshake.extensions_server_name"));
        assertEquals("h2,http/1.1", r.get("tls.handshake.extensions_alpn_str"));
        assertEquals("0x3a3a,0x0304,0x0303", r.get("tls.handshake.extensions.supported_version"));
        assertEquals("771,4865-4866-49199,0-10-11-16-13-43,29-23,0", r.get("tls.handshake.ja3_full"));
        assertTrue(r.get("tls.handshake.ja4").startsWith("t13d0306h2_"), r.get("tls.handshake.ja4"));
        TlsConnection c = TlsConnections.of(flow.engine().session()).all().get(0);
        assertEquals("example.com", c.serverName());
        assertEquals(List.of("h2", "http/1.1"), c.alpnOffered());
    }

    @Test
    void severalRecordsPerSegmentAndOneRecordOverSegments() {
        TlsFlow flow = new TlsFlow();
        flow.client(TlsMessages.record(22, 0x0301, clientHello(null)));
        byte[] sh = TlsMessages.serverHello(new ServerHello(0x0303, new byte[32], new byte[0], 0xc02f, 0,
                List.of(new Extension(0xff01, new byte[1]))));
        byte[] shd = TlsMessages.handshake(14, new byte[0]);
        byte[] cert = TlsMessages.certificate12(List.of(new byte[700], new byte[300]));
        byte[] flight = concat(TlsMessages.record(22, 0x0303, sh), TlsMessages.record(22, 0x0303, cert),
                TlsMessages.record(22, 0x0303, shd));
        List<byte[]> pieces = TlsMessages.split(flight, 400);
        TlsFlow.Result last = null;
        for (byte[] p : pieces) {
            last = flow.server(p);
        }
        assertEquals("Certificate, Server Hello Done", last.info());
        assertEquals("700,300", last.get("tls.handshake.certificate_length"));
        assertEquals("TLSv1.2", last.protocol());
        TlsConnection c = TlsConnections.of(flow.engine().session()).all().get(0);
        assertEquals(2, c.certificates().size());
        assertEquals(0xc02f, c.cipherSuite());
    }

    /**
     * Application data that nothing decrypts and no field shows is passed over, not held: the records, their
     * frames, layers and segment lists are the same as when every byte is held.
     */
    @Test
    void applicationDataNoOneReadsIsPassedOverWithTheSameResults() {
        List<String> shown = List.of("frame.protocols", "tls.record.content_type", "tls.record.length",
                "tcp.segment", "tcp.reassembled.length");
        TlsFlow everything = new TlsFlow();
        TlsFlow fewFields = new TlsFlow();
        fewFields.tree().recordFields(shown.stream().map(n -> fewFields.engine().registry().fields().get(n))
                .toList());
        List<List<String>> all = appDataConversation(everything, shown);
        List<List<String>> few = appDataConversation(fewFields, shown);
        assertEquals(all, few);
        assertTrue(all.stream().anyMatch(f -> f.get(4).equals("5005")), "a record over several segments");
        assertTrue(everything.engine().session().counters().tcpPeakBufferedBytes() >= 5000, "held when shown");
        assertTrue(fewFields.engine().session().counters().tcpPeakBufferedBytes() < 1000, "passed over otherwise");
    }

    private static List<List<String>> appDataConversation(TlsFlow flow, List<String> shown) {
        List<List<String>> frames = new ArrayList<>();
        frames.add(values(flow.client(TlsMessages.record(22, 0x0301, clientHello(null))), shown));
        frames.add(values(flow.server(TlsMessages.record(22, 0x0303, TlsMessages.serverHello(new ServerHello(
                0x0303, new byte[32], new byte[0], 0xc02f, 0, List.of())))), shown));
        byte[] data = concat(TlsMessages.record(23, 0x0303, new byte[5000]), TlsMessages.record(23, 0x0303,
                new byte[300]), TlsMessages.record(23, 0x0303, new byte[5000]), TlsMessages.record(21, 0x0303,
                new byte[] {1, 0}));
        for (byte[] piece : TlsMessages.split(data, 1448)) {
            frames.add(values(flow.server(piece), shown));
        }
        return frames;
    }

    private static List<String> values(TlsFlow.Result r, List<String> names) {
        return names.stream().map(r::get).toList();
    }

    @Test
    void handshakeMessageOverSeveralRecordsAndEncryptedAfterChangeCipherSpec() {
        TlsFlow flow = new TlsFlow();
        flow.client(TlsMessages.record(22, 0x0301, clientHello(null)));
        byte[] sh = TlsMessages.serverHello(new ServerHello(0x0303, new byte[32], new byte[0], 0x009c, 0, null));
        byte[] cert = TlsMessages.certificate12(List.of(new byte[1000]));
        byte[] messages = concat(sh, cert, TlsMessages.handshake(14, new byte[0]));
        List<byte[]> fragments = TlsMessages.split(messages, 512);
        StringBuilder infos = new StringBuilder();
        for (byte[] f : fragments) {
            TlsFlow.Result r = flow.server(TlsMessages.record(22, 0x0303, f));
            infos.append('[').append(r.info()).append(']');
        }
        assertTrue(infos.toString().contains("Certificate, Server Hello Done"), infos.toString());
        TlsFlow.Result r = flow.client(concat(TlsMessages.record(22, 0x0303, TlsMessages.handshake(16,
                        concat(new byte[] {0, 4}, new byte[4]))), TlsMessages.record(20, 0x0303, new byte[] {1}),
                TlsMessages.record(22, 0x0303, new byte[40])));
        assertEquals("Client Key Exchange, Change Cipher Spec, Encrypted Handshake Message", r.info());
        assertEquals("4", r.get("tls.handshake.epms_len"));
        r = flow.client(TlsMessages.record(21, 0x0303, new byte[26]));
        assertEquals("Encrypted Alert", r.info());
    }

    @Test
    void helloRetryRequestAndTls13() {
        TlsFlow flow = new TlsFlow();
        flow.client(TlsMessages.record(22, 0x0301, clientHello(List.of(
                TlsMessages.supportedVersions(new int[] {0x0304})))));
        Extension selected = new Extension(51, new byte[] {0, 23});
        Extension v13 = new Extension(43, new byte[] {3, 4});
        TlsFlow.Result r = flow.server(TlsMessages.record(22, 0x0303, TlsMessages.serverHello(
                new ServerHello(0x0303, HRR_RANDOM, new byte[0], 0x1301, 0, List.of(v13, selected)))));
        assertEquals("Hello Retry Request", r.info());
        assertEquals("23", r.get("tls.handshake.extensions_key_share_selected_group"));
        assertEquals("TLSv1.3", r.protocol());
        r = flow.server(concat(TlsMessages.record(22, 0x0303, TlsMessages.serverHello(new ServerHello(0x0303,
                new byte[32], new byte[0], 0x1301, 0, List.of(v13)))), TlsMessages.record(20, 0x0303,
                new byte[] {1}), TlsMessages.record(23, 0x0303, new byte[50])));
        assertEquals("Server Hello, Change Cipher Spec, Application Data", r.info());
        assertEquals("22,20", r.get("tls.record.content_type"));
        assertEquals("23", r.get("tls.record.opaque_type"));
        TlsConnection c = TlsConnections.of(flow.engine().session()).all().get(0);
        assertTrue(c.helloRetryRequest());
        assertEquals(0x0304, c.version());
        String report = dev.dissect.tls.connection.TlsConnectionReport.format(
                TlsConnections.of(flow.engine().session()));
        assertTrue(report.contains("10.0.0.1:40000 -> 10.0.0.2:443"), report);
        assertTrue(report.contains("TLS 1.3, cipher suite 0x1301, after HelloRetryRequest"), report);
        assertTrue(report.contains("S Hello Retry Request"), report);
    }

    @Test
    void alertsAndTooLongRecords() {
        TlsFlow flow = new TlsFlow();
        TlsFlow.Result r = flow.client(TlsMessages.record(21, 0x0303, new byte[] {2, 40}));
        assertEquals("Alert (Level: Fatal, Description: Handshake Failure)", r.info());
        assertEquals("2", r.get("tls.alert_message.level"));
        r = flow.server(TlsMessages.record(23, 0x0303, new byte[0]).length == 5
                ? TlsMessages.withU16(TlsMessages.record(23, 0x0303, new byte[10]), 3, 40_000) : null);
        assertFalse(r.diagnostics().isEmpty(), r.toString());
    }

    @Test
    void heuristicFindsTlsOnAnyPort() {
        TlsFlow flow = new TlsFlow(7777);
        TlsFlow.Result r = flow.client(TlsMessages.record(22, 0x0301, clientHello(null)));
        assertEquals("Client Hello", r.info());
    }

    /** The heuristic is tshark 4.0's is_sslv3_or_tls / is_sslv2_clienthello. */
    @Test
    void heuristicAcceptsWhatTsharksAccepts() {
        TlsStreamDissector tls = new TlsStreamDissector(null);
        java.util.function.Predicate<String> accepts = hex -> {
            byte[] b = java.util.HexFormat.of().parseHex(hex);
            return tls.accepts(dev.dissect.api.buffer.ByteView.of(b), 0, b.length);
        };
        assertTrue(accepts.test("1603010005"));   // handshake, TLS 1.0
        assertTrue(accepts.test("1703030040"));   // application data, TLS 1.2
        assertTrue(accepts.test("1601010005"));   // GM/T 0024 (0x0101)
        assertFalse(accepts.test("1503030002"));  // an alert first: tshark's heuristic takes 22 and 23 only
        assertFalse(accepts.test("1403030001"));  // ChangeCipherSpec first
        assertFalse(accepts.test("1603040005"));  // 0x0304 never appears in a record header
        assertFalse(accepts.test("1603030000"));  // empty record
        assertFalse(accepts.test("1603034800"));  // 2^14 + 2048: too long
        String v2 = "8031" + "01" + "0301" + "0003" + "0000" + "0020" + "000035" + "00".repeat(32);
        assertTrue(accepts.test(v2));
        assertFalse(accepts.test(v2.replaceFirst("^8031", "8131"))); // tshark: length byte exactly 0x80
        assertFalse(accepts.test(v2.substring(0, v2.length() - 2))); // shorter than 46 bytes
    }

    /**
     * Bytes that are not TLS on a TLS port, read as tshark 4.0 reads them in a connection whose version it does not
     * know: four printable characters are refused (TCP shows data), a content type without a known version is
     * "Continuation Data", and a high bit with a ServerHello type third is an SSLv2 record, held until complete,
     * after which every record of the connection has SSLv2's header.
     */
    @Test
    void notTlsOnATlsPortAsTsharkReadsIt() {
        TlsFlow flow = new TlsFlow();
        flow.client("GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("eth:ethertype:ip:tcp:data", protocols(flow));
        TlsFlow.Result r = flow.client(hex("15eed1afcde1dd4e"));
        assertEquals("Continuation Data", r.info());
        assertEquals("eth:ethertype:ip:tcp:tls", protocols(flow));
        byte[] v2 = new byte[2 + 0x100];
        v2[0] = (byte) 0x81;
        v2[2] = 4;
        flow.server(java.util.Arrays.copyOfRange(v2, 0, 100));
        assertEquals("eth:ethertype:ip:tcp:tls", protocols(flow));
        flow.server(java.util.Arrays.copyOfRange(v2, 100, 200));
        assertEquals("eth:ethertype:ip:tcp", protocols(flow));
        r = flow.server(concat(java.util.Arrays.copyOfRange(v2, 200, v2.length), hex("8003aabbcc")));
        assertEquals("eth:ethertype:ip:tcp:tls:tls", protocols(flow));
        assertEquals("Encrypted Data, Encrypted Data", r.info());
        assertEquals("0x0002,0x0002", r.get("tls.record.version"));
    }

    /** Once a record other than a ClientHello fixed the version, SSLv2-looking bytes are not records. */
    @Test
    void aKnownVersionReadsNoSslv2Records() {
        TlsFlow flow = new TlsFlow();
        flow.server(TlsMessages.record(22, 0x0303, TlsMessages.serverHello(new ServerHello(0x0303, new byte[32],
                new byte[0], 0xc02f, 0, List.of()))));
        TlsFlow.Result r = flow.server(hex("810004aabbccdd"));
        assertEquals("Continuation Data", r.info());
        assertEquals("", r.get("tls.record.version"));
    }

    /** An SSLv2-compatible ClientHello gives no 32-byte client random: no keys, and the records still dissected. */
    @Test
    void tlsAfterAnSslv2ClientHelloHasNoKeysAndGoesOn() {
        TlsFlow flow = new TlsFlow();
        flow.client(concat(hex("802c0103010003000000200000" + "2f"), new byte[32]));
        flow.server(TlsMessages.record(22, 0x0301, TlsMessages.serverHello(new ServerHello(0x0301, new byte[32],
                new byte[0], 0x002f, 0, List.of()))));
        TlsFlow.Result r = flow.client(concat(TlsMessages.record(20, 0x0301, new byte[] {1}),
                TlsMessages.record(22, 0x0301, new byte[48])));
        assertEquals("Change Cipher Spec, Encrypted Handshake Message", r.info());
        assertTrue(r.diagnostics().isEmpty(), r.diagnostics().toString());
        r = flow.client(TlsMessages.record(23, 0x0301, new byte[32]));
        assertEquals("Application Data", r.info());
    }

    private static String protocols(TlsFlow flow) {
        return flow.tree().appendProtocols(new StringBuilder()).toString();
    }
}
