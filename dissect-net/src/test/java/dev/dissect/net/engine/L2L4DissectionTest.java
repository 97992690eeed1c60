package dev.dissect.net.engine;

import static dev.dissect.net.engine.Frames.field;
import static dev.dissect.testkit.Packets.ipv4Address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.LinkType;
import dev.dissect.testkit.Packets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Frames built byte by byte come back with tshark's field names and value formats. */
class L2L4DissectionTest {
    private static final long MAC_A = 0x001122334455L;
    private static final long MAC_B = 0x66778899aabbL;
    private static final byte[] V6_A = HexFormat.of().parseHex("20010db8000000000000000000000001");
    private static final byte[] V6_B = HexFormat.of().parseHex("fe800000000000000202b3fffe1e8329");

    private static byte[] tcpSyn() {
        byte[] options = Packets.tcpOptions().mss(1460).sackPermitted().timestamps(123456, 0).nop()
                .windowScale(7).build();
        return Packets.tcp(Packets.Tcp.of(50231, 443, 3_000_000_000L, 0, 0x002).withOptions(options), new byte[0]);
    }

    private static byte[] ipv4(int protocol, byte[] payload) {
        return Packets.ipv4(Packets.Ipv4.of(protocol, ipv4Address("192.168.1.2"), ipv4Address("10.0.0.1")), payload);
    }

    @Test
    void ethernetIpv4TcpSynWithOptions() {
        Dissection d = Frames.ethernet(Packets.ethernet(MAC_A, MAC_B, 0x0800, ipv4(6, tcpSyn())));
        assertEquals("eth:ethertype:ip:tcp", d.protocolsText().toString());
        assertEquals("00:11:22:33:44:55", field(d, "eth.dst"));
        assertEquals("66:77:88:99:aa:bb", field(d, "eth.src"));
        assertEquals("0x0800", field(d, "eth.type"));
        assertEquals("4", field(d, "ip.version"));
        assertEquals("20", field(d, "ip.hdr_len"));
        assertEquals("0x00", field(d, "ip.dsfield"));
        assertEquals("60", field(d, "ip.len"));
        assertEquals("0x1234", field(d, "ip.id"));
        assertEquals("0x02", field(d, "ip.flags"));
        assertEquals("1", field(d, "ip.flags.df"));
        assertEquals("0", field(d, "ip.flags.mf"));
        assertEquals("0", field(d, "ip.frag_offset"));
        assertEquals("64", field(d, "ip.ttl"));
        assertEquals("6", field(d, "ip.proto"));
        assertEquals("192.168.1.2", field(d, "ip.src"));
        assertEquals("10.0.0.1", field(d, "ip.dst"));
        assertEquals("50231", field(d, "tcp.srcport"));
        assertEquals("443", field(d, "tcp.dstport"));
        assertEquals("3000000000", field(d, "tcp.seq_raw"));
        assertEquals("40", field(d, "tcp.hdr_len"));
        assertEquals("0x0002", field(d, "tcp.flags"));
        assertEquals("1", field(d, "tcp.flags.syn"));
        assertEquals("65535", field(d, "tcp.window_size_value"));
        assertEquals("2,4,8,1,3", field(d, "tcp.option_kind"));
        assertEquals("1460", field(d, "tcp.options.mss_val"));
        assertEquals("7", field(d, "tcp.options.wscale.shift"));
        assertEquals("123456", field(d, "tcp.options.timestamp.tsval"));
        assertEquals("0", field(d, "tcp.options.timestamp.tsecr"));
        assertEquals("0", field(d, "tcp.len"));
        assertEquals("TCP", d.protocolColumn());
        assertEquals("3000000000", field(d, "tcp.seq_raw"));
        assertEquals("0", field(d, "tcp.seq"));
        assertEquals("1", field(d, "tcp.nxtseq"));
        assertEquals("0", field(d, "tcp.stream"));
        // tshark's default relative numbers
        assertEquals("50231 \u2192 443 [SYN] Seq=0 Win=65535 Len=0 MSS=1460 SACK_PERM TSval=123456 TSecr=0 WS=128",
                d.infoText());
        assertEquals(0, d.diagnosticCount());
    }

    @Test
    void ipv4ChecksumIsPrintedAsOnTheWire() {
        byte[] ip = ipv4(17, Packets.udp(1, 2, new byte[0]));
        Dissection d = Frames.dissect(LinkType.RAW, ip);
        assertEquals("raw:ip:udp", d.protocolsText().toString());
        assertEquals(String.format("0x%04x", (ip[10] & 0xFF) << 8 | ip[11] & 0xFF), field(d, "ip.checksum"));
        assertEquals(0, Packets.internetChecksum(ip, 0, 20));
    }

    @Test
    void tcpSackBlocksAndPayload() {
        byte[] options = Packets.tcpOptions().nop().nop().sack(1000, 2000, 3000, 4000).build();
        byte[] seg = Packets.tcp(Packets.Tcp.of(80, 40000, 5, 6, 0x018).withOptions(options), new byte[] {1, 2, 3});
        Dissection d = Frames.ethernet(Packets.ethernet(MAC_A, MAC_B, 0x0800, ipv4(6, seg)));
        // Relative to the peer's base (ack - 1 when first seen mid-stream), as tshark 4.0 prints this frame.
        assertEquals("995,2995", field(d, "tcp.options.sack_le"));
        assertEquals("1995,3995", field(d, "tcp.options.sack_re"));
        assertEquals("1", field(d, "tcp.seq"));
        assertEquals("1", field(d, "tcp.ack"));
        assertEquals("80 \u2192 40000 [PSH, ACK] Seq=1 Ack=1 Win=65535 Len=3 SLE=995 SRE=1995 SLE=2995 SRE=3995",
                d.infoText());
        assertEquals("3", field(d, "tcp.len"));
        assertEquals("0x0018", field(d, "tcp.flags"));
        assertEquals("eth:ethertype:ip:tcp:data", d.protocolsText().toString());
    }

    @Test
    void ethernetPaddingIsNotPassedToTheTransport() {
        byte[] ip = ipv4(17, Packets.udp(6000, 6000, new byte[] {9}));
        byte[] padded = new byte[ip.length + 10];
        System.arraycopy(ip, 0, padded, 0, ip.length);
        Dissection d = Frames.ethernet(Packets.ethernet(MAC_A, MAC_B, 0x0800, padded));
        assertEquals("9", field(d, "udp.length"));
        assertEquals("1", field(d, "data.len"));
    }

    @Test
    void stackedVlanTags() {
        byte[] inner = Packets.vlanTag(0, 0, 20, 0x0800, ipv4(17, Packets.udp(1000, 2000, new byte[0])));
        byte[] outer = Packets.vlanTag(5, 1, 101, 0x8100, inner);
        Dissection d = Frames.ethernet(Packets.ethernet(MAC_A, MAC_B, 0x88a8, outer));
        // As in tshark: the 802.1ad service tag is its own protocol, without an etype field.
        assertEquals("eth:ethertype:ieee8021ad:ethertype:vlan:ethertype:ip:udp", d.protocolsText().toString());
        assertEquals("101", field(d, "ieee8021ad.id"));
        assertEquals("5", field(d, "ieee8021ad.priority"));
        assertEquals("1", field(d, "ieee8021ad.dei"));
        assertEquals("20", field(d, "vlan.id"));
        assertEquals("0", field(d, "vlan.priority"));
        assertEquals("0x0800", field(d, "vlan.etype"));
        assertEquals("0x88a8", field(d, "eth.type"));
    }

    @Test
    void linuxCookedV1AndV2() {
        byte[] ip = ipv4(17, Packets.udp(50231, 53, new byte[0]));
        byte[] mac = HexFormat.of().parseHex("001122334455");
        Dissection v1 = Frames.dissect(LinkType.LINUX_SLL, Packets.linuxSll(0, 1, mac, 0x0800, ip));
        assertEquals("sll:ethertype:ip:udp", v1.protocolsText().toString());
        assertEquals("0", field(v1, "sll.pkttype"));
        assertEquals("1", field(v1, "sll.hatype"));
        assertEquals("00:11:22:33:44:55", field(v1, "sll.src.eth"));
        assertEquals("0x0800", field(v1, "sll.etype"));

        Dissection v2 = Frames.dissect(LinkType.LINUX_SLL2, Packets.linuxSll2(0x0800, 1, 772, 4, new byte[6], ip));
        assertEquals("sll:ethertype:ip:udp", v2.protocolsText().toString());
        assertEquals("1", field(v2, "sll.ifindex"));
        assertEquals("772", field(v2, "sll.hatype"));
        assertEquals("4", field(v2, "sll.pkttype"));
        assertEquals("0x0800", field(v2, "sll.etype"));
    }

    @Test
    void bsdLoopbackInEitherByteOrder() {
        byte[] v6 = Packets.ipv6(0, 0, 17, 64, V6_A, V6_B, Packets.udp(1, 2, new byte[0]));
        Dissection little = Frames.dissect(LinkType.NULL, Packets.nullLoopback(30, true, v6));
        assertEquals("null:ipv6:udp", little.protocolsText().toString());
        assertEquals("30", field(little, "null.family"));
        Dissection big = Frames.dissect(LinkType.NULL, Packets.nullLoopback(2, false,
                ipv4(17, Packets.udp(1, 2, new byte[0]))));
        assertEquals("null:ip:udp", big.protocolsText().toString());
        assertEquals("2", field(big, "null.family"));
    }

    @Test
    void ipv6WithExtensionHeaders() {
        byte[] udp = Packets.udp(5000, 6053, new byte[] {1, 2});
        byte[] dest = Packets.ipv6Extension(17, new byte[] {1, 4, 0, 0, 0, 0}, udp);
        byte[] frag = Packets.ipv6Fragment(60, 0, false, 0xdeadbeefL, dest);
        byte[] hop = Packets.ipv6Extension(44, new byte[] {1, 4, 0, 0, 0, 0}, frag);
        byte[] ip = Packets.ipv6(0xb8, 0xcb410, 0, 255, V6_A, V6_B, hop);
        Dissection d = Frames.ethernet(Packets.ethernet(MAC_A, MAC_B, 0x86dd, ip));
        assertEquals("eth:ethertype:ipv6:ipv6.hopopts:ipv6.fraghdr:ipv6.dstopts:udp:data", d.protocolsText().toString());
        assertEquals("6", field(d, "ipv6.version"));
        assertEquals("0x000000b8", field(d, "ipv6.tclass"));
        assertEquals("0x0cb410", field(d, "ipv6.flow"));
        assertEquals(String.valueOf(hop.length), field(d, "ipv6.plen"));
        assertEquals("0", field(d, "ipv6.nxt"));
        assertEquals("255", field(d, "ipv6.hlim"));
        assertEquals("2001:db8::1", field(d, "ipv6.src"));
        assertEquals("fe80::202:b3ff:fe1e:8329", field(d, "ipv6.dst"));
        assertEquals("0xdeadbeef", field(d, "ipv6.fraghdr.ident"));
        assertEquals("6053", field(d, "udp.dstport"));
    }

    @Test
    void fragmentsStayDataUntilDefragmentation() {
        Packets.Ipv4 h = new Packets.Ipv4(0, 0xdf7e, 1, 0, 64, 17, 1, 2, new byte[0]);
        Dissection d = Frames.ethernet(Packets.ethernet(MAC_A, MAC_B, 0x0800, Packets.ipv4(h, new byte[16])));
        assertEquals("eth:ethertype:ip:data", d.protocolsText().toString());
        assertEquals("0x01", field(d, "ip.flags"));
        assertEquals("1", field(d, "ip.flags.mf"));
        assertEquals("Fragmented IP protocol (proto=UDP 17, off=0, ID=df7e)", d.infoText());
    }

    @Test
    void ipv4OptionsAreWalked() {
        byte[] options = {(byte) 0x94, 4, 0, 0}; // router alert
        Packets.Ipv4 h = new Packets.Ipv4(0, 1, 0, 0, 1, 17, 1, 2, options);
        Dissection d = Frames.dissect(LinkType.RAW, Packets.ipv4(h, Packets.udp(1, 2, new byte[0])));
        assertEquals("24", field(d, "ip.hdr_len"));
        assertEquals("148", field(d, "ip.opt.type"));
        assertEquals("4", field(d, "ip.opt.len"));
        assertEquals("raw:ip:udp", d.protocolsText().toString());
    }

    @Test
    void ieee8023WithLlcSnap() {
        byte[] llc = {(byte) 0xaa, (byte) 0xaa, 3, 0, 0, 0, 0x08, 0x00};
        byte[] ip = ipv4(17, Packets.udp(1, 2, new byte[0]));
        byte[] payload = new byte[llc.length + ip.length];
        System.arraycopy(llc, 0, payload, 0, llc.length);
        System.arraycopy(ip, 0, payload, llc.length, ip.length);
        Dissection d = Frames.ethernet(Packets.ethernet(MAC_A, MAC_B, payload.length, payload));
        // As in tshark, LLC/SNAP hands off by EtherType without the ethertype pseudo-layer.
        assertEquals("eth:llc:ip:udp", d.protocolsText().toString());
        assertEquals(String.valueOf(payload.length), field(d, "eth.len"));
        assertEquals("0x0800", field(d, "llc.pid"));
    }

    @Test
    void customerTagsStackAndEtherTypeZeroIsEthernetTwo() {
        byte[] inner = Packets.vlanTag(1, 0, 7, 0x0800, ipv4(17, Packets.udp(1, 2, new byte[0])));
        Dissection d = Frames.ethernet(Packets.ethernet(MAC_A, MAC_B, 0x8100, Packets.vlanTag(2, 0, 5, 0x8100, inner)));
        assertEquals("5,7", field(d, "vlan.id"));
        assertEquals("0x8100,0x0800", field(d, "vlan.etype"));
        Dissection zero = Frames.ethernet(Packets.ethernet(MAC_A, MAC_B, 0, new byte[] {1, 2, 3}));
        assertEquals("eth:ethertype:data", zero.protocolsText().toString());
        assertEquals("0x0000", field(zero, "eth.type"));
    }

    @Test
    void ipv4AndIpv6LinkTypesHaveNoRawLayer() {
        byte[] v4 = ipv4(17, Packets.udp(1, 2, new byte[0]));
        assertEquals("ip:udp", Frames.dissect(LinkType.IPV4, v4).protocolsText().toString());
        byte[] v6 = Packets.ipv6(0, 0, 17, 1, V6_A, V6_B, Packets.udp(1, 2, new byte[0]));
        Dissection six = Frames.dissect(LinkType.IPV6, v6);
        assertEquals("ipv6:udp", six.protocolsText().toString());
        assertEquals("6", field(six, "ip.version"));
        // An IPv6 packet under LINKTYPE_IPV4: Wireshark's ip layer (its version switch) hands it to IPv6 without
        // a field of its own; under EtherType 0x0800 its IPv4 dissector records the version first.
        Dissection linkType = Frames.dissect(LinkType.IPV4, v6);
        assertEquals("ip:ipv6:udp", linkType.protocolsText().toString());
        assertEquals("6", field(linkType, "ip.version"));
        Dissection etherType = Frames.ethernet(Packets.ethernet(MAC_A, MAC_B, 0x0800, v6));
        assertEquals("eth:ethertype:ip:ipv6:udp", etherType.protocolsText().toString());
        assertEquals("6,6", field(etherType, "ip.version"));
    }

    @Test
    void unknownLinkTypeIsDataWithADiagnostic() {
        Dissection d = Frames.dissect(147, new byte[] {1, 2, 3});
        assertEquals("data", d.protocolsText().toString());
        assertTrue(Frames.diagnostics(d).contains("frame.linktype.unknown"));
    }
}
