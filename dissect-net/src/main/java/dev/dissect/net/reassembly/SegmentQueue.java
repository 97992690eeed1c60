package dev.dissect.net.reassembly;

import dev.dissect.api.buffer.ByteView;
import java.util.ArrayList;

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

    private final ArrayList<Chunk> chunks = new ArrayList<>(4);
    private long charged;

    boolean isEmpty() {
        return chunks.isEmpty();
    }

    Chunk first() {
        return chunks.isEmpty() ? null : chunks.get(0);
    }

    Chunk removeFirst() {
        Chunk c = chunks.remove(0);
        charged -= c.bytes.length + CHUNK_OVERHEAD;
        return c;
    }

    /** Bytes charged for everything held. */
    long charged() {
        return charged;
    }

    void clear() {
        chunks.clear();
        charged = 0;
    }

    /** What inserting {@code [pos, pos + len)} costs: the bytes no chunk covers, plus overhead per new chunk. */
    long cost(long pos, int len) {
        long end = pos + len;
        long cur = pos;
        long cost = 0;
        int i = 0;
        while (cur < end) {
            while (i < chunks.size() && chunks.get(i).end() <= cur) {
                i++;
            }
            Chunk c = i < chunks.size() ? chunks.get(i) : null;
            if (c != null && c.pos <= cur) {
                cur = Math.min(end, c.end());
            } else {
                long stop = c == null ? end : Math.min(end, c.pos);
                cost += stop - cur + CHUNK_OVERHEAD;
                cur = stop;
            }
        }
        return cost;
    }

    /**
     * Inserts {@code [pos, pos + len)} taken from {@code data} at {@code off}: the parts no chunk covers become new
     * chunks; covered parts are compared, and replaced under {@link OverlapPolicy#LAST_WINS}.
     *
     * @return true if some covered byte differed
     */
    boolean insert(long pos, ByteView data, int off, int len, long frame, OverlapPolicy policy) {
        boolean conflict = false;
        long end = pos + len;
        long cur = pos;
        int i = 0;
        while (cur < end) {
            while (i < chunks.size() && chunks.get(i).end() <= cur) {
                i++;
            }
            Chunk c = i < chunks.size() ? chunks.get(i) : null;
            if (c != null && c.pos <= cur) {
                long stop = Math.min(end, c.end());
                conflict |= overlap(c, cur, stop, data, off + (int) (cur - pos), policy);
                cur = stop;
            } else {
                long stop = c == null ? end : Math.min(end, c.pos);
                int n = (int) (stop - cur);
                byte[] copy = data.toArray(off + (int) (cur - pos), n);
                chunks.add(i, new Chunk(cur, copy, frame));
                charged += n + CHUNK_OVERHEAD;
                i++;
                cur = stop;
            }
        }
        return conflict;
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
