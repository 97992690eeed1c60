package dev.dissect.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Builds protocol headers byte by byte, independently of the parsers under test, so that a test can state the
 * values it put in and check that dissection finds them. Each method returns a new array: header then payload.
 * Lengths and IPv4 header checksums are computed; transport checksums are left 0 unless given.
 *
 * @since 0.1
 */
public final class Packets {
    private Packets() {
    }

    /** Ethernet II: destination and source MAC (low 48 bits of each long), EtherType, payload. */
    public static byte[] ethernet(long dst, long src, int etherType, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + payload.length);
        putMac(b, dst);
        putMac(b, src);
        b.putShort((short) etherType);
        return b.put(payload).array();
    }

    /** An 802.1Q tag (what follows TPID 0x8100): priority, DEI, VLAN id, inner EtherType, payload. */
    public static byte[] vlanTag(int priority, int dei, int vid, int etherType, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + payload.length);
        b.putShort((short) ((priority & 7) << 13 | (dei & 1) << 12 | (vid & 0xFFF)));
        b.putShort((short) etherType);
        return b.put(payload).array();
    }

    /** Linux cooked capture v1 header (16 bytes). {@code address} up to 8 bytes. */
    public static byte[] linuxSll(int packetType, int hatype, byte[] address, int protocol, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(16 + payload.length);
        b.putShort((short) packetType).putShort((short) hatype).putShort((short) address.length);
        b.put(address, 0, Math.min(8, address.length));
        b.position(14);
        b.putShort((short) protocol);
        return b.put(payload).array();
    }

    /** Linux cooked capture v2 header (20 bytes). */
    public static byte[] linuxSll2(int protocol, int ifIndex, int hatype, int packetType, byte[] address,
                                   byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.putShort((short) protocol).putShort((short) 0).putInt(ifIndex).putShort((short) hatype);
        b.put((byte) packetType).put((byte) address.length);
        b.put(address, 0, Math.min(8, address.length));
        b.position(20);
        return b.put(payload).array();
    }

    /** BSD loopback: the address family as 4 bytes in the given byte order. */
    public static byte[] nullLoopback(int family, boolean littleEndian, byte[] payload) {
        int f = littleEndian ? Integer.reverseBytes(family) : family;
        return ByteBuffer.allocate(4 + payload.length).putInt(f).put(payload).array();
    }

    /** IPv4 header values; total length and checksum are computed by {@link #ipv4}. */
    public record Ipv4(int dsfield, int id, int flags, int fragOffset, int ttl, int protocol, int src, int dst,
                       byte[] options) {
        /** A plain header: DF set, TTL 64, no options. */
        public static Ipv4 of(int protocol, int src, int dst) {
            return new Ipv4(0, 0x1234, 2, 0, 64, protocol, src, dst, new byte[0]);
        }
    }

    public static byte[] ipv4(Ipv4 h, byte[] payload) {
        int optionsLength = (h.options().length + 3) / 4 * 4;
        int headerLength = 20 + optionsLength;
        ByteBuffer b = ByteBuffer.allocate(headerLength + payload.length);
        b.put((byte) (0x40 | headerLength / 4)).put((byte) h.dsfield());
        b.putShort((short) (headerLength + payload.length)).putShort((short) h.id());
        b.putShort((short) ((h.flags() & 7) << 13 | (h.fragOffset() & 0x1FFF)));
        b.put((byte) h.ttl()).put((byte) h.protocol()).putShort((short) 0);
        b.putInt(h.src()).putInt(h.dst()).put(h.options());
        b.position(headerLength);
        b.put(payload);
        byte[] out = b.array();
        int sum = internetChecksum(out, 0, headerLength);
        out[10] = (byte) (sum >>> 8);
        out[11] = (byte) sum;
        return out;
    }

    /** An IPv6 fixed header; payload length is computed. */
    public static byte[] ipv6(int trafficClass, int flowLabel, int nextHeader, int hopLimit, byte[] src, byte[] dst,
                              byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
        b.putInt(6 << 28 | (trafficClass & 0xFF) << 20 | (flowLabel & 0xFFFFF));
        b.putShort((short) payload.length).put((byte) nextHeader).put((byte) hopLimit);
        return b.put(src, 0, 16).put(dst, 0, 16).put(payload).array();
    }

    /** A generic IPv6 extension header (hop-by-hop, routing, destination options), padded to 8-byte units. */
    public static byte[] ipv6Extension(int nextHeader, byte[] body, byte[] payload) {
        int size = (2 + body.length + 7) / 8 * 8;
        ByteBuffer b = ByteBuffer.allocate(size + payload.length);
        b.put((byte) nextHeader).put((byte) (size / 8 - 1)).put(body);
        b.position(size);
        return b.put(payload).array();
    }

    /** The IPv6 fragment header: offset in 8-byte units. */
    public static byte[] ipv6Fragment(int nextHeader, int fragOffset, boolean more, long identification,
                                      byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.put((byte) nextHeader).put((byte) 0).putShort((short) ((fragOffset & 0x1FFF) << 3 | (more ? 1 : 0)));
        return b.putInt((int) identification).put(payload).array();
    }

    /** TCP header values; the data offset comes from the options' length. */
    public record Tcp(int srcPort, int dstPort, long seq, long ack, int flags, int window, int checksum,
                      int urgentPointer, byte[] options) {
        public static Tcp of(int srcPort, int dstPort, long seq, long ack, int flags) {
            return new Tcp(srcPort, dstPort, seq, ack, flags, 65535, 0, 0, new byte[0]);
        }

        public Tcp withOptions(byte[] opts) {
            return new Tcp(srcPort, dstPort, seq, ack, flags, window, checksum, urgentPointer, opts);
        }
    }

    public static byte[] tcp(Tcp h, byte[] payload) {
        int optionsLength = (h.options().length + 3) / 4 * 4;
        int headerLength = 20 + optionsLength;
        ByteBuffer b = ByteBuffer.allocate(headerLength + payload.length);
        b.putShort((short) h.srcPort()).putShort((short) h.dstPort());
        b.putInt((int) h.seq()).putInt((int) h.ack());
        b.putShort((short) ((headerLength / 4) << 12 | (h.flags() & 0xFFF)));
        b.putShort((short) h.window()).putShort((short) h.checksum()).putShort((short) h.urgentPointer());
        b.put(h.options());
        b.position(headerLength);
        return b.put(payload).array();
    }

    public static byte[] udp(int srcPort, int dstPort, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putShort((short) srcPort).putShort((short) dstPort).putShort((short) (8 + payload.length));
        return b.putShort((short) 0).put(payload).array();
    }

    /** TCP options, in the order added; {@link TcpOptions#build()} pads with EOL to a multiple of 4. */
    public static TcpOptions tcpOptions() {
        return new TcpOptions();
    }

    /** Accumulates TCP options. */
    public static final class TcpOptions {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public TcpOptions nop() {
            out.write(1);
            return this;
        }

        public TcpOptions mss(int mss) {
            return raw(2, new byte[] {(byte) (mss >>> 8), (byte) mss});
        }

        public TcpOptions windowScale(int shift) {
            return raw(3, new byte[] {(byte) shift});
        }

        public TcpOptions sackPermitted() {
            return raw(4, new byte[0]);
        }

        /** Left and right edges, in pairs. */
        public TcpOptions sack(long... edges) {
            ByteBuffer b = ByteBuffer.allocate(edges.length * 4);
            for (long e : edges) {
                b.putInt((int) e);
            }
            return raw(5, b.array());
        }

        public TcpOptions timestamps(long tsval, long tsecr) {
            return raw(8, ByteBuffer.allocate(8).putInt((int) tsval).putInt((int) tsecr).array());
        }

        /** Any option: kind, then a length byte covering kind, length and body, then the body. */
        public TcpOptions raw(int kind, byte[] body) {
            out.write(kind);
            out.write(body.length + 2);
            out.writeBytes(body);
            return this;
        }

        /** The options padded with zero bytes (EOL) to a multiple of 4. */
        public byte[] build() {
            byte[] raw = out.toByteArray();
            byte[] padded = new byte[(raw.length + 3) / 4 * 4];
            System.arraycopy(raw, 0, padded, 0, raw.length);
            return padded;
        }
    }

    /** An IPv4 address from its dotted form, as an int. */
    public static int ipv4Address(String dotted) {
        String[] parts = dotted.split("\\.");
        int a = 0;
        for (String p : parts) {
            a = a << 8 | Integer.parseInt(p);
        }
        return a;
    }

    /** The RFC 1071 checksum of {@code [offset, offset + length)}. */
    public static int internetChecksum(byte[] bytes, int offset, int length) {
        long sum = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            sum += (bytes[offset + i] & 0xFF) << 8 | bytes[offset + i + 1] & 0xFF;
        }
        if ((length & 1) != 0) {
            sum += (bytes[offset + length - 1] & 0xFF) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    private static void putMac(ByteBuffer b, long mac) {
        for (int shift = 40; shift >= 0; shift -= 8) {
            b.put((byte) (mac >>> shift));
        }
    }
}
