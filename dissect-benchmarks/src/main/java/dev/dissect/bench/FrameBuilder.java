package dev.dissect.bench;

/**
 * Builds one Ethernet frame at a time in a reusable array: Ethernet II, an optional 802.1Q tag, IPv4 or IPv6, then
 * the TCP or UDP part the caller writes.
 *
 * <p><b>Every checksum is correct:</b> {@link #begin} computes the IPv4 header checksum and {@link #finishChecksum()}
 * the TCP or UDP checksum over the pseudo-header (RFC 793, RFC 768, RFC 8200 section 8.1).
 *
 * <p>Use: write the L4 bytes at {@link #l4Offset(Endpoints)} (or after {@code begin}), call {@link #begin} with
 * their length, then {@link #finishChecksum()}; {@link #frame} holds {@link #length()} bytes of frame.
 */
final class FrameBuilder {
    static final int MAX_FRAME = 2_048;
    static final int ETHERNET_HEADER_LENGTH = 14;
    static final int VLAN_TAG_LENGTH = 4;
    static final int IPV4_HEADER_LENGTH = 20;
    static final int IPV6_HEADER_LENGTH = 40;
    static final int UDP_HEADER_LENGTH = 8;
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86DD;
    static final int ETHERTYPE_VLAN = 0x8100;
    static final int PROTOCOL_TCP = 6;
    static final int PROTOCOL_UDP = 17;
    static final int HOST_TTL = 64;
    private static final int IPV4_DONT_FRAGMENT = 0x4000;
    private static final int TCP_CHECKSUM_OFFSET = 16;
    private static final int UDP_CHECKSUM_OFFSET = 6;

    final byte[] frame = new byte[MAX_FRAME];
    private int length;
    private int ipOffset;
    private int l4Offset;
    private int l4Length;
    private int protocol;
    private boolean ipv6;

    /** Where the L4 header starts in a frame of this conversation. */
    static int l4Offset(Endpoints ends) {
        return ETHERNET_HEADER_LENGTH + (ends.vlanId != 0 ? VLAN_TAG_LENGTH : 0)
                + (ends.ipv6 ? IPV6_HEADER_LENGTH : IPV4_HEADER_LENGTH);
    }

    /**
     * Writes the link and IP headers of a frame carrying {@code l4Length} bytes of {@code protocol}, sent by the host
     * when {@code fromHost}, else by the peer. Returns the L4 offset. The L4 bytes themselves are left untouched.
     */
    int begin(Endpoints ends, boolean fromHost, int protocol, int l4Length) {
        System.arraycopy(fromHost ? AddressPlan.GATEWAY_MAC : ends.hostMac, 0, frame, 0, 6);
        System.arraycopy(fromHost ? ends.hostMac : AddressPlan.GATEWAY_MAC, 0, frame, 6, 6);
        int p = 12;
        if (ends.vlanId != 0) {
            put16(p, ETHERTYPE_VLAN);
            put16(p + 2, ends.vlanId);
            p += VLAN_TAG_LENGTH;
        }
        put16(p, ends.ipv6 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4);
        p += 2;
        ipOffset = p;
        byte[] source = fromHost ? ends.hostIp : ends.peerIp;
        byte[] destination = fromHost ? ends.peerIp : ends.hostIp;
        int ttl = fromHost ? HOST_TTL : ends.peerTtl;
        if (ends.ipv6) {
            put32(p, 0x6000_0000 | (fromHost ? ends.hostFlowLabel : ends.peerFlowLabel));
            put16(p + 4, l4Length);
            frame[p + 6] = (byte) protocol;
            frame[p + 7] = (byte) ttl;
            System.arraycopy(source, 0, frame, p + 8, 16);
            System.arraycopy(destination, 0, frame, p + 24, 16);
            p += IPV6_HEADER_LENGTH;
        } else {
            frame[p] = 0x45;
            frame[p + 1] = 0;
            put16(p + 2, IPV4_HEADER_LENGTH + l4Length);
            put16(p + 4, fromHost ? ends.hostIpId : ends.peerIpId);
            if (fromHost) {
                ends.hostIpId = (ends.hostIpId + 1) & 0xFFFF;
            } else {
                ends.peerIpId = (ends.peerIpId + 1) & 0xFFFF;
            }
            put16(p + 6, IPV4_DONT_FRAGMENT);
            frame[p + 8] = (byte) ttl;
            frame[p + 9] = (byte) protocol;
            put16(p + 10, 0);
            System.arraycopy(source, 0, frame, p + 12, 4);
            System.arraycopy(destination, 0, frame, p + 16, 4);
            put16(p + 10, InternetChecksum.finish(InternetChecksum.add(0, frame, p, IPV4_HEADER_LENGTH)));
            p += IPV4_HEADER_LENGTH;
        }
        this.l4Offset = p;
        this.l4Length = l4Length;
        this.protocol = protocol;
        this.ipv6 = ends.ipv6;
        this.length = p + l4Length;
        return p;
    }

    /** Computes the TCP or UDP checksum of the frame begun last; every L4 byte must be written by now. */
    void finishChecksum() {
        long sum = ipv6
                ? InternetChecksum.add(0, frame, ipOffset + 8, 32)
                : InternetChecksum.add(0, frame, ipOffset + 12, 8);
        sum += protocol + l4Length;
        int at = l4Offset + (protocol == PROTOCOL_TCP ? TCP_CHECKSUM_OFFSET : UDP_CHECKSUM_OFFSET);
        put16(at, 0);
        int checksum = InternetChecksum.finish(InternetChecksum.add(sum, frame, l4Offset, l4Length));
        if (protocol == PROTOCOL_UDP && checksum == 0) {
            checksum = 0xFFFF; // RFC 768: zero means "no checksum"
        }
        put16(at, checksum);
    }

    /** Bytes of the frame begun last. */
    int length() {
        return length;
    }

    void put16(int offset, int value) {
        frame[offset] = (byte) (value >>> 8);
        frame[offset + 1] = (byte) value;
    }

    void put32(int offset, long value) {
        frame[offset] = (byte) (value >>> 24);
        frame[offset + 1] = (byte) (value >>> 16);
        frame[offset + 2] = (byte) (value >>> 8);
        frame[offset + 3] = (byte) value;
    }
}
