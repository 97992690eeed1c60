package dev.dissect.bench;

import java.nio.charset.StandardCharsets;

/**
 * Who lives where in the generated network: clients on a LAN behind one gateway, servers and a resolver beyond it.
 * Every address is in a range reserved for documentation or private use (RFC 1918, RFC 5737, RFC 3849).
 *
 * <pre>
 * IPv4 clients  10.1.0.1 ...     (3,000)       IPv6 clients  2001:db8:1::1 ...    (600)
 * IPv4 servers  198.51.100.x, 203.0.113.x (420) IPv6 servers  2001:db8:ff::1 ...  (420)
 * resolver      10.0.0.53 / 2001:db8::53        gateway MAC   02:00:5e:10:00:01
 * </pre>
 */
final class AddressPlan {
    static final int IPV4_CLIENTS = 3_000;
    static final int IPV6_CLIENTS = 600;
    static final int SERVERS = 420;
    static final byte[] GATEWAY_MAC = {0x02, 0x00, 0x5e, 0x10, 0x00, 0x01};
    static final byte[] RESOLVER_IPV4 = {10, 0, 0, 53};
    static final byte[] RESOLVER_IPV6 = ipv6(0x2001_0db8, 0, 0, 0x53);

    private static final String[] PREFIXES = {"www", "api", "cdn", "static", "img", "login", "assets", "m"};
    private static final String[] SUFFIXES = {"example", "example.com", "example.net", "example.org", "test"};

    private AddressPlan() {
    }

    /** A locally administered unicast MAC for client {@code client}; IPv6 clients are numbered after IPv4 ones. */
    static byte[] clientMac(int client) {
        return new byte[] {0x02, 0x42, 0x0a, (byte) (client >>> 16), (byte) (client >>> 8), (byte) client};
    }

    static byte[] clientIpv4(int client) {
        return new byte[] {10, 1, (byte) (client / 250), (byte) (client % 250 + 1)};
    }

    static byte[] clientIpv6(int client) {
        return ipv6(0x2001_0db8, 0x0001_0000, 0, client + 1);
    }

    static byte[] serverIpv4(int server) {
        return server < 210
                ? new byte[] {(byte) 198, 51, 100, (byte) (server + 1)}
                : new byte[] {(byte) 203, 0, 113, (byte) (server - 210 + 1)};
    }

    static byte[] serverIpv6(int server) {
        return ipv6(0x2001_0db8, 0x00ff_0000, 0, server + 1);
    }

    /** The host name of server {@code server}, such as {@code cdn.site17.example.net}. */
    static String serverName(int server) {
        return PREFIXES[server % PREFIXES.length] + ".site" + server + "." + SUFFIXES[server % SUFFIXES.length];
    }

    /** The canonical name some servers' names alias to, such as {@code edge3.cdn-provider.example}. */
    static String canonicalName(int server) {
        return "edge" + (server % 16) + ".cdn-provider.example";
    }

    /** {@code dotted} as DNS labels, uncompressed, ending in the root label. */
    static byte[] dnsName(String dotted) {
        byte[] ascii = dotted.getBytes(StandardCharsets.US_ASCII);
        byte[] wire = new byte[ascii.length + 2];
        int labelStart = 0;
        int out = 1;
        for (int i = 0; i <= ascii.length; i++) {
            if (i == ascii.length || ascii[i] == '.') {
                int length = i - labelStart;
                if (length == 0 || length > 63) {
                    throw new IllegalArgumentException("bad label in " + dotted);
                }
                wire[out - 1] = (byte) length;
                System.arraycopy(ascii, labelStart, wire, out, length);
                out += length + 1;
                labelStart = i + 1;
            }
        }
        wire[out - 1] = 0;
        return wire;
    }

    private static byte[] ipv6(int word0, int word1, int word2, int word3) {
        byte[] address = new byte[16];
        int[] words = {word0, word1, word2, word3};
        for (int i = 0; i < 4; i++) {
            address[i * 4] = (byte) (words[i] >>> 24);
            address[i * 4 + 1] = (byte) (words[i] >>> 16);
            address[i * 4 + 2] = (byte) (words[i] >>> 8);
            address[i * 4 + 3] = (byte) words[i];
        }
        return address;
    }
}
