package dev.dissect.net.ip;

/** The {@code ip.proto} table (IPv4 protocol and IPv6 next-header numbers) and the numbers we use. */
public final class IpProtocols {
    /** Table name, keyed by the IANA protocol number. */
    public static final String TABLE = "ip.proto";

    public static final int HOP_BY_HOP = 0;
    public static final int ICMP = 1;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int IPV6_ROUTING = 43;
    public static final int IPV6_FRAGMENT = 44;
    public static final int AH = 51;
    public static final int IPV6_NO_NEXT = 59;
    public static final int IPV6_DEST_OPTS = 60;

    private IpProtocols() {
    }

    /** A short name for the info column ("TCP", "UDP"), or the number. */
    public static String name(int protocol) {
        return switch (protocol) {
            case ICMP -> "ICMP";
            case TCP -> "TCP";
            case UDP -> "UDP";
            case 58 -> "ICMPv6";
            case AH -> "AH";
            case 50 -> "ESP";
            case 47 -> "GRE";
            default -> Integer.toString(protocol);
        };
    }
}
