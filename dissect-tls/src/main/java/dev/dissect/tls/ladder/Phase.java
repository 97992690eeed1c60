package dev.dissect.tls.ladder;

/**
 * The stage of a connection a message belongs to; consecutive messages of one phase are drawn as one band.
 *
 * @since 0.1
 */
public enum Phase {
    /** The lookup of the server's name. */
    DNS("DNS lookup"),
    /** SYN, SYN-ACK and the ACK that completes the three-way handshake. */
    TCP_HANDSHAKE("TCP handshake"),
    /** Hellos, certificates, key exchange, ChangeCipherSpec and Finished, and alerts before any application data. */
    TLS_HANDSHAKE("TLS handshake"),
    /** Encrypted application data (and, in TLS 1.3, post-handshake messages, which look the same without keys). */
    APPLICATION_DATA("Application data"),
    /** Alerts after the handshake (close_notify), FIN and RST. */
    TEARDOWN("Teardown");

    private final String title;

    Phase(String title) {
        this.title = title;
    }

    /** The band's label, for example {@code "TCP handshake"}. */
    public String title() {
        return title;
    }
}
