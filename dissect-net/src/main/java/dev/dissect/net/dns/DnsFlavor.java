package dev.dissect.net.dns;

import dev.dissect.api.field.Protocol;

/**
 * The three protocols that share the DNS message format, with tshark's filter names: plain DNS, multicast DNS
 * (RFC 6762: the top bit of a class is the QU or cache-flush bit) and LLMNR (RFC 4795: other header flags).
 */
public enum DnsFlavor {
    DNS(new Protocol("dns", "Domain Name System", "DNS")),
    MDNS(new Protocol("mdns", "Multicast Domain Name System", "MDNS")),
    LLMNR(new Protocol("llmnr", "Link-local Multicast Name Resolution", "LLMNR"));

    private final Protocol protocol;

    DnsFlavor(Protocol protocol) {
        this.protocol = protocol;
    }

    /** The layer this flavour adds. */
    public Protocol protocol() {
        return protocol;
    }
}
