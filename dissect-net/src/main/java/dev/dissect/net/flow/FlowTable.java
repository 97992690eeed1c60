package dev.dissect.net.flow;

import java.util.Arrays;

/**
 * An open-addressing hash table from canonical flow keys ({@link NetworkEndpoints#KEY_LONGS} longs) to flows.
 *
 * <p><b>Lookups allocate nothing</b>: keys live in one {@code long[]} slab beside the values, probed linearly, and
 * compared long by long. <b>Size is capped</b>: the table grows by doubling up to twice {@code maxSize} slots and
 * never further; the caller evicts before inserting past {@code maxSize}. Removal shifts later entries back, so no
 * tombstones build up.
 *
 * @param <V> the flow type
 */
public final class FlowTable<V> {
    private static final int K = NetworkEndpoints.KEY_LONGS;

    private final int maxSize;
    private long[] keys;
    private Object[] values;
    private int mask;
    private int size;

    public FlowTable(int maxSize) {
        this.maxSize = maxSize;
        int slots = Math.min(1024, tableSizeFor(maxSize));
        keys = new long[slots * K];
        values = new Object[slots];
        mask = slots - 1;
    }

    public int size() {
        return size;
    }

    public int maxSize() {
        return maxSize;
    }

    /** The value for {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public V get(long[] key) {
        for (int i = slot(key); ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (matches(i, key)) {
                return (V) v;
            }
        }
    }

    /**
     * Adds {@code value} under {@code key}, which must be absent.
     *
     * @throws IllegalStateException if the table already holds {@code maxSize} entries (a caller bug)
     */
    public void put(long[] key, V value) {
        if (size >= maxSize) {
            throw new IllegalStateException("flow table full: size=" + size + " maxSize=" + maxSize);
        }
        if ((size + 1) * 2 > values.length) {
            grow();
        }
        insert(key, value);
        size++;
    }

    /** Removes {@code key} if present; returns its value or null. */
    @SuppressWarnings("unchecked")
    public V remove(long[] key) {
        for (int i = slot(key); ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (matches(i, key)) {
                deleteAt(i);
                size--;
                return (V) v;
            }
        }
    }

    private void deleteAt(int hole) {
        values[hole] = null;
        for (int i = (hole + 1) & mask; values[i] != null; i = (i + 1) & mask) {
            int home = hash(keys, i * K) & mask;
            // Move the entry back into the hole if its home slot does not lie in (hole, i].
            boolean between = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
            if (!between) {
                System.arraycopy(keys, i * K, keys, hole * K, K);
                values[hole] = values[i];
                values[i] = null;
                hole = i;
            }
        }
    }

    private void insert(long[] key, Object value) {
        int i = slot(key);
        while (values[i] != null) {
            i = (i + 1) & mask;
        }
        System.arraycopy(key, 0, keys, i * K, K);
        values[i] = value;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        int slots = oldValues.length * 2;
        keys = new long[slots * K];
        values = new Object[slots];
        mask = slots - 1;
        long[] key = new long[K];
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != null) {
                System.arraycopy(oldKeys, i * K, key, 0, K);
                insert(key, oldValues[i]);
            }
        }
        Arrays.fill(key, 0);
    }

    private boolean matches(int slot, long[] key) {
        int base = slot * K;
        for (int j = 0; j < K; j++) {
            if (keys[base + j] != key[j]) {
                return false;
            }
        }
        return true;
    }

    private int slot(long[] key) {
        return hash(key, 0) & mask;
    }

    private static int hash(long[] k, int base) {
        long h = 0x9E3779B97F4A7C15L;
        for (int j = 0; j < K; j++) {
            h = (h ^ k[base + j]) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return (int) (h ^ (h >>> 32));
    }

    private static int tableSizeFor(int maxSize) {
        int n = Integer.highestOneBit(Math.max(2, maxSize) * 2 - 1) << 1;
        return Math.max(16, n);
    }
}
