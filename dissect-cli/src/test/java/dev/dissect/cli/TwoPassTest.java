package dev.dissect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.frame.LinkType;
import dev.dissect.net.capture.PcapWriter;
import dev.dissect.testkit.Packets;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -2}: what a later frame tells (the frame that completed a datagram) shows on the earlier ones. */
class TwoPassTest {
    private static final int CLIENT = Packets.ipv4Address("127.0.0.1");
    private static final int SERVER = Packets.ipv4Address("127.0.0.2");

    /** A UDP datagram in three IPv4 fragments, with a fragment of another, never completed datagram in between. */
    private static Path fragments(Path dir) throws IOException {
        byte[] datagram = Packets.udp(40000, 7777, new byte[3000]);
        List<byte[]> frames = List.of(fragment(0x0101, datagram, 0, 1480, true),
                fragment(0x0202, datagram, 0, 1480, true),
                fragment(0x0101, datagram, 1480, 1480, true),
                fragment(0x0101, datagram, 2960, datagram.length - 2960, false));
        Path file = dir.resolve("fragments.pcap");
        try (OutputStream out = Files.newOutputStream(file);
             PcapWriter w = new PcapWriter(out, LinkType.ETHERNET, false)) {
            int second = 0;
            for (byte[] f : frames) {
                w.write(1_700_000_000L + second++, 0, f.length, f, 0, f.length);
            }
        }
        return file;
    }

    private static byte[] fragment(int id, byte[] datagram, int from, int length, boolean more) {
        Packets.Ipv4 h = new Packets.Ipv4(0, id, more ? 1 : 0, from / 8, 64, 17, CLIENT, SERVER, new byte[0]);
        byte[] ip = Packets.ipv4(h, Arrays.copyOfRange(datagram, from, from + length));
        return Packets.ethernet(0x020000000002L, 0x020000000001L, 0x0800, ip);
    }

    @Test
    void theSecondPassShowsWhereEachFragmentWasReassembled(@TempDir Path dir) throws IOException {
        Path file = fragments(dir);
        Cli.Result one = Cli.run("-r", file.toString(), "-T", "fields", "-e", "frame.number", "-e",
                "ip.reassembled_in");
        assertEquals(0, one.code(), one.err());
        assertEquals("1\t\n2\t\n3\t\n4\t\n", one.out(), "one pass cannot know it, as tshark");
        Cli.Result two = Cli.run("-2", "-r", file.toString(), "-T", "fields", "-e", "frame.number", "-e",
                "ip.reassembled_in", "-e", "udp.dstport");
        assertEquals(0, two.code(), two.err());
        assertEquals("1\t4\t\n2\t\t\n3\t4\t\n4\t\t7777\n", two.out());
    }

    @Test
    void twoPassesNeedAFile() {
        Cli.Result r = Cli.run("-2", "-r", "-");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("-2 reads the capture twice"), r.err());
    }
}
