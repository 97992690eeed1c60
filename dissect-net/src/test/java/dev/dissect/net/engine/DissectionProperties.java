package dev.dissect.net.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.LinkType;
import dev.dissect.testkit.Packets;
import dev.dissect.testkit.TestFrame;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** For any bytes, dissection never throws; for any header values, what was built is what is read. */
class DissectionProperties {
    private final Dissection d = new Dissection();

    @Property(tries = 3000)
    void arbitraryBytesNeverThrowOnAnyLinkType(@ForAll @Size(max = 200) byte[] bytes,
                                               @ForAll("linkTypes") int linkType) {
        Frames.ENGINE.dissect(TestFrame.of(linkType, bytes), d);
        for (int i = 0; i < d.diagnosticCount(); i++) {
            assertTrue(!d.diagnosticDef(i).name().equals("frame.dissector_failed"), d.diagnosticMessage(i));
        }
        for (int i = 0; i < d.fieldCount(); i++) {
            d.valueString(i); // every recorded value can be printed
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> linkTypes() {
        return net.jqwik.api.Arbitraries.of(LinkType.NULL, LinkType.ETHERNET, LinkType.RAW, LinkType.LOOP,
                LinkType.LINUX_SLL, LinkType.LINUX_SLL2, LinkType.IPV4, LinkType.IPV6);
    }

    @Property(tries = 1000)
    void arbitraryIpv4AndTcpHeadersReadBack(@ForAll @IntRange(max = 255) int dsfield,
                                            @ForAll @IntRange(max = 0xFFFF) int id,
                                            @ForAll boolean dontFragment,
                                            @ForAll @IntRange(min = 1, max = 255) int ttl,
                                            @ForAll int src, @ForAll int dst,
                                            @ForAll @IntRange(max = 0xFFFF) int srcPort,
                                            @ForAll @IntRange(max = 0xFFFF) int dstPort,
                                            @ForAll long seq, @ForAll long ack,
                                            @ForAll @IntRange(max = 0xFFF) int tcpFlags,
                                            @ForAll @Size(max = 64) byte[] payload) {
        byte[] tcp = Packets.tcp(new Packets.Tcp(srcPort, dstPort, seq & 0xFFFFFFFFL, ack & 0xFFFFFFFFL, tcpFlags,
                1234, 0xbeef, 0, new byte[0]), payload);
        int flags = dontFragment ? 2 : 0; // MF would make it a fragment, kept as data
        byte[] ip = Packets.ipv4(new Packets.Ipv4(dsfield, id, flags, 0, ttl, 6, src, dst, new byte[0]), tcp);
        Frames.ENGINE.dissect(TestFrame.of(LinkType.RAW, ip), d);
        assertEquals(String.format("0x%02x", dsfield), Frames.field(d, "ip.dsfield"));
        assertEquals(String.format("0x%04x", id), Frames.field(d, "ip.id"));
        assertEquals(String.format("0x%02x", flags), Frames.field(d, "ip.flags"));
        assertEquals(String.valueOf(ttl), Frames.field(d, "ip.ttl"));
        assertEquals(dotted(src), Frames.field(d, "ip.src"));
        assertEquals(dotted(dst), Frames.field(d, "ip.dst"));
        assertEquals(String.valueOf(srcPort), Frames.field(d, "tcp.srcport"));
        assertEquals(String.valueOf(dstPort), Frames.field(d, "tcp.dstport"));
        assertEquals(Long.toString(seq & 0xFFFFFFFFL), Frames.field(d, "tcp.seq_raw"));
        assertEquals(Long.toString(ack & 0xFFFFFFFFL), Frames.field(d, "tcp.ack_raw"));
        assertEquals(String.format("0x%04x", tcpFlags), Frames.field(d, "tcp.flags"));
        assertEquals("0xbeef", Frames.field(d, "tcp.checksum"));
        assertEquals(String.valueOf(payload.length), Frames.field(d, "tcp.len"));
        assertEquals(0, d.diagnosticCount());
    }

    private static String dotted(int a) {
        return (a >>> 24) + "." + (a >>> 16 & 0xFF) + "." + (a >>> 8 & 0xFF) + "." + (a & 0xFF);
    }
}
