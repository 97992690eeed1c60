package dev.dissect.net.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.api.frame.LinkType;
import dev.dissect.net.capture.PcapngWriter.InterfaceSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quick check, not a benchmark (JMH lives in dissect-benchmarks): reading a mapped file allocates nothing per
 * frame once the reader is warm.
 */
class AllocationTest {
    private static final int FRAMES = 20_000;

    @TempDir
    Path dir;

    @Test
    void mappedPcapAllocatesNothingPerFrame() throws IOException {
        Path file = dir.resolve("many.pcap");
        try (OutputStream out = Files.newOutputStream(file)) {
            PcapWriter writer = new PcapWriter(out, LinkType.ETHERNET, true);
            writeFrames((i, data) -> writer.write(i, i, data.length, data, 0, data.length));
        }
        assertNoAllocationPerFrame(file);
    }

    @Test
    void mappedPcapngAllocatesNothingPerFrame() throws IOException {
        Path file = dir.resolve("many.pcapng");
        try (OutputStream out = Files.newOutputStream(file)) {
            PcapngWriter writer = new PcapngWriter(out);
            writer.startSection(ByteOrder.LITTLE_ENDIAN, null);
            writer.addInterface(InterfaceSpec.of(LinkType.ETHERNET).withTsresol(9));
            writeFrames((i, data) -> writer.writePacket(0, i, i, data.length, data, 0, data.length,
                    i % 2 == 0 ? "a comment" : null));
        }
        assertNoAllocationPerFrame(file);
    }

    interface FrameWriter {
        void write(int index, byte[] data) throws IOException;
    }

    private static void writeFrames(FrameWriter writer) throws IOException {
        byte[] data = new byte[60];
        for (int i = 0; i < FRAMES; i++) {
            writer.write(i, data);
        }
    }

    private static void assertNoAllocationPerFrame(Path file) throws IOException {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocated bytes");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int round = 0; round < 3; round++) {
            try (CaptureSource source = Captures.open(file)) {
                long before = threads.getThreadAllocatedBytes(id);
                long sum = read(source);
                long allocated = threads.getThreadAllocatedBytes(id) - before;
                assertEquals(FRAMES * 60L, sum);
                if (round == 2) {
                    assertTrue(allocated < FRAMES / 10, allocated + " bytes allocated for " + FRAMES + " frames");
                }
            }
        }
    }

    private static long read(CaptureSource source) throws IOException {
        long sum = 0;
        for (FrameView f = source.next(); f != null; f = source.next()) {
            sum += f.capturedLength();
        }
        return sum;
    }
}
