package dev.dissect.net.reassembly;

/**
 * Every limit and policy of TCP reassembly and IP defragmentation, in one place; the engine takes one of these.
 *
 * <p><b>Memory is bounded by these numbers whatever the input.</b> Flows cost a fixed amount each and are capped by
 * {@link #maxFlows}; buffered TCP bytes are capped per flow and in total; incomplete IP datagrams are capped in
 * number and bytes. What a cap forces out is counted ({@link ReassemblyCounters}) and, for streams, reported to the
 * stream dissector as a gap. <b>Time is capture time</b> (frame timestamps), so results do not depend on how fast a
 * file is read.
 *
 * <p>{@link #defaults()}: 262,144 flows, idle timeout 600 s, 1 MiB buffered per flow, 256 MiB in total, first
 * wins on overlap; 4,096 incomplete datagrams, fragment timeout 60 s, 32 MiB of fragments. tshark has no idle
 * timeout; here an idle flow's streams end and its buffers are freed, but it keeps its {@code tcp.stream} number
 * and sequence analysis, as in tshark, until the flow cap evicts it (idle flows first).
 *
 * @param maxFlows                TCP flows tracked at once; the least recently active is evicted for a new one
 * @param flowIdleTimeoutNanos    a flow idle this long (capture time) has its streams ended and buffers freed
 * @param maxBufferedBytesPerFlow bytes buffered for one flow (both directions: out-of-order and held-over data)
 * @param maxBufferedBytes        bytes buffered for all flows together
 * @param overlapPolicy           which bytes win when segments or fragments overlap
 * @param maxDatagrams            incomplete IP datagrams held at once; the oldest is dropped for a new one
 * @param fragmentTimeoutNanos    an incomplete datagram older than this (capture time) is dropped
 * @param maxFragmentBytes        bytes held by incomplete datagrams together
 */
public record ReassemblyOptions(int maxFlows, long flowIdleTimeoutNanos, int maxBufferedBytesPerFlow,
                                long maxBufferedBytes, OverlapPolicy overlapPolicy, int maxDatagrams,
                                long fragmentTimeoutNanos, long maxFragmentBytes) {
    private static final long SECOND = 1_000_000_000L;

    public ReassemblyOptions {
        if (maxFlows < 1 || flowIdleTimeoutNanos <= 0 || maxBufferedBytesPerFlow < 0 || maxBufferedBytes < 0
                || maxDatagrams < 1 || fragmentTimeoutNanos <= 0 || maxFragmentBytes < 0) {
            throw new IllegalArgumentException("limits must be positive: " + this);
        }
        if (overlapPolicy == null) {
            throw new IllegalArgumentException("overlapPolicy is null");
        }
    }

    /** The documented defaults (see the class comment). */
    public static ReassemblyOptions defaults() {
        return new ReassemblyOptions(262_144, 600 * SECOND, 1 << 20, 256L << 20, OverlapPolicy.FIRST_WINS, 4_096,
                60 * SECOND, 32L << 20);
    }

    public ReassemblyOptions withMaxFlows(int n) {
        return new ReassemblyOptions(n, flowIdleTimeoutNanos, maxBufferedBytesPerFlow, maxBufferedBytes,
                overlapPolicy, maxDatagrams, fragmentTimeoutNanos, maxFragmentBytes);
    }

    public ReassemblyOptions withFlowIdleTimeoutNanos(long nanos) {
        return new ReassemblyOptions(maxFlows, nanos, maxBufferedBytesPerFlow, maxBufferedBytes, overlapPolicy,
                maxDatagrams, fragmentTimeoutNanos, maxFragmentBytes);
    }

    public ReassemblyOptions withBufferCaps(int perFlow, long total) {
        return new ReassemblyOptions(maxFlows, flowIdleTimeoutNanos, perFlow, total, overlapPolicy, maxDatagrams,
                fragmentTimeoutNanos, maxFragmentBytes);
    }

    public ReassemblyOptions withOverlapPolicy(OverlapPolicy policy) {
        return new ReassemblyOptions(maxFlows, flowIdleTimeoutNanos, maxBufferedBytesPerFlow, maxBufferedBytes,
                policy, maxDatagrams, fragmentTimeoutNanos, maxFragmentBytes);
    }

    public ReassemblyOptions withFragmentCaps(int datagrams, long bytes, long timeoutNanos) {
        return new ReassemblyOptions(maxFlows, flowIdleTimeoutNanos, maxBufferedBytesPerFlow, maxBufferedBytes,
                overlapPolicy, datagrams, timeoutNanos, bytes);
    }
}
