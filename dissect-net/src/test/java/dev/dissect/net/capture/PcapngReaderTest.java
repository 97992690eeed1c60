package dev.dissect.net.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.frame.CaptureFormatException;
import dev.dissect.api.frame.CaptureInterface;
import dev.dissect.api.frame.LinkType;
import dev.dissect.net.capture.PcapngWriter.InterfaceSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcapngReaderTest {
    private static final byte[] DATA = {10, 20, 30, 40, 50, 60, 70};
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PcapngWriter writer = new PcapngWriter(bytes);

    private PcapngReader reader() throws IOException {
        return (PcapngReader) Captures.open(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void sectionsInBothByteOrdersWithInterfacesOfTheirOwn() throws IOException {
        writer.startSection(BE, "big section");
        writer.addInterface(InterfaceSpec.of(LinkType.ETHERNET).withTsresol(9).withName("eth0", "first")
                .withSnapLength(65_535).withComment("uplink"));
        writer.addInterface(InterfaceSpec.of(LinkType.RAW).withTsresol(0x80 | 30).withOffsetSeconds(1_000));
        writer.writePacket(1, 1_700_000_001L, 250_000_000, 100, DATA, 0, 7, "second interface");
        writer.writePacket(0, 1_700_000_000L, 123_456_789, 7, DATA, 0, 7, null);
        writer.startSection(LE, null);
        writer.addInterface(InterfaceSpec.of(LinkType.LINUX_SLL).withTsresol(3));
        writer.writePacket(0, 1_800_000_000L, 987_654_321, 3, DATA, 4, 3, null);

        try (PcapngReader reader = reader()) {
            assertEquals("big section", reader.sectionComment());
            Frame f = reader.next();
            assertEquals(1, f.interfaceId());
            assertEquals(LinkType.RAW, f.linkType());
            assertEquals(1_700_000_001L, f.epochSecond());
            assertEquals(250_000_000, f.nanos());
            assertEquals(100, f.originalLength());
            assertEquals("second interface", f.comment());
            assertEquals(1_000, reader.interfaceTimestampOffset(1));
            f = reader.next();
            assertEquals(0, f.interfaceId());
            assertEquals(LinkType.ETHERNET, f.linkType());
            assertEquals(123_456_789, f.nanos());
            assertFalse(f.hasComment());
            assertNull(f.comment());
            assertEquals("uplink", reader.interfaceComment(0));
            f = reader.next();
            assertEquals(3, f.number());
            assertEquals(0, f.interfaceId());
            assertEquals(LinkType.LINUX_SLL, f.linkType());
            assertEquals(1_800_000_000L, f.epochSecond());
            assertEquals(987_000_000, f.nanos(), "milliseconds");
            assertArrayEquals(new byte[] {50, 60, 70}, f.data().toArray());
            assertNull(reader.sectionComment());
            assertEquals(2, reader.sectionCount());
            assertNull(reader.next());
            List<CaptureInterface> all = reader.interfaces();
            assertEquals(List.of(
                    new CaptureInterface(0, LinkType.ETHERNET, 65_535, "eth0", "first", 1_000_000_000L),
                    new CaptureInterface(1, LinkType.RAW, 0, "", "", 1L << 30),
                    new CaptureInterface(0, LinkType.LINUX_SLL, 0, "", "", 1_000L)), all);
        }
    }

    @Test
    void binaryResolutionIsConvertedToNanoseconds() throws IOException {
        writer.startSection(LE, null);
        writer.addInterface(InterfaceSpec.of(LinkType.ETHERNET).withTsresol(0x80 | 10));
        writer.writeBlock(PcapngLayout.EPB_TYPE, trimmed(body(LE).putInt(0).putInt(0).putInt(5 * 1024 + 512).putInt(0)
                .putInt(0)));
        try (PcapngReader reader = reader()) {
            Frame f = reader.next();
            assertEquals(5, f.epochSecond());
            assertEquals(500_000_000, f.nanos());
        }
    }

    @Test
    void simplePacketLengthIsTheLeastOfOriginalSnaplenAndBlock() throws IOException {
        writer.startSection(BE, null);
        writer.addInterface(InterfaceSpec.of(LinkType.ETHERNET).withSnapLength(4));
        writer.writeBlock(PcapngLayout.SPB_TYPE, trimmed(body(BE).putInt(10).put(DATA)));
        writer.startSection(BE, null);
        writer.addInterface(InterfaceSpec.of(LinkType.ETHERNET));
        writer.writeBlock(PcapngLayout.SPB_TYPE, trimmed(body(BE).putInt(100).put(DATA)));
        writer.writeBlock(PcapngLayout.SPB_TYPE, trimmed(body(BE).putInt(3).put(DATA)));
        try (PcapngReader reader = reader()) {
            assertEquals(4, reader.next().capturedLength());
            Frame f = reader.next();
            assertEquals(8, f.capturedLength(), "7 bytes and 1 of padding");
            assertEquals(100, f.originalLength());
            assertEquals(3, reader.next().capturedLength());
        }
    }

    @Test
    void obsoletePacketBlockIsAPacket() throws IOException {
        writer.startSection(LE, null);
        writer.addInterface(InterfaceSpec.of(LinkType.ETHERNET));
        writer.addInterface(InterfaceSpec.of(LinkType.RAW));
        writer.writeBlock(PcapngLayout.PB_TYPE, trimmed(body(LE).putShort((short) 1).putShort((short) 0).putInt(0)
                .putInt(2_000_001).putInt(7).putInt(9).put(DATA)));
        try (PcapngReader reader = reader()) {
            Frame f = reader.next();
            assertEquals(1, f.interfaceId());
            assertEquals(2, f.epochSecond());
            assertEquals(1_000, f.nanos());
            assertEquals(9, f.originalLength());
            assertArrayEquals(DATA, f.data().toArray());
        }
    }

    @Test
    void nameResolutionStatisticsSecretsAndSkippedBlocks() throws IOException {
        writer.startSection(BE, null);
        writer.addInterface(InterfaceSpec.of(LinkType.ETHERNET));
        byte[] v4Names = "localhost\0loopback\0".getBytes(StandardCharsets.US_ASCII);
        byte[] v6Name = "ip6-localhost\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer nrb = body(BE);
        nrb.putShort((short) 1).putShort((short) (4 + v4Names.length)).put(new byte[] {127, 0, 0, 1}).put(v4Names);
        nrb.position(PcapngLayout.NRB_RECORD_HEADER_LENGTH + (int) PcapngLayout.padded(4 + v4Names.length));
        byte[] v6 = new byte[16];
        v6[15] = 1;
        nrb.putShort((short) 2).putShort((short) (16 + v6Name.length)).put(v6).put(v6Name);
        nrb.position((int) PcapngLayout.padded(nrb.position()));
        nrb.putShort((short) 0).putShort((short) 0);
        writer.writeBlock(PcapngLayout.NRB_TYPE, trimmed(nrb));
        writer.writeBlock(PcapngLayout.CUSTOM_TYPE, trimmed(body(BE).putInt(32473).putInt(42)));
        writer.writeBlock(0x1234_5678, new byte[] {1, 2, 3});
        ByteBuffer isb = body(BE).putInt(0).putInt(0).putInt(3_000_000);
        isb.putShort((short) PcapngLayout.ISB_IFRECV).putShort((short) 8).putLong(10);
        isb.putShort((short) PcapngLayout.ISB_IFDROP).putShort((short) 8).putLong(2);
        isb.putShort((short) PcapngLayout.ISB_USRDELIV).putShort((short) 8).putLong(8);
        isb.putShort((short) 0).putShort((short) 0);
        writer.writeBlock(PcapngLayout.ISB_TYPE, trimmed(isb));
        byte[] keyLog = "CLIENT_RANDOM 00 11\n".getBytes(StandardCharsets.US_ASCII);
        writer.writeDecryptionSecrets(DecryptionSecrets.TLS_KEY_LOG, keyLog);
        writer.writePacket(0, 1, 0, 7, DATA, 0, 7, null);
        try (PcapngReader reader = reader()) {
            assertEquals(1, reader.next().number());
            assertEquals(List.of(
                    new NameResolution(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), "localhost"),
                    new NameResolution(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), "loopback"),
                    new NameResolution(InetAddress.getByAddress(v6), "ip6-localhost")), reader.nameResolutions());
            InterfaceStatistics stats = reader.statistics().get(0);
            assertEquals(reader.interfaces().get(0), stats.captureInterface());
            assertEquals(3, stats.epochSecond());
            assertEquals(10, stats.received());
            assertEquals(2, stats.dropped());
            assertEquals(-1, stats.filterAccepted());
            assertEquals(-1, stats.osDropped());
            assertEquals(8, stats.userDelivered());
            DecryptionSecrets secrets = reader.decryptionSecrets().get(0);
            assertEquals(DecryptionSecrets.TLS_KEY_LOG, secrets.type());
            assertArrayEquals(keyLog, secrets.secrets());
            assertNull(reader.next());
        }
    }

    /** A file with one good packet, then a second packet whose length fields {@code damage} changes. */
    private byte[] twoPackets(java.util.function.Consumer<ByteBuffer> damage) throws IOException {
        writer.startSection(LE, null);
        writer.addInterface(InterfaceSpec.of(LinkType.ETHERNET));
        writer.writePacket(0, 1, 0, 7, DATA, 0, 7, null);
        int second = bytes.size();
        writer.writePacket(0, 2, 0, 7, DATA, 0, 7, null);
        ByteBuffer file = ByteBuffer.wrap(bytes.toByteArray()).order(LE);
        file.position(second);
        damage.accept(file.slice().order(LE));
        return file.array();
    }

    private static void secondFails(byte[] file, long offset, String message) throws IOException {
        try (PcapngReader reader = (PcapngReader) Captures.open(new ByteArrayInputStream(file))) {
            assertEquals(1, reader.next().number());
            CaptureFormatException e = assertThrows(CaptureFormatException.class, reader::next);
            assertEquals(offset, e.offset(), e.getMessage());
            assertTrue(e.getMessage().contains(message), e.getMessage());
        }
    }

    @Test
    void corruptBlockLengthsAreFormatErrorsAtTheBlock() throws IOException {
        int second = 28 + 20 + 40;
        secondFails(twoPackets(b -> b.putInt(4, 38)), second, "bad block length");
        bytes.reset();
        secondFails(twoPackets(b -> b.putInt(4, 8)), second, "bad block length");
        bytes.reset();
        secondFails(twoPackets(b -> b.putInt(4, 28)), second, "at least 32");
        bytes.reset();
        secondFails(twoPackets(b -> b.putInt(36, 44)), second, "trailing copy");
        bytes.reset();
        secondFails(twoPackets(b -> b.putInt(4, 400)), second, "file ends in the middle of a block: 40 of 400 bytes");
        bytes.reset();
        secondFails(twoPackets(b -> b.putInt(4, 0x7FFF_FFFC)), second, "implausible block length");
        bytes.reset();
        secondFails(twoPackets(b -> b.putInt(20, 9)), second, "overruns");
        bytes.reset();
        secondFails(twoPackets(b -> b.putInt(8, 1)), second, "interface 1, but its section declares 1");
    }

    @Test
    void unknownMajorVersionIsAFormatError() throws IOException {
        writer.startSection(BE, null);
        writer.addInterface(InterfaceSpec.of(LinkType.ETHERNET));
        writer.writePacket(0, 1, 0, 7, DATA, 0, 7, null);
        int second = bytes.size();
        writer.startSection(BE, null);
        byte[] file = bytes.toByteArray();
        file[second + PcapngLayout.SHB_MAJOR_OFFSET + 1] = 2;
        try (PcapngReader reader = (PcapngReader) Captures.open(new ByteArrayInputStream(file))) {
            assertEquals(1, reader.next().number());
            CaptureFormatException e = assertThrows(CaptureFormatException.class, reader::next);
            assertEquals(second, e.offset());
            assertTrue(e.getMessage().contains("unsupported pcapng version 2.0"), e.getMessage());
        }
        file[PcapngLayout.SHB_MAJOR_OFFSET + 1] = 2;
        assertEquals(0, assertThrows(CaptureFormatException.class,
                () -> Captures.open(new ByteArrayInputStream(file))).offset());
    }

    @Test
    void badByteOrderMagicIsAFormatError() throws IOException {
        writer.startSection(BE, null);
        byte[] file = bytes.toByteArray();
        file[PcapngLayout.SHB_BYTE_ORDER_OFFSET] = 0;
        assertTrue(assertThrows(CaptureFormatException.class, () -> Captures.open(new ByteArrayInputStream(file)))
                .getMessage().contains("byte-order magic"));
    }

    private static byte[] trimmed(ByteBuffer body) {
        return java.util.Arrays.copyOf(body.array(), body.position());
    }

    /** A block body in {@code order}, with room to spare; {@link #trimmed} keeps what was put. */
    private static ByteBuffer body(ByteOrder order) {
        return ByteBuffer.allocate(256).order(order);
    }
}
