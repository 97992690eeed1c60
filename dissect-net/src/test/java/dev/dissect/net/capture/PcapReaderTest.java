package dev.dissect.net.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.frame.CaptureFormatException;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.api.frame.LinkType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PcapReaderTest {
    private static final byte[] PAYLOAD = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"true, BIG_ENDIAN", "true, LITTLE_ENDIAN", "false, BIG_ENDIAN", "false, LITTLE_ENDIAN"})
    void readsBothByteOrdersAndPrecisions(boolean nanos, String orderName) throws IOException {
        ByteOrder order = orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PcapWriter writer = new PcapWriter(bytes, LinkType.RAW, nanos, 65_535, order);
        writer.write(1_700_000_000L, 123_456_789, 1500, PAYLOAD, 0, PAYLOAD.length);
        writer.write(4_294_967_295L, 999_999_999, 4, PAYLOAD, 2, 4);
        try (PcapReader reader = (PcapReader) Captures.open(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(nanos, reader.nanosecondResolution());
            assertEquals(65_535, reader.interfaces().get(0).snapLength());
            Frame first = reader.next();
            assertEquals(1, first.number());
            assertEquals(1_700_000_000L, first.epochSecond());
            assertEquals(nanos ? 123_456_789 : 123_456_000, first.nanos());
            assertEquals(1500, first.originalLength());
            assertEquals(LinkType.RAW, first.linkType());
            assertArrayEquals(PAYLOAD, first.data().toArray());
            assertEquals(24, first.fileOffset());
            Frame second = reader.next();
            assertSame(first, second, "one frame object, re-pointed");
            assertEquals(2, second.number());
            assertEquals(4_294_967_295L, second.epochSecond(), "ts_sec is unsigned");
            assertEquals(nanos ? 999_999_999 : 999_999_000, second.nanos());
            assertArrayEquals(new byte[] {3, 4, 5, 6}, second.data().toArray());
            assertEquals(24 + 16 + 10, second.fileOffset());
            assertNull(reader.next());
            assertNull(reader.next());
        }
    }

    @Test
    void linkTypeIsPassedThroughWithoutFcsBits() throws IOException {
        byte[] file = header(ByteOrder.LITTLE_ENDIAN, PcapLayout.MAGIC_MICROS, 65_535, 0x1000_0000 | 0xFFFF);
        try (CaptureSource source = Captures.open(new ByteArrayInputStream(file))) {
            assertEquals(0xFFFF, source.interfaces().get(0).linkType());
            assertNull(source.next());
        }
    }

    @Test
    void fractionsOfASecondOrMoreAreCarriedIntoSeconds() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(24 + 2 * 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put(header(ByteOrder.LITTLE_ENDIAN, PcapLayout.MAGIC_MICROS, 65_535, LinkType.ETHERNET));
        b.putInt(10).putInt(2_500_000).putInt(0).putInt(0);
        b.putInt(10).putInt(-1).putInt(0).putInt(0);
        try (CaptureSource source = Captures.open(new ByteArrayInputStream(b.array()))) {
            FrameView f = source.next();
            assertEquals(12, f.epochSecond());
            assertEquals(500_000_000, f.nanos());
            f = source.next();
            assertEquals(10 + 4294, f.epochSecond(), "0xffffffff µs is 4294.967295 s");
            assertEquals(967_295_000, f.nanos());
        }
    }

    @Test
    void implausibleLengthIsAFormatErrorAfterTheGoodFrames() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PcapWriter writer = new PcapWriter(bytes, LinkType.ETHERNET, false);
        writer.write(1, 0, 10, PAYLOAD, 0, 10);
        ByteBuffer bad = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        bad.putInt(1).putInt(0).putInt(262_145).putInt(262_145);
        bytes.write(bad.array());
        bytes.write(new byte[300_000]);
        Path file = dir.resolve("bad.pcap");
        Files.write(file, bytes.toByteArray());
        try (CaptureSource source = Captures.open(file)) {
            assertEquals(1, source.next().number());
            CaptureFormatException e = assertThrows(CaptureFormatException.class, source::next);
            assertEquals(24 + 16 + 10, e.offset());
            assertTrue(e.getMessage().contains("implausible captured length 262145"), e.getMessage());
            assertSame(e, assertThrows(CaptureFormatException.class, source::next), "thrown again");
        }
    }

    @Test
    void largeSnaplenRaisesThePlausibleLength() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PcapWriter writer = new PcapWriter(bytes, LinkType.ETHERNET, false, 1 << 20, ByteOrder.BIG_ENDIAN);
        byte[] big = new byte[300_000];
        writer.write(1, 0, big.length, big, 0, big.length);
        try (CaptureSource source = Captures.open(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(300_000, source.next().capturedLength());
        }
    }

    @Test
    void recordPastTheEndNamesWhatIsMissing() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new PcapWriter(bytes, LinkType.ETHERNET, true).write(1, 0, 10, PAYLOAD, 0, 10);
        byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), 24 + 16 + 4);
        try (CaptureSource source = Captures.open(new ByteArrayInputStream(cut))) {
            CaptureFormatException e = assertThrows(CaptureFormatException.class, source::next);
            assertEquals(24, e.offset());
            assertTrue(e.getMessage().startsWith("file ends in the middle of a record: 20 of 26 bytes"),
                    e.getMessage());
        }
    }

    @Test
    void notACaptureIsAFormatError() {
        byte[] text = "GET / HTTP/1.1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        CaptureFormatException e = assertThrows(CaptureFormatException.class,
                () -> Captures.open(new ByteArrayInputStream(text)));
        assertEquals(0, e.offset());
        assertThrows(CaptureFormatException.class, () -> Captures.open(new ByteArrayInputStream(new byte[0])));
    }

    @Test
    void writerCopiesFramesFromAReader() throws Exception {
        Path source = LoopbackCapturesTest.resource("lo-udp-tcp-ns.pcap");
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (CaptureSource in = Captures.open(source)) {
            PcapWriter out = new PcapWriter(copy, in.interfaces().get(0).linkType(), true, 262_144,
                    ByteOrder.LITTLE_ENDIAN);
            for (FrameView f = in.next(); f != null; f = in.next()) {
                out.write(f);
            }
        }
        assertArrayEquals(Files.readAllBytes(source), copy.toByteArray());
    }

    static byte[] header(ByteOrder order, int magic, int snaplen, int linkType) {
        return ByteBuffer.allocate(24).order(order).putInt(magic).putShort((short) 2).putShort((short) 4)
                .putInt(0).putInt(0).putInt(snaplen).putInt(linkType).array();
    }
}
