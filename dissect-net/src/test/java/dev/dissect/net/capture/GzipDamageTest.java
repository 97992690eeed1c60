package dev.dissect.net.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.frame.CaptureFormatException;
import dev.dissect.api.frame.CaptureSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A damaged gzip capture is a damaged capture: every frame before the damage, then one
 * {@link CaptureFormatException}. Before, the decompressor's {@code ZipException} escaped as a plain I/O error, and
 * could do so before frames that had been decompressed whole (found by fuzzing {@code streamReader}).
 */
class GzipDamageTest {
    private static final int FRAMES = 3;
    private static final int FRAME_LENGTH = 60;

    private static byte[] gzippedPcap() throws IOException {
        ByteArrayOutputStream pcap = new ByteArrayOutputStream();
        PcapWriter w = new PcapWriter(pcap, 1, false);
        for (int i = 0; i < FRAMES; i++) {
            w.write(1_700_000_000L + i, 0, FRAME_LENGTH, new byte[FRAME_LENGTH], 0, FRAME_LENGTH);
        }
        w.flush();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(pcap.toByteArray());
        }
        return gz.toByteArray();
    }

    private static void assertFramesThenOneError(byte[] gz, String text) throws IOException {
        try (CaptureSource s = Captures.open(new ByteArrayInputStream(gz))) {
            for (int i = 0; i < FRAMES; i++) {
                assertNotNull(s.next(), "frame " + i);
            }
            CaptureFormatException e = assertThrows(CaptureFormatException.class, s::next);
            assertTrue(e.getMessage().contains(text), e.getMessage());
            assertEquals(24 + FRAMES * (16 + FRAME_LENGTH), e.offset());
        }
    }

    @Test
    void badCrcAfterTheLastFrame() throws IOException {
        byte[] gz = gzippedPcap();
        gz[gz.length - 8] ^= 0x55; // CRC-32 in the trailer
        assertFramesThenOneError(gz, "damaged compressed stream: Corrupt GZIP trailer");
    }

    @Test
    void streamCutInItsTrailer() throws IOException {
        byte[] gz = gzippedPcap();
        assertFramesThenOneError(Arrays.copyOf(gz, gz.length - 4), "damaged compressed stream");
    }

    @Test
    void unreadableHeaderIsAnErrorAtOffsetZero() throws IOException {
        byte[] gz = gzippedPcap();
        gz[2] = 9; // compression method: only 8 (deflate) exists
        CaptureFormatException e = assertThrows(CaptureFormatException.class,
                () -> Captures.open(new ByteArrayInputStream(gz)));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("damaged compressed stream: Unsupported compression method"), e.getMessage());
        CaptureFormatException cut = assertThrows(CaptureFormatException.class,
                () -> Captures.open(new ByteArrayInputStream(Arrays.copyOf(gzippedPcap(), 5))));
        assertEquals(0, cut.offset());
    }
}
