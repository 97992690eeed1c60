package dev.dissect.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.frame.CaptureFormatException;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.hostile.ReaderCases.Case;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.capture.PcapngReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every damaged capture of {@link ReaderCases} gives, from a mapped file, a stream and a buffer alike, every complete
 * frame before the damage and then one {@link CaptureFormatException} naming the damage's offset, thrown again on
 * every later call; or reads cleanly to its end where the damage is one the reader defines a reading for.
 */
class ReaderCorruptionTest {
    @TempDir
    Path dir;

    /** What reading gave: the frames' summaries and the error, if any. */
    record Outcome(List<String> frames, CaptureFormatException error) {
    }

    static Stream<Case> cases() {
        return ReaderCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fileStreamAndBufferReadTheSameAndStopWhereDefined(Case c) throws IOException {
        Path file = dir.resolve(c.name());
        Files.write(file, c.bytes());
        Outcome mapped = read(() -> Captures.open(file));
        Outcome streamed = read(() -> Captures.open(new ByteArrayInputStream(c.bytes())));
        Outcome inMemory = read(() -> Captures.open(ByteBuffer.wrap(c.bytes())));
        assertEquals(mapped.frames(), streamed.frames(), "same frames from a file and a stream");
        assertEquals(message(mapped.error()), message(streamed.error()), "same error from a file and a stream");
        assertEquals(mapped.frames(), inMemory.frames(), "same frames from a file and a buffer");
        assertEquals(message(mapped.error()), message(inMemory.error()), "same error from a file and a buffer");
        if (c.expect() == null) {
            // Seeded garbage: a frame or the one error, nothing else (read() fails on anything else).
            return;
        }
        assertEquals(c.expect().frames(), mapped.frames().size(), "frames before the damage");
        if (c.expect().errorOffset() < 0) {
            assertNull(mapped.error(), () -> "no error expected, got " + mapped.error());
        } else {
            assertNotNull(mapped.error(), "an error naming the offset");
            assertEquals(c.expect().errorOffset(), mapped.error().offset(), mapped.error().getMessage());
            assertTrue(mapped.error().getMessage().contains(c.expect().errorText()), mapped.error().getMessage());
            assertTrue(mapped.error().getMessage().endsWith("(at byte offset " + c.expect().errorOffset() + ")"));
        }
    }

    @Test
    void timestampFractionsOutOfRangeCarryIntoSeconds() throws IOException {
        Case c = named("pcap-timestamp-fraction-out-of-range");
        try (CaptureSource s = Captures.open(new ByteArrayInputStream(c.bytes()))) {
            FrameView f = s.next();
            assertEquals(11, f.epochSecond());
            assertEquals(500_000_000, f.nanos());
            f = s.next();
            assertEquals(10 + 4_294, f.epochSecond());
            assertEquals(967_295_000, f.nanos());
        }
    }

    @Test
    void originalLengthBelowCapturedLengthIsKeptAsRecorded() throws IOException {
        try (CaptureSource s = Captures.open(new ByteArrayInputStream(named("pcap-origlen-below-caplen").bytes()))) {
            FrameView f = s.next();
            assertEquals(Frames.small(9).length, f.capturedLength());
            assertEquals(20, f.originalLength());
        }
    }

    @Test
    void oddTimestampResolutionsReadExactly() throws IOException {
        try (CaptureSource s = Captures.open(new ByteArrayInputStream(named("pcapng-odd-tsresol").bytes()))) {
            FrameView eighths = s.next();
            assertEquals(5, eighths.epochSecond());
            assertEquals(500_000_000, eighths.nanos());
            FrameView attoseconds = s.next();
            assertEquals(3, attoseconds.epochSecond());
            assertEquals(0, attoseconds.nanos());
        }
    }

    @Test
    void tenThousandInterfacesAndByteOrderSwitches() throws IOException {
        try (CaptureSource s = Captures.open(new ByteArrayInputStream(named("pcapng-10000-interfaces").bytes()))) {
            assertEquals(9_999, s.next().interfaceId());
            assertEquals(0, s.next().interfaceId());
            assertEquals(10_000, s.interfaces().size());
        }
        try (CaptureSource s = Captures.open(new ByteArrayInputStream(named("pcapng-byte-order-switches").bytes()))) {
            int frames = 0;
            for (FrameView f; (f = s.next()) != null; frames++) {
                assertEquals(0, f.interfaceId(), "interfaces are numbered per section");
                assertEquals(Frames.small(1).length, f.capturedLength());
            }
            assertEquals(4, frames);
            assertEquals(4, ((PcapngReader) s).sectionCount());
        }
    }

    @Test
    void theErrorIsThrownAgainAndNoFrameFollows() throws IOException {
        try (CaptureSource s = Captures.open(new ByteArrayInputStream(named("pcapng-trailer-mismatch").bytes()))) {
            assertNotNull(s.next());
            CaptureFormatException first = assertThrows(CaptureFormatException.class, s::next);
            assertSame(first, assertThrows(CaptureFormatException.class, s::next));
        }
    }

    static Case named(String name) {
        return ReaderCases.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static String message(Exception e) {
        return e == null ? null : e.getMessage();
    }

    interface Opener {
        CaptureSource open() throws IOException;
    }

    /** Reads to the end or the error; any other exception fails the test. */
    static Outcome read(Opener opener) throws IOException {
        List<String> frames = new ArrayList<>();
        try (CaptureSource s = opener.open()) {
            for (FrameView f; (f = s.next()) != null; ) {
                frames.add(f.number() + "/" + f.interfaceId() + "/" + f.capturedLength() + "/" + f.originalLength()
                        + "/" + f.epochSecond() + "." + f.nanos());
            }
        } catch (CaptureFormatException e) {
            return new Outcome(frames, e);
        }
        return new Outcome(frames, null);
    }
}
