package dev.dissect.net.reassembly;

import dev.dissect.api.flow.FlowKey;
import dev.dissect.api.stream.StreamDissector;
import java.util.function.Supplier;

/**
 * One TCP connection: its key, {@code tcp.stream} number, the two {@link TcpHalf directions}, the stream dissector
 * chosen for it and its plugins' state. Lives in the {@link TcpReassembler}'s table until a new connection reuses
 * its ports or the flow cap evicts it (idle flows first); everything it holds goes with it.
 */
public final class TcpFlow {
    final long[] tableKey;
    final long streamIndex;
    final boolean clientIsLow;
    final FlowKey key;
    final TcpHalf[] halves = {new TcpHalf(), new TcpHalf()};

    long lastSeen;
    TcpFlow older;
    TcpFlow newer;
    /** In the reassembler's idle list (streams ended for idleness) rather than its active one. */
    boolean idle;

    boolean finSeen;
    boolean rstSeen;
    long synTime = -1;
    long initialRtt = -1;
    long buffered;

    private boolean dissectorChosen;
    StreamDissector dissector;
    private Object[] states;

    TcpFlow(long[] tableKey, long streamIndex, boolean clientIsLow, FlowKey key) {
        this.tableKey = tableKey;
        this.streamIndex = streamIndex;
        this.clientIsLow = clientIsLow;
        this.key = key;
    }

    public long streamIndex() {
        return streamIndex;
    }

    public FlowKey key() {
        return key;
    }

    /** True once a stream dissector was looked for (whether or not one was found). */
    public boolean dissectorChosen() {
        return dissectorChosen;
    }

    /** The stream dissector reassembled bytes go to, or null (payloads then go to packet dissectors). */
    public StreamDissector dissector() {
        return dissector;
    }

    /** Sets the stream dissector once, at the flow's first payload; null means none. */
    public void chooseDissector(StreamDissector d) {
        dissectorChosen = true;
        dissector = d;
    }

    /** True after FIN (either way) or RST: a new SYN on the same ports then starts a new stream. */
    boolean closed() {
        return finSeen || rstSeen;
    }

    @SuppressWarnings("unchecked")
    <T> T state(Class<T> type, Supplier<? extends T> factory) {
        if (states != null) {
            for (int i = 0; i < states.length; i += 2) {
                if (states[i] == type) {
                    return (T) states[i + 1];
                }
            }
        }
        T value = factory.get();
        if (value == null || !type.isInstance(value)) {
            throw new IllegalStateException("factory for " + type.getName() + " returned " + value);
        }
        Object[] grown = new Object[states == null ? 2 : states.length + 2];
        if (states != null) {
            System.arraycopy(states, 0, grown, 0, states.length);
        }
        grown[grown.length - 2] = type;
        grown[grown.length - 1] = value;
        states = grown;
        return value;
    }

    /**
     * Once both directions' streams have ended, the dissectors' state for this flow is dropped and the analysis
     * tables shrink: a closed flow stays for its number and sequence analysis (as in tshark) at a few hundred bytes.
     */
    void compactIfEnded() {
        StreamHalf a = halves[0].stream;
        StreamHalf b = halves[1].stream;
        if (a != null && b != null && a.ended && b.ended) {
            states = null;
            for (TcpHalf h : halves) {
                h.stream = null; // nothing more is delivered: streamEnded remembers it in a bit
                h.streamEnded = true;
                h.compact();
            }
        }
    }
}
