package dev.dissect.net.dns;

import java.util.Arrays;

/**
 * What the first of two passes learnt for {@code dns.response_in}: for a query (its frame number and transaction
 * id), the frame of the response that matched it. Filled by the first pass, read by the second.
 *
 * <p>An open-addressing table of primitives: no object per entry. It grows with the capture (tshark keeps every
 * transaction too) up to {@link DnsLimits#MAX_RESPONSE_MATCHES}; past that, further matches are not kept and
 * their queries show no {@code dns.response_in}. Not thread-safe.
 */
final class DnsResponses {
    private final int maxEntries;

    private long[] keys = new long[1024];
    private long[] values = new long[1024];
    private int size;

    DnsResponses(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** Remembers that the query in {@code queryFrame} with {@code id} is answered in {@code responseFrame}. */
    void putIfAbsent(long queryFrame, int id, long responseFrame) {
        if (size >= maxEntries) {
            return;
        }
        long key = key(queryFrame, id);
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = responseFrame;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    /** The response frame of the query in {@code queryFrame} with {@code id}, or 0 if none was seen. */
    long get(long queryFrame, int id) {
        long key = key(queryFrame, id);
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        return 0;
    }

    int size() {
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
    private static long key(long frame, int id) {
        return frame << 16 | id & 0xFFFF;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32);
    }
}
