package dev.dissect.net.defrag;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.FieldDef;
import dev.dissect.net.flow.SessionStore;
import dev.dissect.net.reassembly.OverlapPolicy;
import dev.dissect.net.reassembly.ReassembledIn;
import dev.dissect.net.reassembly.ReassemblyCounter;
import dev.dissect.net.reassembly.ReassemblyCounters;
import dev.dissect.net.reassembly.ReassemblyOptions;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts IPv4 and IPv6 fragments back together (RFC 791 3.2, RFC 8200 4.5), keyed as the stacks do: addresses,
 * identification, and for IPv4 the protocol.
 *
 * <p><b>Any order, duplicates and overlaps.</b> Fragments may come in any order and repeat; overlapping bytes
 * follow the {@link OverlapPolicy} and disagreeing ones are reported ({@link #lastConflict()}). The datagram is
 * complete when the last fragment (no "more fragments") fixed its length and every byte before it arrived.
 * <b>Memory is bounded</b>: at most {@link ReassemblyOptions#maxDatagrams()} datagrams and
 * {@link ReassemblyOptions#maxFragmentBytes()} bytes (data, coverage bits, frame lists and a fixed overhead per
 * datagram, each checked before it is charged) are held, oldest evicted first, and a datagram older than
 * {@link ReassemblyOptions#fragmentTimeoutNanos()} of capture time is dropped; everything dropped is counted.
 *
 * <p>Fragments are copied (they come from many frames); the reassembled payload is a new array, handed back as a
 * view valid until the next call. In two passes, the first notes which frame completed each datagram and the
 * second shows it on the other fragments ({@link ReassembledIn}). Not thread-safe.
 */
public final class IpDefragmenter {
    /** The largest datagram payload either IP version carries without jumbograms. */
    public static final int MAX_PAYLOAD = 65_535;
    private static final int DATAGRAM_OVERHEAD = 256;

    private record Key(int version, long srcHi, long srcLo, long dstHi, long dstLo, int protocol, long id) {
    }

    private static final class Datagram {
        final long firstSeen;
        byte[] bytes = new byte[0];
        final BitSet covered = new BitSet();
        int total = -1;
        int nextHeader = -1;
        long[] frames = new long[4];
        int frameCount;
        long charged;

        Datagram(long firstSeen) {
            this.firstSeen = firstSeen;
        }
    }

    private final ReassemblyOptions options;
    private final ReassemblyCounters counters;
    private final SessionStore store;
    private final Map<Key, Datagram> pending = new LinkedHashMap<>();
    private final ByteView result = new ByteView();
    private long[] lastFrames = new long[0];
    private int lastFrameCount;
    private int lastNextHeader;
    private boolean lastConflict;
    private boolean lastOverlap;
    private boolean lastDropped;
    private long lastFrame;
    private long lastTag;

    public IpDefragmenter(ReassemblyOptions options, ReassemblyCounters counters) {
        this(options, counters, new SessionStore());
    }

    /** A defragmenter whose session's {@code store} tells the pass, and keeps what a first pass collects. */
    public IpDefragmenter(ReassemblyOptions options, ReassemblyCounters counters, SessionStore store) {
        this.options = options;
        this.counters = counters;
        this.store = store;
    }

    /** Incomplete datagrams held now. */
    public int pendingCount() {
        return pending.size();
    }

    /**
     * Adds one fragment.
     *
     * @param version    4 or 6
     * @param addresses  the frame holding source then destination address at {@code srcAt}, {@code dstAt}
     * @param protocol   IPv4's protocol field (part of the key); for IPv6 the fragment header's next header
     * @param id         identification
     * @param fragOffset offset of this fragment's data in bytes
     * @param more       the "more fragments" flag
     * @param data       holds this fragment's data at {@code [off, off + len)}
     * @param now        capture time in nanoseconds
     * @return the reassembled payload (valid until the next call) if this fragment completed it, else null
     */
    public ByteView add(int version, ByteView addresses, int srcAt, int dstAt, int protocol, long id,
                        int fragOffset, boolean more, ByteView data, int off, int len, long frame, long now) {
        lastConflict = false;
        lastOverlap = false;
        lastDropped = false;
        lastFrame = frame;
        lastTag = ReassembledIn.datagramTag(version, id);
        expire(now);
        Key key = version == 4
                ? new Key(4, 0, addresses.u32(srcAt), 0, addresses.u32(dstAt), protocol, id)
                : new Key(6, addresses.u64(srcAt), addresses.u64(srcAt + 8), addresses.u64(dstAt),
                        addresses.u64(dstAt + 8), 0, id);
        int end = fragOffset + len;
        if (len < 0 || end > MAX_PAYLOAD) {
            return dropped();
        }
        Datagram d = pending.get(key);
        if (d == null) {
            if (pending.size() >= options.maxDatagrams()) {
                counters.increment(ReassemblyCounter.DATAGRAMS_EVICTED_CAP);
                evictOldest();
            }
            if (!makeRoom(DATAGRAM_OVERHEAD, null)) {
                return dropped();
            }
            d = new Datagram(now);
            pending.put(key, d);
            charge(d, DATAGRAM_OVERHEAD);
        }
        // As Wireshark: a fragment running past the length the last fragment fixed is "too long" and only its bytes
        // within that length count; so are bytes held beyond it when the last fragment comes.
        if (!more) {
            if (d.total >= 0 && d.total != end) {
                return dropped();
            }
            d.total = end;
        } else if (d.total >= 0 && end > d.total) {
            if (fragOffset >= d.total) {
                return dropped();
            }
            len = d.total - fragOffset;
            end = d.total;
        }
        if (end > d.bytes.length && !grow(d, end)) {
            return dropped();
        }
        if (fragOffset == 0) {
            d.nextHeader = protocol;
        }
        write(d, fragOffset, data, off, len);
        if (d.frameCount == d.frames.length) {
            long extra = (long) d.frameCount * Long.BYTES;
            if (makeRoom(extra, d)) {
                d.frames = Arrays.copyOf(d.frames, d.frameCount * 2);
                charge(d, extra);
            }
        }
        if (d.frameCount < d.frames.length) {
            d.frames[d.frameCount++] = frame; // past the cap the bytes still count, the frame list stops growing
        }
        if (d.total < 0 || d.covered.nextClearBit(0) < d.total) {
            return null;
        }
        pending.remove(key);
        charge(d, -d.charged);
        counters.increment(ReassemblyCounter.DATAGRAMS_REASSEMBLED);
        lastFrames = d.frames;
        lastFrameCount = d.frameCount;
        lastNextHeader = d.nextHeader;
        ReassembledIn links = ReassembledIn.collecting(store);
        if (links != null) {
            for (int i = 0; i < d.frameCount; i++) {
                if (d.frames[i] != frame) {
                    links.datagrams().putIfAbsent(d.frames[i], lastTag, frame);
                }
            }
        }
        return result.wrap(ByteBuffer.wrap(d.bytes), 0, d.total);
    }

    /**
     * Records what the last {@link #add} did on the frame: overlap flags, and for a completed datagram
     * ({@code whole} not null) its fragments' frames, their count and the reassembled length; in the second of two
     * passes, on a fragment of a datagram completed in a later frame, that frame. The field definitions are the IP
     * version's ({@code ip.*} or {@code ipv6.*}), in that order.
     */
    public void record(Dissection tree, ByteView whole, FieldDef overlap, FieldDef conflict, FieldDef fragment,
                       FieldDef count, FieldDef reassembledLength, FieldDef reassembledIn) {
        if (lastOverlap) {
            tree.add(overlap, null, 0, 0, 1);
            tree.add(conflict, null, 0, 0, lastConflict ? 1 : 0);
        }
        if (whole != null) {
            for (int i = 0; i < lastFrameCount; i++) {
                tree.add(fragment, null, 0, 0, lastFrames[i]);
            }
            tree.add(count, null, 0, 0, lastFrameCount);
            tree.add(reassembledLength, null, 0, 0, whole.length());
        }
        ReassembledIn links = ReassembledIn.collected(store);
        long in = links == null ? 0 : links.datagrams().get(lastFrame, lastTag);
        if (in != 0) {
            tree.add(reassembledIn, null, 0, 0, in);
        }
    }

    /** Frames that made the datagram {@link #add} last completed, in arrival order. */
    public int lastFrameCount() {
        return lastFrameCount;
    }

    public long lastFrame(int i) {
        return lastFrames[i];
    }

    /** The protocol (or IPv6 next header) of the first fragment of the datagram last completed. */
    public int lastNextHeader() {
        return lastNextHeader;
    }

    /** True if the last fragment added was dropped (inconsistent with its datagram, too long, or over a cap). */
    public boolean lastDropped() {
        return lastDropped;
    }

    private ByteView dropped() {
        counters.increment(ReassemblyCounter.FRAGMENTS_DROPPED);
        lastDropped = true;
        return null;
    }

    /** True if the last fragment added overlapped bytes already held. */
    public boolean lastOverlap() {
        return lastOverlap;
    }

    /** True if the last fragment added disagreed with bytes already held. */
    public boolean lastConflict() {
        return lastConflict;
    }

    private void write(Datagram d, int at, ByteView data, int off, int len) {
        boolean replace = options.overlapPolicy() == OverlapPolicy.LAST_WINS;
        for (int i = 0; i < len; i++) {
            byte b = data.s8(off + i);
            int p = at + i;
            if (d.covered.get(p)) {
                lastOverlap = true;
                if (d.bytes[p] != b) {
                    lastConflict = true;
                    if (replace) {
                        d.bytes[p] = b;
                    }
                }
            } else {
                d.bytes[p] = b;
            }
        }
        d.covered.set(at, at + len);
        if (lastConflict) {
            counters.increment(ReassemblyCounter.OVERLAP_CONFLICTS);
        }
    }

    private boolean grow(Datagram d, int end) {
        int size = Math.min(MAX_PAYLOAD, Math.max(end, Math.min(MAX_PAYLOAD, d.bytes.length * 2)));
        long extra = (size - d.bytes.length) + (size - d.bytes.length) / 8L;
        if (!makeRoom(extra, d)) {
            return false;
        }
        d.bytes = Arrays.copyOf(d.bytes, size);
        charge(d, extra);
        return true;
    }

    /**
     * Evicts the oldest datagrams other than {@code keep} until {@code extra} more bytes fit under
     * {@link ReassemblyOptions#maxFragmentBytes()}; false if they cannot. Every charge is checked here first, so
     * {@link ReassemblyCounters#fragmentBytes()} never exceeds the cap.
     */
    private boolean makeRoom(long extra, Datagram keep) {
        while (counters.fragmentBytes() + extra > options.maxFragmentBytes() && !pending.isEmpty()) {
            if (pending.values().iterator().next() == keep) {
                break;
            }
            counters.increment(ReassemblyCounter.DATAGRAMS_EVICTED_CAP);
            evictOldest();
        }
        return counters.fragmentBytes() + extra <= options.maxFragmentBytes();
    }

    private void expire(long now) {
        Iterator<Datagram> it = pending.values().iterator();
        while (it.hasNext()) {
            Datagram d = it.next();
            if (now - d.firstSeen <= options.fragmentTimeoutNanos()) {
                break;
            }
            it.remove();
            charge(d, -d.charged);
            counters.increment(ReassemblyCounter.DATAGRAMS_EVICTED_IDLE);
        }
    }

    private void evictOldest() {
        Iterator<Datagram> it = pending.values().iterator();
        if (it.hasNext()) {
            Datagram d = it.next();
            it.remove();
            charge(d, -d.charged);
        }
    }

    private void charge(Datagram d, long delta) {
        d.charged += delta;
        counters.fragmentsHeld(delta);
    }
}
