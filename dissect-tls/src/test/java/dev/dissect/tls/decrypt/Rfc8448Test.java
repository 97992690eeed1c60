package dev.dissect.tls.decrypt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.stream.StreamDirection;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The TLS 1.3 key schedule, record protection and Finished against RFC 8448 section 3 (Simple 1-RTT Handshake):
 * the published secrets, keys, IVs and records in {@code rfc8448-1rtt.txt}.
 */
class Rfc8448Test {
    private static final TestVectors V = TestVectors.load("rfc8448-1rtt.txt");
    private static final CipherSuite SUITE = CipherSuites.find(0x1301);
    private static final StreamDirection C = StreamDirection.CLIENT_TO_SERVER;
    private static final StreamDirection S = StreamDirection.SERVER_TO_CLIENT;

    @Test
    void keyScheduleMatchesTheTrace() {
        TranscriptHash t = new TranscriptHash();
        t.add(V.get("client_hello"));
        t.add(V.get("server_hello"));
        byte[] helloHash = t.snapshot("SHA-256");
        assertArrayEquals(V.get("client_handshake_traffic_secret"),
                Tls13KeySchedule.deriveSecret("SHA-256", V.get("handshake_secret"), "c hs traffic", helloHash));
        assertArrayEquals(V.get("server_handshake_traffic_secret"),
                Tls13KeySchedule.deriveSecret("SHA-256", V.get("handshake_secret"), "s hs traffic", helloHash));
        assertArrayEquals(V.get("server_handshake_key"),
                Tls13KeySchedule.trafficKey(SUITE, V.get("server_handshake_traffic_secret")));
        assertArrayEquals(V.get("server_handshake_iv"),
                Tls13KeySchedule.trafficIv(SUITE, V.get("server_handshake_traffic_secret")));
        assertArrayEquals(V.get("client_application_key"),
                Tls13KeySchedule.trafficKey(SUITE, V.get("client_application_traffic_secret")));
        assertArrayEquals(V.get("client_application_iv"),
                Tls13KeySchedule.trafficIv(SUITE, V.get("client_application_traffic_secret")));
        assertArrayEquals(V.get("server_finished_key"),
                Tls13KeySchedule.finishedKey("SHA-256", V.get("server_handshake_traffic_secret")));
    }

    /** The whole handshake through {@link TlsSession}, with the trace's secrets as a key log. */
    @Test
    void sessionDecryptsTheTraceAndVerifiesBothFinished() {
        TlsKeyring keys = new TlsKeyring();
        String random = HexFormat.of().formatHex(V.get("client_hello"), 6, 38);
        keys.keyLog().addText("CLIENT_HANDSHAKE_TRAFFIC_SECRET " + random + " "
                + hex("client_handshake_traffic_secret") + "\n"
                + "SERVER_HANDSHAKE_TRAFFIC_SECRET " + random + " " + hex("server_handshake_traffic_secret") + "\n"
                + "CLIENT_TRAFFIC_SECRET_0 " + random + " " + hex("client_application_traffic_secret") + "\n"
                + "SERVER_TRAFFIC_SECRET_0 " + random + " " + hex("server_application_traffic_secret") + "\n");
        TlsSession session = new TlsSession(keys);

        message(session, C, V.get("client_hello"));
        message(session, S, V.get("server_hello"));
        assertEquals(ProtocolVersion.TLS_1_3, session.version());
        assertEquals(SUITE, session.suite());

        DecryptResult flight = record(session, S, V.get("server_handshake_record"));
        assertTrue(flight.ok(), flight.toString());
        assertEquals(22, flight.contentType());
        List<FinishedCheck> checks = messages(session, S, flight.plaintext());
        assertEquals(1, checks.size());
        assertTrue(checks.get(0).verified(), checks.get(0).toString());
        assertArrayEquals(V.get("server_finished"), checks.get(0).expected());

        DecryptResult clientFinished = record(session, C, V.get("client_finished_record"));
        assertTrue(clientFinished.ok(), clientFinished.toString());
        List<FinishedCheck> clientChecks = messages(session, C, clientFinished.plaintext());
        assertTrue(clientChecks.get(0).verified());
        assertArrayEquals(V.get("client_finished"), clientChecks.get(0).expected());

        DecryptResult data = record(session, C, V.get("client_application_record"));
        assertTrue(data.ok(), data.toString());
        assertEquals(23, data.contentType());
        assertArrayEquals(payload(), data.plaintext());
        assertNull(session.keyProblem());
    }

    /** The server's application data is its second record under the application key (a ticket came first). */
    @Test
    void serverApplicationDataAtSequenceOne() {
        RecordDecryptor d = RecordDecryptor.tls13(SUITE, V.get("server_application_traffic_secret"));
        d.setSequenceNumber(1);
        DecryptResult r = decryptRecord(d, V.get("server_application_record"));
        assertTrue(r.ok(), r.toString());
        assertArrayEquals(payload(), r.plaintext());
        assertEquals(2, d.sequenceNumber());
    }

    @Test
    void aFlippedByteIsAnAuthenticationFailureNotAnException() {
        byte[] record = V.get("client_application_record");
        for (int i : new int[] {5, 30, record.length - 1}) {
            byte[] bad = record.clone();
            bad[i] ^= 0x01;
            RecordDecryptor d = RecordDecryptor.tls13(SUITE, V.get("client_application_traffic_secret"));
            assertEquals(DecryptResult.Status.AUTHENTICATION_FAILED, decryptRecord(d, bad).status());
            assertEquals(1, d.sequenceNumber());
        }
        RecordDecryptor wrongSeq = RecordDecryptor.tls13(SUITE, V.get("client_application_traffic_secret"));
        wrongSeq.setSequenceNumber(1);
        assertEquals(DecryptResult.Status.AUTHENTICATION_FAILED, decryptRecord(wrongSeq, record).status());
    }

    @Test
    void aWrongFinishedIsAMismatch() {
        TlsKeyring keys = new TlsKeyring();
        String random = HexFormat.of().formatHex(V.get("client_hello"), 6, 38);
        keys.keyLog().addText("SERVER_HANDSHAKE_TRAFFIC_SECRET " + random + " "
                + hex("server_handshake_traffic_secret") + "\n");
        TlsSession session = new TlsSession(keys);
        message(session, C, V.get("client_hello"));
        message(session, S, V.get("server_hello"));
        byte[] flight = record(session, S, V.get("server_handshake_record")).plaintext();
        flight[flight.length - 1] ^= 1; // last byte of the server's verify_data
        FinishedCheck check = messages(session, S, flight).get(0);
        assertEquals(FinishedCheck.Verdict.MISMATCH, check.verdict());
        // no client handshake secret in this key log: the client side cannot be checked or decrypted
        DecryptResult r = record(session, C, V.get("client_finished_record"));
        assertEquals(DecryptResult.Status.NO_KEYS, r.status());
        assertTrue(r.detail().contains("CLIENT_HANDSHAKE_TRAFFIC_SECRET"), r.detail());
    }

    static byte[] payload() {
        byte[] p = new byte[50];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) i;
        }
        return p;
    }

    private static String hex(String name) {
        return HexFormat.of().formatHex(V.get(name));
    }

    private static void message(TlsSession s, StreamDirection dir, byte[] msg) {
        assertNull(s.onHandshakeMessage(dir, ByteView.of(msg), 0, msg.length));
    }

    /** Splits a plaintext of handshake messages and feeds each; returns the Finished checks. */
    static List<FinishedCheck> messages(TlsSession s, StreamDirection dir, byte[] plain) {
        List<FinishedCheck> checks = new ArrayList<>();
        ByteView v = ByteView.of(plain);
        int at = 0;
        while (at + 4 <= plain.length) {
            int len = 4 + v.u24(at + 1);
            FinishedCheck c = s.onHandshakeMessage(dir, v, at, len);
            if (c != null) {
                checks.add(c);
            }
            at += len;
        }
        return checks;
    }

    private static DecryptResult record(TlsSession s, StreamDirection dir, byte[] record) {
        ByteView v = ByteView.of(record);
        DecryptResult r = s.decrypt(dir, v.u8(0), v.u16(1), v, 5, record.length - 5);
        assertNotNull(r);
        return r;
    }

    static DecryptResult decryptRecord(RecordDecryptor d, byte[] record) {
        ByteView v = ByteView.of(record);
        return d.decrypt(v.u8(0), v.u16(1), v, 5, record.length - 5);
    }
}
