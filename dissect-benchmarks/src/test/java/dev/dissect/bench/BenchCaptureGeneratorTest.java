package dev.dissect.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCaptureGeneratorTest {
    private static final int PACKETS = 20_000;

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path dir) throws IOException, NoSuchAlgorithmException {
        Path first = dir.resolve("first.pcap");
        Path second = dir.resolve("second.pcap");
        BenchCaptureGenerator.generate(BenchCaptureGenerator.Options.ofPackets(first, PACKETS, 7));
        BenchCaptureGenerator.generate(BenchCaptureGenerator.Options.ofPackets(second, PACKETS, 7));
        assertArrayEquals(sha256(first), sha256(second));
    }

    @Test
    void otherSeedGivesOtherFile() throws IOException, NoSuchAlgorithmException {
        assertFalse(MessageDigest.isEqual(sha256(generate(500, 1)), sha256(generate(500, 2))));
    }

    @Test
    void writesExactlyThePacketsAskedForAndTheWalkerAgrees(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("walk.pcap");
        BenchCaptureGenerator.Summary summary =
                BenchCaptureGenerator.generate(BenchCaptureGenerator.Options.ofPackets(file, PACKETS, 3));
        assertEquals(PACKETS, summary.packets());
        assertEquals(Files.size(file), summary.bytes());
        try (PcapRecordWalker walker = PcapRecordWalker.open(file)) {
            walker.walk();
            assertEquals(PACKETS, walker.packets());
            assertEquals(summary.bytes() - 24 - 16L * PACKETS, walker.frameBytes());
        }
    }

    @Test
    void framesHaveCorrectChecksumsAndTheExpectedMix() throws IOException {
        ByteBuffer file = ByteBuffer.wrap(generate(PACKETS, 5)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xA1B2C3D4, file.getInt(0));
        assertEquals(1, file.getInt(20));
        int ipv4 = 0;
        int ipv6 = 0;
        int tagged = 0;
        int dns = 0;
        int syn = 0;
        long previousMicros = 0;
        int position = 24;
        while (position < file.limit()) {
            long micros = file.getInt(position) * 1_000_000L + file.getInt(position + 4);
            assertTrue(micros >= previousMicros, "timestamps in order at byte " + position);
            previousMicros = micros;
            int caplen = file.getInt(position + 8);
            assertEquals(caplen, file.getInt(position + 12));
            byte[] frame = new byte[caplen];
            file.get(position + 16, frame);
            position += 16 + caplen;

            int p = 12;
            int etherType = u16(frame, p);
            if (etherType == FrameBuilder.ETHERTYPE_VLAN) {
                tagged++;
                p += 4;
                etherType = u16(frame, p);
            }
            p += 2;
            int protocol;
            int l4;
            int l4Length;
            long pseudo;
            if (etherType == FrameBuilder.ETHERTYPE_IPV4) {
                ipv4++;
                assertEquals(0, InternetChecksum.finish(InternetChecksum.add(0, frame, p, 20)) & 0xFFFF,
                        "IPv4 header checksum");
                protocol = frame[p + 9];
                l4 = p + 20;
                l4Length = u16(frame, p + 2) - 20;
                pseudo = InternetChecksum.add(0, frame, p + 12, 8);
            } else {
                assertEquals(FrameBuilder.ETHERTYPE_IPV6, etherType);
                ipv6++;
                protocol = frame[p + 6];
                l4 = p + 40;
                l4Length = u16(frame, p + 4);
                pseudo = InternetChecksum.add(0, frame, p + 8, 32);
            }
            assertEquals(caplen, l4 + l4Length, "IP length matches the frame");
            long sum = InternetChecksum.add(pseudo + protocol + l4Length, frame, l4, l4Length);
            assertEquals(0, InternetChecksum.finish(sum), "L4 checksum");
            if (protocol == FrameBuilder.PROTOCOL_UDP) {
                assertTrue(u16(frame, l4) == 53 || u16(frame, l4 + 2) == 53);
                assertEquals(1, u16(frame, l4 + 8 + 4), "DNS question count");
                dns++;
            } else {
                assertEquals(FrameBuilder.PROTOCOL_TCP, protocol);
                if ((frame[l4 + 13] & Flow.SYN) != 0) {
                    syn++;
                }
            }
        }
        int frames = ipv4 + ipv6;
        assertEquals(PACKETS, frames);
        assertTrue(ipv6 > frames / 20 && ipv6 < frames / 4, "IPv6 share " + ipv6);
        assertTrue(tagged > 0 && dns > 0 && syn > 0, "tagged=" + tagged + " dns=" + dns + " syn=" + syn);
    }

    private static byte[] generate(long packets, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BenchCaptureGenerator.generate(BenchCaptureGenerator.Options.ofPackets(Path.of("unused"), packets, seed), out);
        return out.toByteArray();
    }

    private static byte[] sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return sha256(Files.readAllBytes(file));
    }

    private static byte[] sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static int u16(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
    }
}
