package dev.dissect.net.reassembly;

/**
 * Counts of everything the reassembly engines made, evicted or dropped in one session, and the bytes they hold.
 * Counting allocates nothing. Not thread-safe (one per session).
 */
public final class ReassemblyCounters {
    private final long[] counts = new long[ReassemblyCounter.values().length];
    private long tcpBufferedBytes;
    private long tcpPeakBufferedBytes;
    private long fragmentBytes;
    private long fragmentPeakBytes;

    /** How many times {@code counter} happened. */
    public long get(ReassemblyCounter counter) {
        return counts[counter.ordinal()];
    }

    void add(ReassemblyCounter counter, long n) {
        counts[counter.ordinal()] += n;
    }

    /** Increments a counter (for the defragmenter in its own package). */
    public void increment(ReassemblyCounter counter) {
        counts[counter.ordinal()]++;
    }

    /** Bytes TCP reassembly holds now (out-of-order segments, held-over bytes, bookkeeping). */
    public long tcpBufferedBytes() {
        return tcpBufferedBytes;
    }

    /** The most {@link #tcpBufferedBytes()} ever was. */
    public long tcpPeakBufferedBytes() {
        return tcpPeakBufferedBytes;
    }

    /** Bytes held by incomplete IP datagrams now. */
    public long fragmentBytes() {
        return fragmentBytes;
    }

    /** The most {@link #fragmentBytes()} ever was. */
    public long fragmentPeakBytes() {
        return fragmentPeakBytes;
    }

    void tcpBuffered(long delta) {
        tcpBufferedBytes += delta;
        tcpPeakBufferedBytes = Math.max(tcpPeakBufferedBytes, tcpBufferedBytes);
    }

    /** Adds {@code delta} (negative to release) to the bytes held by the defragmenter. */
    public void fragmentsHeld(long delta) {
        fragmentBytes += delta;
        fragmentPeakBytes = Math.max(fragmentPeakBytes, fragmentBytes);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ReassemblyCounters{");
        for (ReassemblyCounter c : ReassemblyCounter.values()) {
            sb.append(c.name().toLowerCase()).append('=').append(counts[c.ordinal()]).append(", ");
        }
        return sb.append("tcp_buffered=").append(tcpBufferedBytes).append(", fragment_bytes=").append(fragmentBytes)
                .append('}').toString();
    }
}
