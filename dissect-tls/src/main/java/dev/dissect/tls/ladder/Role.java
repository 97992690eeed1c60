package dev.dissect.tls.ladder;

/**
 * Who takes part in a ladder: a column of the diagram, drawn left to right in declaration order.
 *
 * @since 0.1
 */
public enum Role {
    /** The DNS server that answered the lookup of the server's name (present only when that lookup was captured). */
    DNS_SERVER("DNS server"),
    /** The side that sent the SYN (or spoke first). */
    CLIENT("Client"),
    /** The side that accepted the connection. */
    SERVER("Server");

    private final String title;

    Role(String title) {
        this.title = title;
    }

    /** The column heading, for example {@code "DNS server"}. */
    public String title() {
        return title;
    }
}
