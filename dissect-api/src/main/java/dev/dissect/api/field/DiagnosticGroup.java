package dev.dissect.api.field;

/**
 * What kind of problem a diagnostic reports (Wireshark's expert info groups).
 *
 * @since 0.1
 */
public enum DiagnosticGroup {
    /** The bytes contradict the protocol (a length that cannot be). */
    MALFORMED,
    /** The capture ends before the protocol data does (snap length, truncated file). */
    TRUNCATED,
    /** A checksum does not match. */
    CHECKSUM,
    /** Sequence analysis (retransmission, gap, out of order). */
    SEQUENCE,
    /** Legal but notable protocol behaviour. */
    PROTOCOL,
    /** Data we do not dissect (an unknown link type or option). */
    UNDECODED,
    /** A limit of ours was reached (depth, size); the rest is kept as bytes. */
    LIMIT
}
