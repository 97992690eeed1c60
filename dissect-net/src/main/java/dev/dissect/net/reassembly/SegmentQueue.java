package dev.dissect.net.reassembly;

import dev.dissect.api.buffer.ByteView;
import java.util.Map;
import java.util.TreeMap;

/**
 * Out-of-order bytes of one direction, as non-overlapping chunks sorted by stream position.
 *
 * <p><b>Only out-of-order data is here</b>, copied once on arrival; in-order data never enters. Each chunk owns its
 * array and view; slices handed to stream dissectors are shared: never write them once handed over.
 * Overlaps are resolved on insertion by the {@link OverlapPolicy}; disagreeing bytes are reported.
 */
final class SegmentQueue {
    /** Bytes charged per chunk on top of its data (object headers, array, view), for the memory caps. */
    static final int CHUNK_OVERHEAD = 96;

    static final class Chunk {
        final long pos;
        final byte[] bytes;
        final ByteView view;
        final long frame;

        Chunk(long pos, byte[] bytes, long frame) {
            this.pos = pos;
            this.bytes = bytes;
            this.view = ByteView.of(bytes);
            this.frame = frame;
        }

        long end() {
            return pos + bytes.length;
        }
    }

    /**
     * Chunks keyed by {@link Chunk#pos}; every lookup is O(log n). The comparator counts key comparisons into
     * {@link #steps}, so tests can measure work rather than time.
     */
    private TreeMap<Long, Chunk> chunks;
    /** The lowest chunk, cached so the in-order path reads it without a lookup or an allocation. */
    private Chunk head;
    private long charged;
    /** Work done: key comparisons plus walk iterations. Package-private for tests. */
    long steps;
    /** Set by {@link #walk} when applying: some covered byte differed. */
    private boolean conflict;

    /** The chunks, made on the first out-of-order segment: most directions never have one. */
    private TreeMap<Long, Chunk> chunks() {
        if (chunks == null) {
            chunks = new TreeMap<>(this::compare);
        }
        return chunks;
    }

    private int compare(Long a, Long b) {
        steps++;
        return Long.compare(a, b);
    }

    boolean isEmpty() {
        return head == null;
    }

    Chunk first() {
        return head;
    }

    Chunk removeFirst() {
        Chunk c = chunks.pollFirstEntry().getValue();
        Map.Entry<Long, Chunk> next = chunks.firstEntry();
        head = next == null ? null : next.getValue();
        charged -= c.bytes.length + CHUNK_OVERHEAD;
        return c;
    }

    /** Number of chunks held. */
    int size() {
        return chunks == null ? 0 : chunks.size();
    }

    /** Bytes charged for everything held. */
    long charged() {
        return charged;
    }

    void clear() {
        chunks = null;
        head = null;
        charged = 0;
    }

    /** What inserting {@code [pos, pos + len)} costs: the bytes no chunk covers, plus overhead per new chunk. */
    long cost(long pos, int len) {
        return walk(pos, null, 0, len, 0, null, false);
    }

    /**
     * Inserts {@code [pos, pos + len)} taken from {@code data} at {@code off}: the parts no chunk covers become new
     * chunks; covered parts are compared, and replaced under {@link OverlapPolicy#LAST_WINS}.
     *
     * @return true if some covered byte differed
     */
    boolean insert(long pos, ByteView data, int off, int len, long frame, OverlapPolicy policy) {
        conflict = false;
        walk(pos, data, off, len, frame, policy, true);
        return conflict;
    }

    /**
     * The one walk over {@code [pos, pos + len)}: alternately a covered run (inside an existing chunk) and an
     * uncovered run (up to the next chunk or the end). Each step costs one or two O(log n) lookups, so a segment
     * touching k chunks costs O((k + 1) log n). With {@code apply} false nothing changes and the cost of the uncovered
     * runs is returned; with {@code apply} true covered runs are compared (and overwritten under LAST_WINS, setting
     * {@link #conflict}) and uncovered runs become new chunks.
     */
    private long walk(long pos, ByteView data, int off, int len, long frame, OverlapPolicy policy, boolean apply) {
        long end = pos + len;
        long cur = pos;
        long cost = 0;
        TreeMap<Long, Chunk> chunks = chunks();
        while (cur < end) {
            steps++;
            Map.Entry<Long, Chunk> e = chunks.floorEntry(cur);
            Chunk c = e == null ? null : e.getValue();
            if (c != null && c.end() > cur) {
                long stop = Math.min(end, c.end());
                if (apply) {
                    conflict |= overlap(c, cur, stop, data, off + (int) (cur - pos), policy);
                }
                cur = stop;
            } else {
                Map.Entry<Long, Chunk> next = chunks.higherEntry(cur);
                long stop = next == null ? end : Math.min(end, next.getKey());
                int n = (int) (stop - cur);
                cost += n + CHUNK_OVERHEAD;
                if (apply) {
                    Chunk added = new Chunk(cur, data.toArray(off + (int) (cur - pos), n), frame);
                    chunks.put(cur, added);
                    if (head == null || cur < head.pos) {
                        head = added;
                    }
                    charged += n + CHUNK_OVERHEAD;
                }
                cur = stop;
            }
        }
        return cost;
    }

    /** Compares (and under LAST_WINS overwrites) {@code [from, to)} of chunk {@code c} with {@code data}. */
    static boolean overlap(Chunk c, long from, long to, ByteView data, int dataOff, OverlapPolicy policy) {
        boolean conflict = false;
        int at = (int) (from - c.pos);
        for (int k = 0, n = (int) (to - from); k < n; k++) {
            byte b = data.s8(dataOff + k);
            if (c.bytes[at + k] != b) {
                conflict = true;
                if (policy == OverlapPolicy.LAST_WINS) {
                    c.bytes[at + k] = b;
                }
            }
        }
        return conflict;
    }
}
