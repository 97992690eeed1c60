package dev.dissect.api.field;

/**
 * How bad a diagnostic is, as Wireshark's expert info severities.
 *
 * @since 0.1
 */
public enum Severity {
    /** Normal workflow worth noting (a connection was reset). */
    CHAT,
    /** Unusual but legal (a retransmission). */
    NOTE,
    /** Likely a problem (a bad checksum, an unknown link type). */
    WARN,
    /** Malformed or truncated data: the layer could not be dissected as a whole. */
    ERROR
}
