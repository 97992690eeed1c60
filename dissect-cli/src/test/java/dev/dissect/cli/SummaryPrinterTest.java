package dev.dissect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dissect.api.frame.LinkType;
import dev.dissect.net.capture.PcapWriter;
import dev.dissect.testkit.Packets;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Summary lines of frames that end below the transport layer. Expected lines were printed by tshark 4.0.17 for the
 * same bytes, except where noted.
 */
class SummaryPrinterTest {
    private static final long A = 0x0200_0000_0001L;
    private static final long B = 0x0200_0000_0002L;

    @Test
    void framesNoDissectorDescribed(@TempDir Path dir) throws IOException {
        int lo = Packets.ipv4Address("127.0.0.1");
        int lo2 = Packets.ipv4Address("127.0.0.2");
        byte[][] frames = {
            Packets.ethernet(B, A, 0x1234, new byte[40]),
            Packets.ethernet(B, A, 0x8100, Packets.vlanTag(0, 0, 5, 0x1235, new byte[40])),
            Packets.ethernet(B, A, 0x0800, Packets.ipv4(Packets.Ipv4.of(254, lo, lo2), new byte[10])),
            Packets.ethernet(B, A, 0x0800, Packets.ipv4(Packets.Ipv4.of(17, lo, lo2),
                    Packets.udp(1000, 2000, new byte[4]))),
        };
        Path file = dir.resolve("l2.pcap");
        try (OutputStream out = Files.newOutputStream(file)) {
            PcapWriter w = new PcapWriter(out, LinkType.ETHERNET, false);
            for (int i = 0; i < frames.length; i++) {
                w.write(1_700_000_000L + i, 0, frames[i].length, frames[i], 0, frames[i].length);
            }
        }
        Cli.Result r = Cli.run("-r", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                    1   0.000000 02:00:00:00:00:01 \u2192 02:00:00:00:00:02 0x1234 54 Ethernet II
                    2   1.000000 02:00:00:00:00:01 \u2192 02:00:00:00:00:02 0x1235 58 PRI: 0  DEI: 0  ID: 5
                    3   2.000000    127.0.0.1 \u2192 127.0.0.2    IPv4 44 Unknown (254)
                    4   3.000000    127.0.0.1 \u2192 127.0.0.2    UDP 46 1000 \u2192 2000 Len=4
                """, r.out());
    }
}
