package dev.dissect.net.flow;

import java.util.Arrays;

/**
 * What the first of two passes learnt about a frame from a later one: for something in a frame (its number and a
 * tag of at most {@link #TAG_BITS} bits, such as a DNS transaction id or an IP identification), the later frame
 * it leads to (the response that matched a query, the frame that completed a datagram). Filled by the first
 * pass, read by the second ({@code dns.response_in}, {@code *.reassembled_in}).
 *
 * <p>An open-addressing table of primitives: no object per entry. It grows with the capture (tshark keeps every
 * transaction and reassembly too) up to a maximum; past that, further links are not kept and their frames show no
 * such field. Tags are cut to {@link #TAG_BITS} bits. Not thread-safe.
 */
public final class FrameLinks {
    /** Bits of a tag that are kept. */
    public static final int TAG_BITS = 24;
    /** Links kept at most by default (about 400 MB of table at the limit). */
    static final int MAX_ENTRIES = 1 << 24;

    private final int maxEntries;

    private long[] keys = new long[1024];
    private long[] values = new long[1024];
    private int size;

    /** A table of at most {@link #MAX_ENTRIES} links. */
    public FrameLinks() {
        this(MAX_ENTRIES);
    }

    /** A table of at most {@code maxEntries} links (a cap such as {@code dns.max_response_matches}). */
    public FrameLinks(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** Remembers that {@code tag} in {@code frame} leads to {@code later}, unless it already leads elsewhere. */
    public void putIfAbsent(long frame, long tag, long later) {
        if (size >= maxEntries) {
            return;
        }
        long key = key(frame, tag);
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = later;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    /** The frame {@code tag} in {@code frame} leads to, or 0 if none was noted. */
    public long get(long frame, long tag) {
        long key = key(frame, tag);
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        return 0;
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = hash(oldKeys[j]) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
        Arrays.fill(oldKeys, 0);
    }

    /** Frame numbers start at 1, so a key is never 0 (the empty slot). */
    private static long key(long frame, long tag) {
        return frame << TAG_BITS | tag & (1L << TAG_BITS) - 1;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32);
    }
}
