package dev.dissect.net.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.capture.PcapngWriter.InterfaceSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever the writers write, the readers read back: from a mapped file (any window size) and a 1-byte stream. */
class CaptureRoundTripProperties {

    record TestFrame(long epochSecond, int nanos, byte[] data, int extraLength, int interfaceIndex) {
    }

    @Provide
    Arbitrary<TestFrame> frames() {
        return Combinators.combine(
                Arbitraries.longs().between(0, 0xFFFF_FFFFL),
                Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.integers().between(0, 70_000),
                Arbitraries.integers().between(0, 3)).as(TestFrame::new);
    }

    @Property(tries = 150)
    void pcapRoundTrip(@ForAll @Size(max = 20) List<@From("frames") TestFrame> frames, @ForAll boolean nanosecond,
                       @ForAll boolean bigEndian, @ForAll @IntRange(min = 0, max = 0x03FF_FFFF) int linkType,
                       @ForAll @IntRange(min = 1, max = 400) int window) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PcapWriter writer = new PcapWriter(bytes, linkType, nanosecond, 65_535,
                bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (TestFrame f : frames) {
            writer.write(f.epochSecond(), f.nanos(), f.data().length + (long) f.extraLength(), f.data(), 0,
                    f.data().length);
        }
        for (CaptureSource source : sources(bytes.toByteArray(), window)) {
            try (source) {
                assertEquals(linkType, source.interfaces().get(0).linkType());
                for (int i = 0; i < frames.size(); i++) {
                    TestFrame expected = frames.get(i);
                    FrameView actual = source.next();
                    assertFrame(expected, nanosecond ? expected.nanos() : expected.nanos() / 1000 * 1000, i,
                            actual);
                    assertEquals(0, actual.interfaceId());
                }
                assertNull(source.next());
            }
        }
    }

    /** Resolutions the writer converts to exactly and back: decimal up to 10^-9, binary from 2^-30. */
    private static final int[] EXACT_OR_TRUNCATING = {0, 3, 6, 9, 12, 0x80 | 30, 0x80 | 40};

    @Property(tries = 150)
    void pcapngRoundTrip(@ForAll @Size(max = 20) List<@From("frames") TestFrame> frames,
                         @ForAll @Size(min = 1, max = 3) List<Boolean> sectionBigEndian,
                         @ForAll @Size(4) List<@IntRange(min = 0, max = 0xFFFF) Integer> linkTypes,
                         @ForAll @Size(4) List<@IntRange(min = 0, max = 6) Integer> resolutionIndexes,
                         @ForAll @IntRange(min = 1, max = 400) int window) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PcapngWriter writer = new PcapngWriter(bytes);
        TimestampResolution[] resolutions = new TimestampResolution[4];
        for (int i = 0; i < 4; i++) {
            resolutions[i] = TimestampResolution.of(EXACT_OR_TRUNCATING[resolutionIndexes.get(i)]);
        }
        if (frames.isEmpty()) {
            writer.startSection(ByteOrder.BIG_ENDIAN, null);
        }
        int perSection = (frames.size() + sectionBigEndian.size() - 1) / sectionBigEndian.size();
        for (int i = 0; i < frames.size(); i++) {
            if (i % Math.max(1, perSection) == 0) {
                boolean big = sectionBigEndian.get(Math.min(i / Math.max(1, perSection), sectionBigEndian.size() - 1));
                writer.startSection(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, "section " + i);
                for (int id = 0; id < 4; id++) {
                    writer.addInterface(InterfaceSpec.of(linkTypes.get(id)).withTsresol(resolutions[id].tsresol()));
                }
            }
            TestFrame f = frames.get(i);
            writer.writePacket(f.interfaceIndex(), secondsFor(f, resolutions[f.interfaceIndex()]), f.nanos(),
                    f.data().length + (long) f.extraLength(), f.data(), 0, f.data().length,
                    i % 3 == 0 ? "frame " + i : null);
        }
        for (CaptureSource source : sources(bytes.toByteArray(), window)) {
            try (source) {
                for (int i = 0; i < frames.size(); i++) {
                    TestFrame expected = frames.get(i);
                    TimestampResolution resolution = resolutions[expected.interfaceIndex()];
                    long nanosPerTick = 1_000_000_000L / Math.min(1_000_000_000L, resolution.ticksPerSecond());
                    Frame actual = (Frame) source.next();
                    assertEquals(secondsFor(expected, resolution), actual.epochSecond());
                    assertFrame(expected, (int) (expected.nanos() / nanosPerTick * nanosPerTick), i, actual);
                    assertEquals(expected.interfaceIndex(), actual.interfaceId());
                    assertEquals((int) linkTypes.get(expected.interfaceIndex()), actual.linkType());
                    assertEquals(i % 3 == 0 ? "frame " + i : null, actual.comment());
                }
                assertNull(source.next());
            }
        }
    }

    /** The frame's seconds, brought below the largest second the resolution's 64-bit ticks can count. */
    private static long secondsFor(TestFrame f, TimestampResolution resolution) {
        return Long.remainderUnsigned(f.epochSecond(), Long.divideUnsigned(-1L, resolution.ticksPerSecond()) - 1);
    }

    private static void assertFrame(TestFrame expected, int nanos, int index, FrameView actual) {
        assertEquals(index + 1, actual.number());
        if (!(actual instanceof Frame)) {
            throw new AssertionError(actual);
        }
        assertEquals(nanos, actual.nanos());
        assertEquals(expected.data().length + (long) expected.extraLength(), actual.originalLength());
        assertArrayEquals(expected.data(), actual.data().toArray());
    }

    private static List<CaptureSource> sources(byte[] file, int window) throws IOException {
        Path path = Files.createTempFile("dissect-roundtrip", ".cap");
        try {
            Files.write(path, file);
            CaptureSource mapped = Captures.open(path, window);
            return List.of(mapped, Captures.open(new LoopbackCapturesTest.OneByteInputStream(file)),
                    Captures.open(LoopbackCapturesTest.inMemory(file, window % 2 == 0)));
        } finally {
            // The mapping keeps the bytes readable after the name is gone (POSIX).
            Files.delete(path);
        }
    }
}
