package dev.dissect.net.reassembly;

/** What the reassembly engines count: flows and datagrams made, evicted or dropped, and bytes lost to caps. */
public enum ReassemblyCounter {
    /** TCP flows created (each gets a {@code tcp.stream} number). */
    FLOWS_CREATED,
    /**
     * Flows idle longer than {@link ReassemblyOptions#flowIdleTimeoutNanos()}: their streams were ended and their
     * buffers freed; their number and sequence analysis are kept until the flow cap evicts them.
     */
    FLOWS_EVICTED_IDLE,
    /** Flows dropped, oldest first, to stay within {@link ReassemblyOptions#maxFlows()}. */
    FLOWS_EVICTED_CAP,
    /** Flows replaced by a new connection on the same ports (a new SYN after FIN or RST). */
    FLOWS_REUSED,
    /** Out-of-order segments copied into a flow's buffer. */
    SEGMENTS_BUFFERED,
    /** Bytes given up because a per-flow or global byte cap was reached (reported to the dissector as a gap). */
    BYTES_DROPPED_CAP,
    /** Gaps reported to stream dissectors. */
    GAPS,
    /** Overlapping segments or fragments whose bytes disagreed. */
    OVERLAP_CONFLICTS,
    /** Stream dissectors that threw and were stopped. */
    STREAM_DISSECTOR_FAILURES,
    /** IP datagrams reassembled from fragments. */
    DATAGRAMS_REASSEMBLED,
    /** Incomplete datagrams dropped after {@link ReassemblyOptions#fragmentTimeoutNanos()}. */
    DATAGRAMS_EVICTED_IDLE,
    /** Incomplete datagrams dropped, oldest first, to stay within the datagram or byte caps. */
    DATAGRAMS_EVICTED_CAP,
    /** Fragments ignored: past 65,535 bytes, inconsistent ends, or too big for the caps alone. */
    FRAGMENTS_DROPPED
}
