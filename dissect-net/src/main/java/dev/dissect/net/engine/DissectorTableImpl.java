package dev.dissect.net.engine;

import dev.dissect.api.spi.Dissector;
import dev.dissect.api.spi.DissectorTable;
import dev.dissect.api.spi.HeuristicDissector;
import dev.dissect.api.stream.HeuristicStreamDissector;
import dev.dissect.api.stream.StreamDissector;
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
    private final LongMap streams = new LongMap();
    private final LongMap streamOverrides = new LongMap();
    private HeuristicStreamDissector[] streamHeuristics = new HeuristicStreamDissector[0];

    DissectorTableImpl(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Dissector lookup(long key) {
        Object d = overrides.get(key);
        return (Dissector) (d != null ? d : entries.get(key));
    }

    /** The override alone: "decode as" for this key, or null. */
    Dissector override(long key) {
        return (Dissector) overrides.get(key);
    }

    @Override
    public HeuristicDissector[] heuristics() {
        return heuristics;
    }

    /** Registers a dissector; a second registration for the same key replaces the first and returns it. */
    Dissector put(long key, Dissector dissector) {
        return (Dissector) entries.put(key, dissector);
    }

    void putOverride(long key, Dissector dissector) {
        overrides.put(key, dissector);
    }

    void addHeuristic(HeuristicDissector dissector) {
        heuristics = Arrays.copyOf(heuristics, heuristics.length + 1);
        heuristics[heuristics.length - 1] = dissector;
    }

    @Override
    public StreamDissector lookupStream(long key) {
        Object d = streamOverrides.get(key);
        return (StreamDissector) (d != null ? d : streams.get(key));
    }

    /** The stream "decode as" override for this key, or null. */
    StreamDissector streamOverride(long key) {
        return (StreamDissector) streamOverrides.get(key);
    }

    @Override
    public HeuristicStreamDissector[] streamHeuristics() {
        return streamHeuristics;
    }

    void putStream(long key, StreamDissector dissector) {
        streams.put(key, dissector);
    }

    void putStreamOverride(long key, StreamDissector dissector) {
        streamOverrides.put(key, dissector);
    }

    void addStreamHeuristic(HeuristicStreamDissector dissector) {
        streamHeuristics = Arrays.copyOf(streamHeuristics, streamHeuristics.length + 1);
        streamHeuristics[streamHeuristics.length - 1] = dissector;
    }

    /** Keys with a registered dissector, for listing. */
    long[] keys() {
        return entries.keys();
    }

    /** Linear-probing map from long to a dissector (packet or stream); small, rarely written, read per packet. */
    static final class LongMap {
        private long[] keys = new long[16];
        private Object[] values = new Object[16];
        private int size;

        Object get(long key) {
            if (size == 0) {
                return null; // the usual case for "decode as" overrides: no probe at all
            }
            int mask = keys.length - 1;
            for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
                Object v = values[i];
                if (v == null) {
                    return null;
                }
                if (keys[i] == key) {
                    return v;
                }
            }
        }

        Object put(long key, Object value) {
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
                    Object old = values[i];
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
            Object[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new Object[oldValues.length * 2];
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
