package dev.dissect.net.capture;

import dev.dissect.net.wire.PcapRecordView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dissect.api.frame.CaptureFormatException;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every capture cut at every byte offset: every complete frame comes out, then exactly one
 * {@link CaptureFormatException} at the start of the cut record or block; a cut between records is a clean end.
 */
class TruncationTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"lo-udp-tcp-us.pcap", "lo-udp-tcp-ns.pcap", "lo-two-interfaces.pcapng"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyCutYieldsCompleteFramesThenOneError(String name) throws Exception {
        byte[] full = Files.readAllBytes(LoopbackCapturesTest.resource(name));
        List<String> all = Arrays.asList(FrameLines.all(Captures.open(LoopbackCapturesTest.resource(name)))
                .split("\n"));
        List<Long> boundaries = name.endsWith(".pcapng") ? pcapngBlockStarts(full) : pcapRecordStarts(full);
        Path file = dir.resolve("cut");
        for (int i = 0; i < full.length; i++) {
            int cut = i;
            byte[] prefix = Arrays.copyOf(full, cut);
            long expectedOffset = boundaries.stream().filter(b -> b <= cut).mapToLong(Long::longValue).max()
                    .orElse(0);
            boolean clean = cut > 0 && boundaries.contains((long) cut);
            Files.write(file, prefix);
            check(all, () -> Captures.open(file), cut, expectedOffset, clean);
            check(all, () -> Captures.open(file, 256), cut, expectedOffset, clean);
            check(all, () -> Captures.open(new ByteArrayInputStream(prefix)), cut, expectedOffset, clean);
            check(all, () -> Captures.open(LoopbackCapturesTest.inMemory(prefix, false)), cut, expectedOffset, clean);
            check(all, () -> Captures.open(LoopbackCapturesTest.inMemory(prefix, true)), cut, expectedOffset, clean);
        }
    }

    interface Opener {
        CaptureSource open() throws IOException;
    }

    private static void check(List<String> all, Opener opener, int cut, long expectedOffset, boolean clean)
            throws IOException {
        List<String> seen = new ArrayList<>();
        try (CaptureSource source = opener.open()) {
            for (FrameView f = source.next(); f != null; f = source.next()) {
                seen.add(FrameLines.line(f));
                assertTrue(f.fileOffset() + f.capturedLength() <= cut, "frame beyond the cut at " + cut);
            }
            if (!clean) {
                fail("cut at " + cut + " of a record starting at " + expectedOffset + " ended without an error");
            }
        } catch (CaptureFormatException e) {
            if (clean) {
                fail("cut at record boundary " + cut + " threw " + e);
            }
            assertEquals(expectedOffset, e.offset(), "cut at " + cut + ": " + e.getMessage());
        }
        assertEquals(all.subList(0, seen.size()), seen, "cut at " + cut);
    }

    private static List<Long> pcapRecordStarts(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != PcapLayout.MAGIC_MICROS && b.getInt(0) != PcapLayout.MAGIC_NANOS) {
            b.order(ByteOrder.BIG_ENDIAN);
        }
        List<Long> starts = new ArrayList<>(List.of(0L));
        for (int at = PcapLayout.HEADER_LENGTH; at < file.length;
                at += PcapLayout.RECORD_HEADER_LENGTH + b.getInt(at + PcapRecordView.INCL_LEN_OFFSET)) {
            starts.add((long) at);
        }
        return starts;
    }

    static List<Long> pcapngBlockStarts(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file);
        List<Long> starts = new ArrayList<>();
        for (int at = 0; at < file.length; at += b.getInt(at + PcapngLayout.BLOCK_LENGTH_OFFSET)) {
            if (b.getInt(at) == PcapngLayout.SHB_TYPE) {
                b.order(b.order(ByteOrder.BIG_ENDIAN).getInt(at + PcapngLayout.SHB_BYTE_ORDER_OFFSET)
                        == PcapngLayout.BYTE_ORDER_MAGIC ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            }
            starts.add((long) at);
        }
        return starts;
    }
}
