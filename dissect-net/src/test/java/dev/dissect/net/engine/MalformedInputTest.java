package dev.dissect.net.engine;

import static dev.dissect.testkit.Packets.ipv4Address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.LinkType;
import dev.dissect.net.reassembly.ReassemblyOptions;
import dev.dissect.testkit.Packets;
import dev.dissect.testkit.TestFrame;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Lies and truncation at every layer become diagnostics; what did parse is kept. */
class MalformedInputTest {
    private static byte[] frame() {
        byte[] options = Packets.tcpOptions().mss(1460).sackPermitted().timestamps(1, 2).nop().windowScale(7).build();
        byte[] tcp = Packets.tcp(Packets.Tcp.of(1, 2, 3, 4, 0x18).withOptions(options), new byte[] {1, 2, 3, 4});
        byte[] ip = Packets.ipv4(Packets.Ipv4.of(6, ipv4Address("1.2.3.4"), ipv4Address("5.6.7.8")), tcp);
        return Packets.ethernet(1, 2, 0x0800, ip);
    }

    @Test
    void truncationAtEveryOffsetGivesADiagnosticNeverAnException() {
        byte[] whole = frame();
        for (int n = 0; n < whole.length; n++) {
            Dissection d = Frames.ethernet(Arrays.copyOf(whole, n));
            boolean complete = n >= 14 + 20 + 40; // headers whole, payload cut: no diagnostic needed
            if (!complete) {
                assertTrue(d.diagnosticCount() > 0, "no diagnostic at length " + n);
            }
            assertTrue(Frames.diagnostics(d).stream().noneMatch("frame.dissector_failed"::equals),
                    "dissector threw at length " + n + ": " + Frames.diagnostics(d));
        }
    }

    @Test
    void ipv4HeaderLengthBelowTwenty() {
        byte[] bytes = frame();
        bytes[14] = 0x44;
        Dissection d = Frames.ethernet(bytes);
        assertEquals("[ip.hdr_len.bad]", Frames.diagnostics(d).toString());
        assertEquals("eth:ethertype:ip", d.protocolsText().toString());
    }

    @Test
    void ipv4TotalLengthBelowHeaderLength() {
        byte[] bytes = frame();
        bytes[14 + 2] = 0;
        bytes[14 + 3] = 10;
        assertEquals("[ip.len.bad]", Frames.diagnostics(Frames.ethernet(bytes)).toString());
    }

    @Test
    void tcpDataOffsetBelowFiveStopsAfterTheHeaderLengthWithSequenceAnalysisDone() {
        byte[] bytes = frame();
        bytes[14 + 20 + 12] = 0x40;
        bytes[14 + 20 + 13] = 0x02; // SYN: the relative sequence number is 0
        Dissection d = Frames.ethernet(bytes);
        // As Wireshark: ports, stream, length and sequence numbers come before the header length is checked.
        assertEquals("0", Frames.field(d, "tcp.stream"));
        assertEquals("0", Frames.field(d, "tcp.seq"));
        assertEquals("3", Frames.field(d, "tcp.seq_raw"));
        assertEquals(String.valueOf(40 + 4 - 16), Frames.field(d, "tcp.len"));
        assertEquals("16", Frames.field(d, "tcp.hdr_len"));
        assertEquals("", Frames.field(d, "tcp.ack_raw") + Frames.field(d, "tcp.flags") + Frames.field(d, "tcp.checksum"));
    }

    @Test
    void tcpInAFirstFragmentNotReassembledHasNoLengthAndRawNumbers() {
        byte[] tcp = Packets.tcp(Packets.Tcp.of(1, 2, 1000, 2000, 0x18), new byte[40]);
        Packets.Ipv4 h = new Packets.Ipv4(0, 7, 1, 0, 64, 6, ipv4Address("1.2.3.4"), ipv4Address("5.6.7.8"),
                new byte[0]);
        byte[] ip = Packets.ipv4(h, tcp);
        ip[3] += 8; // the header's total length runs 8 bytes past the capture: not reassembled, dissected as is
        Dissection d = Frames.dissect(LinkType.RAW, ip);
        assertEquals("raw:ip:tcp:data", d.protocolsText().toString());
        assertEquals("0", Frames.field(d, "tcp.stream"));
        assertEquals("", Frames.field(d, "tcp.len") + Frames.field(d, "tcp.nxtseq"));
        assertEquals("1000", Frames.field(d, "tcp.seq"));
        assertEquals("2000", Frames.field(d, "tcp.ack"));
    }

    @Test
    void tcpEolPaddingIsMoreEolsUntilANonZeroByte() {
        assertEquals("2,0,0", optionKinds(new byte[] {2, 4, 5, (byte) 0xb4, 0, 0, 7, 0}));
        assertEquals("0,0,0", optionKinds(new byte[] {0, 0, 0, 9}));
        assertEquals("1,1", optionKinds(new byte[] {1, 1, 8, 10}), "a cut option: no kind, as Wireshark");
    }

    private static String optionKinds(byte[] options) {
        byte[] tcp = Packets.tcp(Packets.Tcp.of(1, 2, 3, 4, 0x18).withOptions(options), new byte[0]);
        byte[] ip = Packets.ipv4(Packets.Ipv4.of(6, ipv4Address("1.2.3.4"), ipv4Address("5.6.7.8")), tcp);
        return Frames.field(Frames.dissect(LinkType.RAW, ip), "tcp.option_kind");
    }

    @Test
    void tcpHeaderCutInsideAnOptionShowsTheFieldsCaptured() {
        byte[] options = Packets.tcpOptions().nop().nop().timestamps(77, 88).build();
        byte[] tcp = Packets.tcp(Packets.Tcp.of(1, 2, 3, 4, 0x18).withOptions(options), new byte[0]);
        byte[] ip = Packets.ipv4(Packets.Ipv4.of(6, ipv4Address("1.2.3.4"), ipv4Address("5.6.7.8")), tcp);
        Dissection d = Frames.dissect(LinkType.RAW, Arrays.copyOf(ip, ip.length - 4)); // tsecr not captured
        assertEquals("1,1,8", Frames.field(d, "tcp.option_kind"));
        assertEquals("77", Frames.field(d, "tcp.options.timestamp.tsval"));
        assertEquals("", Frames.field(d, "tcp.options.timestamp.tsecr"));
    }

    @Test
    void ipv6OptionRunningPastItsHeaderEndsTheFrame() {
        byte[] udp = Packets.udp(1, 2, new byte[4]);
        byte[] dst = Packets.ipv6Extension(17, new byte[] {(byte) 0xca, (byte) 144}, udp);
        byte[] ip = Packets.ipv6(0, 0, 60, 64, new byte[16], new byte[16], dst);
        Dissection d = Frames.dissect(LinkType.RAW, ip);
        assertEquals("raw:ipv6:ipv6.dstopts", d.protocolsText().toString());
        assertEquals("[ipv6.opt.len.bad]", Frames.diagnostics(d).toString());
    }

    @Test
    void tcpDataOffsetBelowFive() {
        byte[] bytes = frame();
        bytes[14 + 20 + 12] = 0x40;
        Dissection d = Frames.ethernet(bytes);
        assertEquals("[tcp.hdr_len.bad]", Frames.diagnostics(d).toString());
        assertEquals("1", Frames.field(d, "tcp.srcport"));
    }

    @Test
    void tcpOptionLengthPastTheHeader() {
        byte[] bytes = frame();
        bytes[14 + 20 + 20 + 1] = 60; // MSS option claims 60 bytes
        Dissection d = Frames.ethernet(bytes);
        assertEquals("[tcp.option.len.invalid]", Frames.diagnostics(d).toString());
        // Wireshark's option loop rejects the length before the option's dissector adds its kind.
        assertEquals("", Frames.field(d, "tcp.option_kind"));
    }

    @Test
    void tcpOptionLengthZeroDoesNotLoop() {
        byte[] bytes = frame();
        bytes[14 + 20 + 20 + 1] = 0;
        assertEquals("[tcp.option.len.invalid]", Frames.diagnostics(Frames.ethernet(bytes)).toString());
    }

    @Test
    void udpLengthBelowEight() {
        byte[] udp = Packets.udp(1, 2, new byte[4]);
        udp[5] = 3;
        byte[] ip = Packets.ipv4(Packets.Ipv4.of(17, 1, 2), udp);
        Dissection d = Frames.dissect(LinkType.RAW, ip);
        assertEquals("[udp.length.bad]", Frames.diagnostics(d).toString());
        // As Wireshark: the layer ends at the bogus length; no checksum, nothing handed on.
        assertEquals("3", Frames.field(d, "udp.length"));
        assertEquals("", Frames.field(d, "udp.checksum"));
        assertEquals("raw:ip:udp", d.protocolsText().toString());
    }

    @Test
    void deepVlanNestingIsBounded() {
        Dissection d = Frames.ethernet(vlans(10_000));
        assertTrue(Frames.diagnostics(d).contains("frame.depth_limit"));
        assertEquals(DissectionEngine.MAX_LAYERS - 1, vlanLayers(d)); // Ethernet, then one dissector call per tag
        assertEquals("data", d.layerProtocol(d.layerCount() - 1).filterName());
    }

    @Test
    void aLoweredLayerCapStopsSooner() {
        DissectionEngine engine = DissectionEngine.withDefaults(ReassemblyOptions.defaults(),
                Limits.defaults().with(DissectionEngine.MAX_LAYERS_LIMIT, 5));
        Dissection d = new Dissection();
        byte[] frame = vlans(10);
        engine.dissect(TestFrame.of(LinkType.ETHERNET, frame), d);
        assertTrue(Frames.diagnostics(d).contains("frame.depth_limit"));
        assertEquals(4, vlanLayers(d));
        engine.resetSession();
        engine.dissect(TestFrame.of(LinkType.ETHERNET, frame), d);
        assertEquals(4, vlanLayers(d), "a new session keeps the engine's limits");
    }

    /** An Ethernet frame of {@code tags} nested 802.1Q tags. */
    private static byte[] vlans(int tags) {
        byte[] payload = new byte[0];
        for (int i = 0; i < tags; i++) {
            payload = Packets.vlanTag(0, 0, i & 0xFFF, 0x8100, payload);
        }
        return Packets.ethernet(1, 2, 0x8100, payload);
    }

    private static int vlanLayers(Dissection d) {
        int vlans = 0;
        for (int i = 0; i < d.layerCount(); i++) {
            vlans += d.layerProtocol(i).filterName().equals("vlan") ? 1 : 0;
        }
        return vlans;
    }

    @Test
    void ipv6VersionMismatch() {
        byte[] ip = Packets.ipv6(0, 0, 59, 1, new byte[16], new byte[16], new byte[0]);
        ip[0] = 0x40;
        assertEquals("[ipv6.version.bad]", Frames.diagnostics(Frames.ethernet(Packets.ethernet(1, 2, 0x86dd, ip))).toString());
    }
}
