package dev.dissect.hostile;

import dev.dissect.testkit.Packets;

/** Honest Ethernet frames to carry the lies of the layers above. */
final class Frames {
    static final long CLIENT_MAC = 0x020000000001L;
    static final long SERVER_MAC = 0x020000000002L;
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86DD;
    static final int ETHERTYPE_VLAN = 0x8100;
    static final int CLIENT = 0x0A000001;
    static final int SERVER = 0x0A000002;
    static final int TCP = 6;
    static final int UDP = 17;
    static final int IPIP = 4;

    private Frames() {
    }

    static byte[] ethernet(int etherType, byte[] payload) {
        return Packets.ethernet(SERVER_MAC, CLIENT_MAC, etherType, payload);
    }

    static byte[] ipv4(int protocol, int src, int dst, byte[] payload) {
        return Packets.ipv4(Packets.Ipv4.of(protocol, src, dst), payload);
    }

    static byte[] udp(int src, int dst, int srcPort, int dstPort, byte[] payload) {
        return ethernet(ETHERTYPE_IPV4, ipv4(UDP, src, dst, Packets.udp(srcPort, dstPort, payload)));
    }

    static byte[] tcp(int src, int dst, int srcPort, int dstPort, long seq, long ack, int flags, byte[] payload) {
        return ethernet(ETHERTYPE_IPV4,
                ipv4(TCP, src, dst, Packets.tcp(Packets.Tcp.of(srcPort, dstPort, seq, ack, flags), payload)));
    }

    /** A small UDP frame: what honest records carry. */
    static byte[] small(int n) {
        return udp(CLIENT, SERVER, 40_000 + n, 9, new byte[] {(byte) n, 1, 2, 3});
    }
}
