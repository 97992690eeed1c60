package dev.dissect.tls.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.buffer.ByteView;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reassembler driven as {@code TlsStreamDissector.handshake} drives it: join, take every whole message, keep
 * the rest. Work is counted in bytes copied, never timed.
 */
class HandshakeReassemblerTest {

    /** What the record layer does with one record's handshake bytes; returns the whole messages found. */
    private static List<byte[]> record(HandshakeReassembler r, byte[] fragment) {
        ByteView d = ByteView.of(fragment);
        ByteView view = d;
        int p = 0;
        int end = fragment.length;
        if (r.pendingLength() > 0) {
            view = r.joinWith(d, 0, fragment.length);
            end = view.length();
        }
        List<byte[]> messages = new ArrayList<>();
        while (end - p >= 4) {
            int total = 4 + view.u24(p + 1);
            if (total > end - p) {
                break;
            }
            messages.add(view.toArray(p, total));
            p += total;
        }
        if (p < end) {
            r.keep(view, p, end - p);
        }
        return messages;
    }

    private static byte[] message(int bodyLength, long seed) {
        byte[] m = new byte[4 + bodyLength];
        new Random(seed).nextBytes(m);
        m[0] = 1;
        m[1] = (byte) (bodyLength >>> 16);
        m[2] = (byte) (bodyLength >>> 8);
        m[3] = (byte) bodyLength;
        return m;
    }

    /** Copies for one message of {@code size} bytes sent one byte per record. */
    private static long copiesForOneByteRecords(int size) {
        HandshakeReassembler r = new HandshakeReassembler();
        byte[] m = message(size - 4, size);
        List<byte[]> got = new ArrayList<>();
        for (byte b : m) {
            got.addAll(record(r, new byte[] {b}));
        }
        assertEquals(1, got.size());
        assertArrayEquals(m, got.get(0));
        assertEquals(0, r.pendingLength());
        return r.bytesCopied();
    }

    @Test
    void aLoweredCapHandsTheHeaderBackInsteadOfHolding() {
        HandshakeReassembler r = new HandshakeReassembler(100);
        assertEquals(100, r.maxMessage());
        byte[] m = message(200, 1);
        r.keep(ByteView.of(m), 0, 10);
        // A header claiming more than the cap comes back at once, to be reported; nothing more is held.
        ByteView joined = r.joinWith(ByteView.of(m), 10, 10);
        assertEquals(20, joined.length());
        assertEquals(0, r.pendingLength());
        assertEquals(HandshakeReassembler.MAX_MESSAGE, new HandshakeReassembler().maxMessage());
    }

    @Test
    void oneByteRecordsCostLinearWork() {
        // Before: every record copied all held bytes twice (join, then keep): 100,000 bytes cost 10^10 copies.
        long small = copiesForOneByteRecords(10_000);
        long large = copiesForOneByteRecords(100_000);
        assertTrue(large <= 4L * 100_000, "copies " + large);
        assertTrue(large <= 12 * small, "10x the bytes, " + large + " vs " + small + " copies");
    }

    @Test
    void messagesAcrossRecordsOfEverySizeComeOutWhole() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            List<byte[]> sent = new ArrayList<>();
            java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < 5; i++) {
                byte[] m = message(random.nextInt(3_000), trial * 10L + i);
                sent.add(m);
                stream.writeBytes(m);
            }
            byte[] all = stream.toByteArray();
            HandshakeReassembler r = new HandshakeReassembler();
            List<byte[]> got = new ArrayList<>();
            for (int at = 0; at < all.length; ) {
                int n = Math.min(all.length - at, 1 + random.nextInt(2_000));
                got.addAll(record(r, java.util.Arrays.copyOfRange(all, at, at + n)));
                at += n;
            }
            assertEquals(sent.size(), got.size());
            for (int i = 0; i < sent.size(); i++) {
                assertArrayEquals(sent.get(i), got.get(i));
            }
            assertTrue(r.bytesCopied() <= 4L * all.length, "copies " + r.bytesCopied() + " for " + all.length);
        }
    }
}
