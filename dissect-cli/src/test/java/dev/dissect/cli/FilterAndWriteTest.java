package dev.dissect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.CaptureInterface;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.net.filter.DisplayFilter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** -Y, -w/-F/-P, -o and -c together, on the example and the corpus. */
class FilterAndWriteTest {
    private static final Path TCP6 = Path.of("src", "test", "resources", "corpus", "tcp6-ns.pcap");
    private static final Path TCP4 = Path.of("src", "test", "resources", "corpus", "tcp4.pcapng");

    @Test
    void filterSelectsFrames() {
        Cli.Result r = Cli.run("-r", Cli.EXAMPLE.toString(), "-Y", "tcp.srcport == 44330 && tcp.len > 1000",
                "-T", "fields", "-e", "frame.number", "-e", "tcp.len");
        assertEquals(0, r.code(), r.err());
        assertEquals("6\t1230\n11\t5096\n", r.out());
        assertEquals("", Cli.run("-r", Cli.EXAMPLE.toString(), "-Y", "ip.addr != 127.0.0.1").out());
        assertEquals(17, Cli.run("-r", Cli.EXAMPLE.toString(), "-Y", "ip.addr !== 10.0.0.1").out().lines().count());
        // -c counts frames read, as tshark: the first two frames carry no data.
        assertEquals("", Cli.run("-r", Cli.EXAMPLE.toString(), "-c", "2", "-Y", "data").out());
    }

    @Test
    void filterErrorIsAUsageErrorWithTheColumn() {
        Cli.Result r = Cli.run("-r", Cli.EXAMPLE.toString(), "-Y", "tcp.port == 80 and ip.sorc");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertEquals("dissect: filter error at column 20: \"ip.sorc\" is neither a field nor a protocol name\n"
                + "    tcp.port == 80 and ip.sorc\n"
                + "                       ^\n", r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pcapng", "pcap", "nsecpcap"})
    void writesTheFramesThatPass(String format, @TempDir Path dir) throws IOException {
        Path out = dir.resolve("out." + format);
        String filter = "tcp.len > 0";
        Cli.Result r = Cli.run("-r", TCP6.toString(), "-Y", filter, "-w", out.toString(), "-F", format);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out()); // nothing printed while writing, as tshark without -P

        DissectionEngine engine = DissectionEngine.withDefaults();
        DisplayFilter f = DisplayFilter.compile(filter, engine.registry());
        Dissection d = new Dissection();
        List<String> expected = new ArrayList<>();
        try (CaptureSource in = Captures.open(TCP6)) {
            for (FrameView frame; (frame = in.next()) != null; ) {
                engine.dissect(frame, d);
                if (f.test(d)) {
                    expected.add(describe(frame, !format.equals("pcap")));
                }
            }
        }
        List<String> written = new ArrayList<>();
        try (CaptureSource in = Captures.open(out)) {
            for (FrameView frame; (frame = in.next()) != null; ) {
                written.add(describe(frame, !format.equals("pcap")));
            }
            CaptureInterface i = in.interfaces().get(0);
            assertEquals(format.equals("pcap") ? 1_000_000 : 1_000_000_000, i.ticksPerSecond());
        }
        assertEquals(6, expected.size());
        assertEquals(expected, written);
    }

    private static String describe(FrameView f, boolean nanos) {
        int ns = nanos ? f.nanos() : f.nanos() / 1000 * 1000;
        return f.epochSecond() + "." + ns + " link=" + f.linkType() + " len=" + f.originalLength() + " "
                + java.util.HexFormat.of().formatHex(f.data().toArray());
    }

    @Test
    void pcapngKeepsInterfacesAndPrintsWithP(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("copy.pcapng");
        Cli.Result r = Cli.run("-r", TCP4.toString(), "-w", out.toString(), "-P", "-T", "fields", "-e",
                "frame.number");
        assertEquals(0, r.code(), r.err());
        assertEquals(14, r.out().lines().count());
        try (CaptureSource a = Captures.open(TCP4); CaptureSource b = Captures.open(out)) {
            for (FrameView x; (x = a.next()) != null; ) {
                FrameView y = b.next();
                assertEquals(describe(x, true), describe(y, true));
                assertEquals(a.interfaces().get(x.interfaceId()).name(), b.interfaces().get(y.interfaceId()).name());
            }
            assertNull(b.next());
        }
    }

    @Test
    void emptyResultIsStillAValidFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("none.pcapng");
        assertEquals(0, Cli.run("-r", TCP4.toString(), "-Y", "udp", "-w", out.toString()).code());
        try (CaptureSource in = Captures.open(out)) {
            assertNull(in.next());
        }
        assertEquals(2, Cli.run("-r", TCP4.toString(), "-w", out.toString(), "-F", "erf").code());
    }

    @Test
    void portPreferenceDecodesAs() {
        Cli.Result r = Cli.run("-r", Cli.EXAMPLE.toString(), "-o", "udp.tcp.port:1-10,44330", "-c", "4",
                "-T", "fields", "-e", "frame.protocols");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().endsWith("eth:ethertype:ip:tcp:udp:data\n"), r.out());
    }

    @Test
    void unknownPreferencesAndBadValuesAreUsageErrors() {
        Cli.Result r = Cli.run("-r", Cli.EXAMPLE.toString(), "-o", "tcp.desegment_tcp_streams:TRUE");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("dissect: unknown preference \"tcp.desegment_tcp_streams\""), r.err());
        assertTrue(r.err().contains("PROTOCOL.udp.port:PORTS"), r.err());
        assertEquals(2, Cli.run("-r", Cli.EXAMPLE.toString(), "-o", "udp.tcp.port:99999").code());
        assertEquals(2, Cli.run("-r", Cli.EXAMPLE.toString(), "-o", "nocolon").code());
        assertEquals(2, Cli.run("-r", Cli.EXAMPLE.toString(), "-o", "nosuchproto.udp.port:53").code());
    }

    @Test
    void progressFollowsTheSwitchesAndIsOffForTests() {
        String old = System.getProperty("dissect.progress");
        try {
            System.setProperty("dissect.progress", "true");
            assertTrue(Progress.enabled(false));
            System.setProperty("dissect.progress", "false");
            assertEquals(false, Progress.enabled(true));
        } finally {
            if (old == null) {
                System.clearProperty("dissect.progress");
            } else {
                System.setProperty("dissect.progress", old);
            }
        }
        if (System.getenv("DISSECT_PROGRESS") == null && old == null) {
            assertEquals(false, Progress.enabled(false)); // run() with our own writers never draws
        }
    }
}
