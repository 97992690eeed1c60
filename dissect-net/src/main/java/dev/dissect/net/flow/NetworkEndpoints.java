package dev.dissect.net.flow;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.flow.FlowKey;
import dev.dissect.net.link.VlanDissector;

/**
 * The network-layer addresses of the frame being dissected, recorded by the IP dissectors for the transport layer
 * above them, and the flow key built from them with the ports.
 *
 * <p><b>Allocation-free.</b> Addresses are kept as two longs each (IPv4 in the low 32 bits), so a flow lookup reads
 * no object. The innermost IP header wins (tunnels record twice). {@link #clear()} at the start of each frame.
 *
 * <p>The canonical key orders the two endpoints (address, then port) so both directions of a flow share it;
 * {@link #sourceIsLow()} tells which one sent this packet.
 */
public final class NetworkEndpoints {
    /** Longs in a canonical flow key: two addresses of two longs, then ports and IP version. */
    public static final int KEY_LONGS = 5;

    private boolean valid;
    private int ipVersion;
    private int vlan;
    private long srcHi;
    private long srcLo;
    private long dstHi;
    private long dstLo;
    private final long[] key = new long[KEY_LONGS];
    private boolean sourceIsLow;

    private ByteView ipv6Header;
    private int ipv6HeaderOffset;

    /** Forgets the previous frame's addresses. */
    public void clear() {
        valid = false;
        ipv6Header = null;
    }

    /** Records where the innermost IPv6 header is, for its fragment header (addresses key the datagram). */
    public void ipv6Header(ByteView data, int offset) {
        ipv6Header = data;
        ipv6HeaderOffset = offset;
    }

    /** The view holding the current IPv6 header, or null if the frame has none. */
    public ByteView ipv6HeaderData() {
        return ipv6Header;
    }

    public int ipv6HeaderOffset() {
        return ipv6HeaderOffset;
    }

    /** True once an IP header recorded addresses in this frame. */
    public boolean valid() {
        return valid;
    }

    public int ipVersion() {
        return ipVersion;
    }

    /** Records IPv4 addresses read at {@code srcAt}/{@code dstAt} of {@code data}; VLAN ids come from the tree. */
    public void ipv4(ByteView data, int srcAt, int dstAt, Dissection tree) {
        ipVersion = 4;
        srcHi = 0;
        srcLo = data.u32(srcAt);
        dstHi = 0;
        dstLo = data.u32(dstAt);
        vlan = vlanOf(tree);
        valid = true;
    }

    /** Records IPv6 addresses read at {@code srcAt}/{@code dstAt} of {@code data}. */
    public void ipv6(ByteView data, int srcAt, int dstAt, Dissection tree) {
        ipVersion = 6;
        srcHi = data.u64(srcAt);
        srcLo = data.u64(srcAt + 8);
        dstHi = data.u64(dstAt);
        dstLo = data.u64(dstAt + 8);
        vlan = vlanOf(tree);
        valid = true;
    }

    /** The VLAN ids of the frame folded into 24 bits (outer tag above inner), 0 when untagged. */
    static int vlanOf(Dissection tree) {
        int folded = 0;
        for (int i = 0, n = tree.fieldCount(); i < n; i++) {
            if (tree.fieldDef(i) == VlanDissector.ID) {
                folded = (folded << 12 | (int) tree.value(i) & 0xFFF) & 0xFFFFFF;
            }
        }
        return folded;
    }

    /**
     * Builds the canonical key for these addresses and the given ports into {@link #key()}.
     *
     * @return true if the source endpoint is the canonical "low" one
     */
    public boolean buildKey(int srcPort, int dstPort) {
        int c = Long.compareUnsigned(srcHi, dstHi);
        if (c == 0) {
            c = Long.compareUnsigned(srcLo, dstLo);
        }
        if (c == 0) {
            c = Integer.compare(srcPort, dstPort);
        }
        sourceIsLow = c <= 0;
        long meta = ipVersion; // no VLAN: Wireshark's TCP conversations (tcp.stream) ignore it
        if (sourceIsLow) {
            key[0] = srcHi;
            key[1] = srcLo;
            key[2] = dstHi;
            key[3] = dstLo;
            key[4] = (long) srcPort << 48 | (long) dstPort << 32 | meta;
        } else {
            key[0] = dstHi;
            key[1] = dstLo;
            key[2] = srcHi;
            key[3] = srcLo;
            key[4] = (long) dstPort << 48 | (long) srcPort << 32 | meta;
        }
        return sourceIsLow;
    }

    /** The key last built; overwritten by the next {@link #buildKey}. */
    public long[] key() {
        return key;
    }

    public boolean sourceIsLow() {
        return sourceIsLow;
    }

    /** The public flow key, with this packet's source as client. Allocates: call once per new flow. */
    public FlowKey flowKey(int srcPort, int dstPort, boolean sourceIsClient) {
        int len = ipVersion == 4 ? 4 : 16;
        byte[] src = address(srcHi, srcLo, len);
        byte[] dst = address(dstHi, dstLo, len);
        return sourceIsClient ? new FlowKey(ipVersion, vlan, src, srcPort, dst, dstPort)
                : new FlowKey(ipVersion, vlan, dst, dstPort, src, srcPort);
    }

    private static byte[] address(long hi, long lo, int len) {
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++) {
            int fromEnd = len - 1 - i;
            long word = fromEnd >= 8 ? hi : lo;
            out[i] = (byte) (word >>> (8 * (fromEnd & 7)));
        }
        return out;
    }
}
