package dev.dissect.tls.ladder;

import java.util.Objects;

/**
 * One column of a ladder.
 *
 * @param role    client, server or DNS server
 * @param address the IP address as text ({@code 127.0.0.1}, {@code ::1}); never null
 * @param port    the transport port
 * @param name    a host name for it (the SNI or the name looked up, for the server), or null
 * @since 0.1
 */
public record Participant(Role role, String address, int port, String name) {
    public Participant {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(address, "address");
    }

    /** {@code 127.0.0.1:443}, with brackets around an IPv6 address. */
    public String endpoint() {
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }
}
