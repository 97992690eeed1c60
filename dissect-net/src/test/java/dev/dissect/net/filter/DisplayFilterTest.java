package dev.dissect.net.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.LinkType;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.testkit.Packets;
import dev.dissect.testkit.TestFrame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Display filters on two frames built inline: an Ethernet/IPv4/TCP segment 10.1.2.3:40000 → 192.168.0.9:443 with
 * payload "GET /index", and an Ethernet/IPv6/UDP datagram fe80::1 → ::1, port 5353 → 53.
 */
class DisplayFilterTest {
    static final DissectionEngine ENGINE = DissectionEngine.withDefaults();
    static final long MAC_A = 0x0200_0000_00AAL;
    static final long MAC_B = 0x0200_0000_00BBL;

    static Dissection tcp() {
        byte[] tcp = Packets.tcp(Packets.Tcp.of(40000, 443, 1000, 2000, 0x18),
                "GET /index".getBytes(StandardCharsets.US_ASCII));
        byte[] ip = Packets.ipv4(Packets.Ipv4.of(6, Packets.ipv4Address("10.1.2.3"),
                Packets.ipv4Address("192.168.0.9")), tcp);
        return dissect(Packets.ethernet(MAC_B, MAC_A, 0x0800, ip));
    }

    static Dissection udp6() {
        byte[] src = new byte[16];
        src[0] = (byte) 0xfe;
        src[1] = (byte) 0x80;
        src[15] = 1;
        byte[] dst = new byte[16];
        dst[15] = 1;
        byte[] udp = Packets.udp(5353, 53, new byte[] {1, 2, 3});
        return dissect(Packets.ethernet(MAC_A, MAC_B, 0x86DD, Packets.ipv6(0, 0, 17, 64, src, dst, udp)));
    }

    static Dissection dissect(byte[] frame) {
        Dissection d = new Dissection();
        ENGINE.dissect(TestFrame.of(LinkType.ETHERNET, frame), d);
        return d;
    }

    static boolean tcpMatches(String filter) {
        return DisplayFilter.compile(filter, ENGINE.registry()).test(tcp());
    }

    static boolean udpMatches(String filter) {
        return DisplayFilter.compile(filter, ENGINE.registry()).test(udp6());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            tcp                                         | true
            udp                                         | false
            frame                                       | true
            tcp.srcport                                 | true
            !udp                                        | true
            not tcp                                     | false
            tcp.port == 443                             | true
            tcp.port eq 443                             | true
            tcp.dstport == 0x1bb                        | true
            tcp.dstport == 0673                         | true
            tcp.port != 443                             | false
            tcp.port ne 80                              | true
            tcp.port !== 443                            | true
            tcp.port === 443                            | false
            all tcp.port > 442                          | true
            all tcp.port > 443                          | false
            any tcp.port > 443                          | true
            tcp.port < 443                              | false
            tcp.port <= 443                             | true
            tcp.port > 40000                            | false
            tcp.port >= 40000                           | true
            tcp.port lt 444 && tcp.port gt 442          | true
            ip.addr == 10.1.2.3                         | true
            ip.addr == 10.0.0.0/8                       | true
            ip.src == 192.168.0.0/16                    | false
            ip.dst == 192.168.0.0/16                    | true
            ip.addr != 10.1.2.3                         | false
            ip.src < 10.1.2.4                           | true
            ip.src == ip.dst                            | false
            ip.src != ip.dst                            | true
            ip.src < ip.dst                             | true
            eth.src == 02:00:00:00:00:aa                | true
            eth.src == 02-00-00-00-00-aa                | true
            eth.src == 0200.0000.00aa                   | true
            eth.addr == 02:00:00:00:00:bb               | true
            eth.dst == 02:00:00:00:00:aa                | false
            tcp.port in {80 443}                        | true
            tcp.port in {80, 8080}                      | false
            tcp.port in {400..500}                      | true
            tcp.port in {1 .. 2, 39999..40001}          | true
            ip.addr in {10.1.2.0..10.1.2.5}             | true
            tcp.payload contains "GET"                  | true
            tcp.payload contains 47:45:54               | true
            tcp.payload contains "POST"                 | false
            tcp.payload matches "^get /[a-z]+$"         | true
            tcp.payload matches "(?-i)^get"             | false
            tcp contains "index"                        | true
            frame contains "index"                      | true
            ip contains "index"                         | true
            frame.protocols contains "tcp"              | true
            frame.protocols == "eth:ethertype:ip:tcp:data" | true
            frame.protocols matches "ip:TCP:data$"      | true
            tcp.flags & 0x02                            | false
            tcp.flags & 0x18                            | true
            tcp.flags.push == 1                         | true
            tcp.flags.push == true                      | true
            tcp.flags.syn                               | true
            tcp.flags.syn == 0                          | true
            tcp or udp and ip                           | true
            (tcp or udp) and ipv6                       | false
            udp or tcp and not ip                       | false
            ip.ttl == 64 and ip.flags.df == 1           | true
            frame.len > 50                              | true
            frame.number == 1                           | true
            frame.time_epoch >= 0                       | true
            """)
    void onTheTcpFrame(String filter, boolean expected) {
        assertEquals(expected, tcpMatches(filter), filter);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ipv6                                        | true
            ip                                          | false
            ip.addr == 10.0.0.0/8                       | false
            ip.addr != 10.0.0.1                         | false
            ipv6.src == fe80::1                         | true
            ipv6.src == fe80:0:0:0:0:0:0:1              | true
            ipv6.addr == ::1                            | true
            ipv6.src == fe80::/10                       | true
            ipv6.dst == fe80::/10                       | false
            ipv6.dst == ::1                             | true
            ipv6.dst == ::0.0.0.1                       | true
            udp.port == 53                              | true
            udp.srcport in {5353}                       | true
            udp.dstport == 5353                         | false
            """)
    void onTheUdpFrame(String filter, boolean expected) {
        assertEquals(expected, udpMatches(filter), filter);
    }

    @Test
    void notEqualIsAllNotEqualAsInWireshark4() {
        // src 10.1.2.3, dst 192.168.0.9: "!=" holds only if every ip.addr differs; "!==" if any does.
        assertFalse(tcpMatches("ip.addr != 10.1.2.3"));
        assertTrue(tcpMatches("ip.addr !== 10.1.2.3"));
        assertTrue(tcpMatches("ip.addr any_ne 10.1.2.3"));
        assertTrue(tcpMatches("!(ip.addr == 1.1.1.1)"));
        assertTrue(tcpMatches("ip.addr != 1.1.1.1"));
    }

    @Test
    void cStyleOr() {
        assertTrue(tcpMatches("tcp.port == 1 || tcp.port == 443"));
        assertFalse(tcpMatches("tcp.port == 1 || udp"));
    }

    @Test
    void emptyFilterPassesEverything() {
        assertTrue(tcpMatches(""));
        assertTrue(tcpMatches("   "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            ip.sorc == 1.2.3.4                | 1  | "ip.sorc" is neither a field nor a protocol name
            ip.src == 1.2.3                   | 11 | "1.2.3" is not a valid IPv4 address
            ip.src == 1.2.3.4/33              | 11 | not a valid IPv4 address
            tcp.port == 70000                 | 13 | 70000 is too big for tcp.port (16 bits)
            tcp.port == 0x                    | 13 | not a valid number
            tcp.port == abc                   | 13 | not a valid number
            ip.ttl == 1 and                   | 16 | expected a field or protocol name, found the end of the filter
            (tcp                              | 5  | missing ')' for the '(' at column 1
            tcp)                              | 4  | unbalanced ')'
            tcp udp                           | 5  | unexpected 'udp'
            tcp.port ==                       | 12 | expected a value, found the end of the filter
            tcp.port contains 80              | 19 | "contains" cannot be used on tcp.port
            tcp.payload matches abc           | 21 | needs a double-quoted regular expression
            tcp.payload matches "("           | 21 | bad regular expression
            tcp.port in 80                    | 13 | "in" needs a set
            tcp.port in {}                    | 13 | the set is empty
            tcp.port in {80                   | 16 | missing '}'
            tcp.payload[0:2] == 47:45         | 12 | slices ([i:j]) are not supported
            ip.src == "1.2                    | 11 | the string is not terminated
            eth.src == 1:2:3                  | 12 | not a valid Ethernet address
            ipv6.src == fe80:::1              | 13 | not a valid IPv6 address
            tcp.analysis.retransmission == 1  | 32 | has no value; test its presence only
            ip.src == tcp.port                | 11 | have different types
            tcp.port % 80                     | 10 | unexpected character '%'
            all tcp.port                      | 13 | "all" needs a comparison
            ip.src#2 == 1.2.3.4               | 7  | layer operators (#) are not supported
            len(tcp.payload) > 2              | 1  | functions such as len() are not supported
            tcp.port == ${tcp.port}           | 13 | field references (${...}) are not supported
            tcp.port == 80 xor udp            | 16 | unexpected 'xor'
            """)
    void errorsNameTheColumn(String filter, int column, String reason) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                () -> DisplayFilter.compile(filter, ENGINE.registry()));
        assertTrue(e.reason().contains(reason), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("filter error at column " + column + ": "), e.getMessage());
        assertEquals(filter + "\n" + " ".repeat(column - 1) + "^", e.pointer());
    }

    @Test
    void stringEscapesAndRawStrings() {
        assertTrue(tcpMatches("tcp.payload contains \"\\x47\\105T\""));
        assertTrue(tcpMatches("tcp.payload matches r\"^GET\\s/\""));
        assertTrue(tcpMatches("tcp.payload matches \"^GET\\\\s/\""));
    }

    @Test
    void testingAllocatesNothing() {
        DisplayFilter f = DisplayFilter.compile(
                "ip.addr == 10.0.0.0/8 and tcp.port in {80 443} and tcp.payload contains \"GET\" and eth.src == 02:00:00:00:00:aa",
                ENGINE.registry());
        Dissection d = tcp();
        com.sun.management.ThreadMXBean bean =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            assertTrue(f.test(d)); // warm up
        }
        long before = bean.getCurrentThreadAllocatedBytes();
        boolean all = true;
        for (int i = 0; i < 100_000; i++) {
            all &= f.test(d);
        }
        long allocated = bean.getCurrentThreadAllocatedBytes() - before;
        assertTrue(all);
        assertTrue(allocated < 100_000, "allocated " + allocated + " bytes for 100,000 tests");
    }
}
