package dev.dissect.net.engine;

import static dev.dissect.net.engine.Frames.field;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.LinkType;
import dev.dissect.testkit.Packets;
import dev.dissect.testkit.TestFrame;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ip.reassembled_in}, {@code ipv6.reassembled.in} and {@code tcp.reassembled_in} as tshark 4.0 shows them:
 * never in one pass; with {@code -2}, on every earlier frame of a datagram or PDU, and not on the frame that
 * completes it (the expected values are what {@code tshark -2 -T fields} printed for the same frames).
 */
class ReassembledInTest {
    private static final int CLIENT = Packets.ipv4Address("127.0.0.1");
    private static final int SERVER = Packets.ipv4Address("127.0.0.2");
    private static final byte[] CLIENT6 = address6(1);
    private static final byte[] SERVER6 = address6(2);

    @Test
    void ipv4FragmentsPointToTheFrameThatCompletesTheirDatagram() {
        byte[] datagram = Packets.udp(40000, 7777, payload(3000));
        List<byte[]> frames = List.of(
                ipv4Fragment(0x0101, datagram, 0, 1480, true),
                ipv4Fragment(0x0202, datagram, 0, 1480, true),  // another datagram, never completed
                ipv4Fragment(0x0101, datagram, 1480, 1480, true),
                ipv4Fragment(0x0101, datagram, 2960, datagram.length - 2960, false));
        assertEquals(List.of("", "", "", ""), onePass(frames, "ip.reassembled_in"));
        assertEquals(List.of("4", "", "4", ""), twoPasses(frames, "ip.reassembled_in"));
        assertEquals(List.of("", "", "", "1,3,4"), twoPasses(frames, "ip.fragment"));
    }

    @Test
    void ipv6FragmentsInAnyOrderPointToTheLastOneToArrive() {
        byte[] datagram = Packets.udp(40000, 7777, payload(2000));
        List<byte[]> frames = List.of(
                ipv6Fragment(9, datagram, 1448, datagram.length - 1448, false),
                ipv4Fragment(9, datagram, 0, 1480, true),  // IPv4, same identification: another datagram
                ipv6Fragment(9, datagram, 0, 1448, true));
        assertEquals(List.of("", "", ""), onePass(frames, "ipv6.reassembled.in"));
        assertEquals(List.of("3", "", ""), twoPasses(frames, "ipv6.reassembled.in"));
        assertEquals(List.of("", "", ""), twoPasses(frames, "ip.reassembled_in"));
    }

    @Test
    void tcpSegmentsPointToTheFrameThatCompletesTheirPdu() {
        byte[] first = dnsQuery(0x1111, 25);
        byte[] second = dnsQuery(0x2222, 10);
        byte[] stream = concat(lengthPrefixed(first), lengthPrefixed(second));
        int[] cuts = {0, 100, 250, first.length + 2 + 50, stream.length};
        List<byte[]> frames = new ArrayList<>(List.of(
                tcp(true, 1000, 0, 0x002, new byte[0]),
                tcp(false, 5000, 1001, 0x012, new byte[0]),
                tcp(true, 1001, 5001, 0x010, new byte[0])));
        for (int i = 0; i + 1 < cuts.length; i++) {
            frames.add(tcp(true, 1001 + cuts[i], 5001, 0x018, Arrays.copyOfRange(stream, cuts[i], cuts[i + 1])));
        }
        // The third segment completes the first query and begins the second, completed by the fourth.
        assertEquals(List.of("", "", "", "", "", "", ""), onePass(frames, "tcp.reassembled_in"));
        assertEquals(List.of("", "", "", "6", "6", "7", ""), twoPasses(frames, "tcp.reassembled_in"));
        assertEquals(List.of("", "", "", "", "", "4,5,6", "6,7"), twoPasses(frames, "tcp.segment"));
        assertEquals(List.of("", "", "", "", "", "0x1111", "0x2222"), twoPasses(frames, "dns.id"));
    }

    // ---------------------------------------------------------------- dissecting

    private static List<String> onePass(List<byte[]> frames, String name) {
        DissectionEngine engine = DissectionEngine.withDefaults();
        return pass(engine, frames, name);
    }

    private static List<String> twoPasses(List<byte[]> frames, String name) {
        DissectionEngine engine = DissectionEngine.withDefaults();
        engine.beginFirstPass();
        pass(engine, frames, name);
        engine.beginSecondPass();
        return pass(engine, frames, name);
    }

    private static List<String> pass(DissectionEngine engine, List<byte[]> frames, String name) {
        List<String> values = new ArrayList<>();
        Dissection d = new Dissection();
        for (int i = 0; i < frames.size(); i++) {
            byte[] bytes = frames.get(i);
            engine.dissect(new TestFrame(i + 1, 1_700_000_000L, i * 1_000_000, LinkType.ETHERNET, bytes, bytes.length), d);
            values.add(field(d, name));
        }
        return values;
    }

    // ---------------------------------------------------------------- frames

    private static byte[] ipv4Fragment(int id, byte[] datagram, int from, int length, boolean more) {
        Packets.Ipv4 h = new Packets.Ipv4(0, id, more ? 1 : 0, from / 8, 64, 17, CLIENT, SERVER, new byte[0]);
        return ethernet(0x0800, Packets.ipv4(h, Arrays.copyOfRange(datagram, from, from + length)));
    }

    private static byte[] ipv6Fragment(long id, byte[] datagram, int from, int length, boolean more) {
        byte[] fragment = Packets.ipv6Fragment(17, from / 8, more, id, Arrays.copyOfRange(datagram, from, from + length));
        return ethernet(0x86DD, Packets.ipv6(0, 0, 44, 64, CLIENT6, SERVER6, fragment));
    }

    private static byte[] tcp(boolean fromClient, long seq, long ack, int flags, byte[] payload) {
        byte[] segment = Packets.tcp(Packets.Tcp.of(fromClient ? 40000 : 53, fromClient ? 53 : 40000, seq, ack, flags),
                payload);
        return ethernet(0x0800, Packets.ipv4(Packets.Ipv4.of(6, fromClient ? CLIENT : SERVER,
                fromClient ? SERVER : CLIENT), segment));
    }

    private static byte[] ethernet(int etherType, byte[] payload) {
        return Packets.ethernet(0x001122334455L, 0x66778899aabbL, etherType, payload);
    }

    /** A query whose name has {@code labels} labels of ten letters. */
    private static byte[] dnsQuery(int id, int labels) {
        ByteBuffer b = ByteBuffer.allocate(12 + labels * 11 + 1 + 4);
        b.putShort((short) id).putShort((short) 0x0100).putShort((short) 1).putShort((short) 0).putInt(0);
        for (int i = 0; i < labels; i++) {
            b.put((byte) 10).put("abcdefghij".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return b.put((byte) 0).putShort((short) 1).putShort((short) 1).array();
    }

    private static byte[] lengthPrefixed(byte[] message) {
        return concat(new byte[] {(byte) (message.length >>> 8), (byte) message.length}, message);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static byte[] payload(int n) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            p[i] = (byte) (i * 7 + 3);
        }
        return p;
    }

    private static byte[] address6(int last) {
        byte[] a = new byte[16];
        a[0] = 0x20;
        a[1] = 0x01;
        a[15] = (byte) last;
        return a;
    }
}
