package dev.dissect.api.frame;

/**
 * Link-layer header types from the tcpdump.org registry (the values in pcap and pcapng headers).
 *
 * @since 0.1
 */
public final class LinkType {
    /** BSD loopback: a 4-byte address family in the capturing host's byte order. */
    public static final int NULL = 0;
    /** Ethernet (and 802.3), {@code DLT_EN10MB}. */
    public static final int ETHERNET = 1;
    /** Raw IPv4 or IPv6, on OpenBSD's numbering. */
    public static final int RAW_OPENBSD = 12;
    /** Raw IPv4 or IPv6, the version read from the first nibble. */
    public static final int RAW = 101;
    /** OpenBSD loopback: like NULL but the family is in network byte order. */
    public static final int LOOP = 108;
    /** Linux "cooked" capture v1 ({@code any} device). */
    public static final int LINUX_SLL = 113;
    /** Raw IPv4. */
    public static final int IPV4 = 228;
    /** Raw IPv6. */
    public static final int IPV6 = 229;
    /** Linux "cooked" capture v2. */
    public static final int LINUX_SLL2 = 276;

    private LinkType() {
    }

    /** A short name for a link type, as pcap's {@code DLT_} suffixes: "EN10MB", "LINUX_SLL", or "LINKTYPE_n". */
    public static String name(int linkType) {
        return switch (linkType) {
            case NULL -> "NULL";
            case ETHERNET -> "EN10MB";
            case RAW, RAW_OPENBSD -> "RAW";
            case LOOP -> "LOOP";
            case LINUX_SLL -> "LINUX_SLL";
            case IPV4 -> "IPV4";
            case IPV6 -> "IPV6";
            case LINUX_SLL2 -> "LINUX_SLL2";
            default -> "LINKTYPE_" + linkType;
        };
    }
}
