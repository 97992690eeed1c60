package dev.dissect.net.reassembly;

/**
 * Which bytes count when two segments (or fragments) cover the same stream positions with different contents.
 * Either way the disagreement is counted ({@link ReassemblyCounter#OVERLAP_CONFLICTS}) and flagged on the frame
 * ({@code tcp.segment.overlap.conflict}, {@code ip.fragment.overlap.conflict}).
 */
public enum OverlapPolicy {
    /** The bytes that arrived first stay (Wireshark's default, and most stacks'). */
    FIRST_WINS,
    /** Later bytes replace buffered ones (bytes already handed to a dissector cannot be replaced). */
    LAST_WINS
}
