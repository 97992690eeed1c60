package dev.dissect.net.engine;

import dev.dissect.api.spi.Dissector;
import dev.dissect.api.spi.DissectorTable;
import dev.dissect.api.spi.HeuristicDissector;
import java.util.Arrays;

/**
 * A dissector table: an open-addressing map from {@code long} keys to dissectors (no boxing on lookup), a
 * "decode as" override map consulted first, and a heuristic list.
 *
 * <p>Filled while registering; read-only while dissecting.
 */
final class DissectorTableImpl implements DissectorTable {
    private static final HeuristicDissector[] NO_HEURISTICS = new HeuristicDissector[0];

    private final String name;
    private final LongMap entries = new LongMap();
    private final LongMap overrides = new LongMap();
    private HeuristicDissector[] heuristics = NO_HEURISTICS;

    DissectorTableImpl(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Dissector lookup(long key) {
        Dissector d = overrides.get(key);
        return d != null ? d : entries.get(key);
    }

    /** The override alone: "decode as" for this key, or null. */
    Dissector override(long key) {
        return overrides.get(key);
    }

    @Override
    public HeuristicDissector[] heuristics() {
        return heuristics;
    }

    /** Registers a dissector; a second registration for the same key replaces the first and returns it. */
    Dissector put(long key, Dissector dissector) {
        return entries.put(key, dissector);
    }

    void putOverride(long key, Dissector dissector) {
        overrides.put(key, dissector);
    }

    void addHeuristic(HeuristicDissector dissector) {
        heuristics = Arrays.copyOf(heuristics, heuristics.length + 1);
        heuristics[heuristics.length - 1] = dissector;
    }

    /** Keys with a registered dissector, for listing. */
    long[] keys() {
        return entries.keys();
    }

    /** Linear-probing map from long to Dissector; small, rarely written, read per packet. */
    static final class LongMap {
        private long[] keys = new long[16];
        private Dissector[] values = new Dissector[16];
        private int size;

        Dissector get(long key) {
            int mask = keys.length - 1;
            for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
                Dissector v = values[i];
                if (v == null) {
                    return null;
                }
                if (keys[i] == key) {
                    return v;
                }
            }
        }

        Dissector put(long key, Dissector value) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
                if (values[i] == null) {
                    keys[i] = key;
                    values[i] = value;
                    size++;
                    return null;
                }
                if (keys[i] == key) {
                    Dissector old = values[i];
                    values[i] = value;
                    return old;
                }
            }
        }

        long[] keys() {
            long[] out = new long[size];
            int n = 0;
            for (int i = 0; i < keys.length; i++) {
                if (values[i] != null) {
                    out[n++] = keys[i];
                }
            }
            Arrays.sort(out);
            return out;
        }

        private void grow() {
            long[] oldKeys = keys;
            Dissector[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new Dissector[oldValues.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldValues[i] != null) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }

        private static int hash(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
