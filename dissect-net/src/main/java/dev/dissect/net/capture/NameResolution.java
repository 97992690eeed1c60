package dev.dissect.net.capture;

import java.net.InetAddress;

/**
 * One name for an address, from a pcapng Name Resolution Block ({@code nrb_record_ipv4} or {@code nrb_record_ipv6}).
 * A record naming several hosts gives one entry per name.
 *
 * @param address the IPv4 or IPv6 address (made from its bytes; no lookup happens)
 * @param name    the host name
 * @since 0.1
 */
public record NameResolution(InetAddress address, String name) {
}
