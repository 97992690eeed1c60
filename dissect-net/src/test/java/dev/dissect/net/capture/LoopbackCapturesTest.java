package dev.dissect.net.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dissect.api.frame.CaptureInterface;
import dev.dissect.api.frame.LinkType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Captures recorded on loopback (see examples/README.md), read every way and compared with tshark 4.0.17's view. */
class LoopbackCapturesTest {
    /** {@code tshark -r lo-udp-tcp-us.pcap -T fields -e frame.number -e frame.time_epoch -e frame.len -e frame.cap_len -e frame.interface_id}. */
    private static final String US = """
            1 1795956556.341975000 64 64 0
            2 1795956556.392578000 64 64 0
            3 1795956556.442910000 64 64 0
            4 1795956556.499708000 74 74 0
            5 1795956556.499883000 74 74 0
            6 1795956556.499903000 66 66 0
            7 1795956556.500007000 80 80 0
            8 1795956556.500017000 66 66 0
            9 1795956556.500034000 86 86 0
            10 1795956556.500039000 66 66 0
            11 1795956556.500052000 66 66 0
            12 1795956556.500180000 66 66 0
            13 1795956556.500196000 66 66 0
            """;

    /** {@code tshark -r lo-udp-tcp-ns.pcap -T fields -e frame.number -e frame.time_epoch -e frame.len -e frame.cap_len -e frame.interface_id}. */
    private static final String NS = """
            1 1795956556.341975676 64 64 0
            2 1795956556.392578700 64 64 0
            3 1795956556.442910640 64 64 0
            4 1795956556.499709499 74 74 0
            5 1795956556.499883489 74 74 0
            6 1795956556.499903699 66 66 0
            7 1795956556.500008225 80 80 0
            8 1795956556.500017428 66 66 0
            9 1795956556.500035405 86 86 0
            10 1795956556.500039381 66 66 0
            11 1795956556.500052541 66 66 0
            12 1795956556.500180472 66 66 0
            13 1795956556.500196816 66 66 0
            """;

    /** {@code tshark -r lo-two-interfaces.pcapng -T fields -e frame.number -e frame.time_epoch -e frame.len -e frame.cap_len -e frame.interface_id}. */
    private static final String TWO_INTERFACES = """
            1 1795956559.658964651 64 64 0
            2 1795956559.709227598 64 64 0
            3 1795956559.759626778 64 64 0
            4 1795956559.812718003 74 74 1
            5 1795956559.812840225 74 74 1
            6 1795956559.812858372 66 66 1
            7 1795956559.812901827 80 80 1
            8 1795956559.812909048 66 66 1
            9 1795956559.812981040 86 86 1
            10 1795956559.813007089 66 66 1
            11 1795956559.813023503 66 66 1
            12 1795956559.813036358 66 66 1
            13 1795956559.813051981 66 66 1
            """;

    /** {@code tshark -r https-loopback.pcap -T fields -e frame.number -e frame.time_epoch -e frame.len -e frame.cap_len -e frame.interface_id}. */
    private static final String HTTPS = """
            1 1795956564.134951000 74 74 0
            2 1795956564.135002000 74 74 0
            3 1795956564.135019000 66 66 0
            4 1795956564.136826000 286 286 0
            5 1795956564.136862000 66 66 0
            6 1795956564.137882000 1296 1296 0
            7 1795956564.137921000 66 66 0
            8 1795956564.138870000 159 159 0
            9 1795956564.139092000 117 117 0
            10 1795956564.139233000 174 174 0
            11 1795956564.139347000 5162 5162 0
            12 1795956564.139366000 97 97 0
            13 1795956564.139369000 66 66 0
            14 1795956564.139487000 97 97 0
            15 1795956564.139534000 66 66 0
            16 1795956564.139542000 66 66 0
            17 1795956564.139652000 66 66 0
            """;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(LoopbackCapturesTest.class.getResource("/captures/" + name).toURI());
    }

    private static String expected(String name) {
        return switch (name) {
            case "lo-udp-tcp-us.pcap" -> US;
            case "lo-udp-tcp-ns.pcap" -> NS;
            case "lo-two-interfaces.pcapng" -> TWO_INTERFACES;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"lo-udp-tcp-us.pcap", "lo-udp-tcp-ns.pcap", "lo-two-interfaces.pcapng"})
    void mappedFileMatchesTshark(String name) throws Exception {
        assertEquals(expected(name), FrameLines.all(Captures.open(resource(name))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lo-udp-tcp-us.pcap", "lo-udp-tcp-ns.pcap", "lo-two-interfaces.pcapng"})
    void smallMappingWindowsMatchTshark(String name) throws Exception {
        for (int window : new int[] {1, 7, 64, 100, 256}) {
            assertEquals(expected(name), FrameLines.all(Captures.open(resource(name), window)), "window " + window);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lo-udp-tcp-us.pcap", "lo-udp-tcp-ns.pcap", "lo-two-interfaces.pcapng"})
    void oneByteStreamMatchesTshark(String name) throws Exception {
        byte[] bytes = Files.readAllBytes(resource(name));
        assertEquals(expected(name), FrameLines.all(Captures.open(new OneByteInputStream(bytes))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lo-udp-tcp-us.pcap", "lo-udp-tcp-ns.pcap", "lo-two-interfaces.pcapng"})
    void heapAndDirectBuffersMatchTshark(String name) throws Exception {
        byte[] bytes = Files.readAllBytes(resource(name));
        for (boolean direct : new boolean[] {false, true}) {
            ByteBuffer buffer = inMemory(bytes, direct);
            assertEquals(expected(name), FrameLines.all(Captures.open(buffer)), direct ? "direct" : "heap");
            assertEquals(JUNK.length, buffer.position(), "the caller's position is left alone");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lo-udp-tcp-us.pcap", "lo-udp-tcp-ns.pcap", "lo-two-interfaces.pcapng"})
    void gzipBufferMatchesTshark(String name) throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(Files.readAllBytes(resource(name)));
        }
        ByteBuffer buffer = inMemory(gz.toByteArray(), true);
        assertEquals(expected(name), FrameLines.all(Captures.open(buffer)));
        assertEquals(JUNK.length, buffer.position(), "the caller's position is left alone");
    }

    private static final byte[] JUNK = {(byte) 0xA1, (byte) 0xB2, (byte) 0xC3};

    /**
     * {@code capture} in a buffer between junk bytes (a pcap magic's start before, more after the limit), so a
     * reader that ignored the position or limit would fail.
     */
    static ByteBuffer inMemory(byte[] capture, boolean direct) {
        ByteBuffer b = direct ? ByteBuffer.allocateDirect(capture.length + 2 * JUNK.length)
                : ByteBuffer.allocate(capture.length + 2 * JUNK.length);
        b.put(JUNK).put(capture).put(JUNK);
        return b.position(JUNK.length).limit(JUNK.length + capture.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lo-udp-tcp-us.pcap", "lo-udp-tcp-ns.pcap", "lo-two-interfaces.pcapng"})
    void gzipFileAndStreamMatchTshark(String name, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(Files.readAllBytes(resource(name)));
        }
        Path file = dir.resolve(name + ".gz");
        Files.write(file, gz.toByteArray());
        assertEquals(expected(name), FrameLines.all(Captures.open(file)));
        assertEquals(expected(name), FrameLines.all(Captures.open(new OneByteInputStream(gz.toByteArray()))));
    }

    @Test
    void readmeDemoMatchesTshark() throws Exception {
        Path demo = Path.of("../examples/https-loopback.pcap");
        assumeTrue(Files.exists(demo), "examples/ is not beside this module");
        assertEquals(HTTPS, FrameLines.all(Captures.open(demo)));
    }

    @Test
    void pcapHeaderGivesOneEthernetInterface() throws Exception {
        try (PcapReader reader = assertInstanceOf(PcapReader.class, Captures.open(resource("lo-udp-tcp-ns.pcap")))) {
            assertEquals(true, reader.nanosecondResolution());
            CaptureInterface iface = reader.interfaces().get(0);
            assertEquals(LinkType.ETHERNET, iface.linkType());
            assertEquals(262_144, iface.snapLength());
            assertEquals(1_000_000_000L, iface.ticksPerSecond());
            Frame first = reader.next();
            assertEquals(PcapLayout.HEADER_LENGTH, first.fileOffset());
            assertEquals(LinkType.ETHERNET, first.linkType());
            assertEquals(0x08, first.data().u8(12));
        }
    }

    @Test
    void pcapngKeepsInterfacesCommentAndStatistics() throws Exception {
        try (PcapngReader reader = assertInstanceOf(PcapngReader.class,
                Captures.open(resource("lo-two-interfaces.pcapng")))) {
            assertEquals("dissect test capture: two interfaces", reader.sectionComment());
            assertEquals(13, FrameLines.all(reader).lines().count());
            assertEquals(2, reader.interfaces().size());
            CaptureInterface udp = reader.interfaces().get(0);
            assertEquals(new CaptureInterface(0, LinkType.ETHERNET, 64, "lo", "Loopback", 1_000_000_000L), udp);
            assertEquals(262_144, reader.interfaces().get(1).snapLength());
            assertEquals(2, reader.statistics().size());
            InterfaceStatistics first = reader.statistics().get(0);
            assertEquals(udp, first.captureInterface());
            assertEquals(3, first.received());
            assertEquals(0, first.dropped());
            assertEquals(10, reader.statistics().get(1).received());
            assertNull(reader.next());
        }
    }

    /** A stream that hands out one byte per read, as a slow pipe might. */
    static final class OneByteInputStream extends InputStream {
        private final ByteArrayInputStream in;

        OneByteInputStream(byte[] bytes) {
            in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return len == 0 ? 0 : in.read(b, off, 1);
        }
    }
}
