package dev.dissect.net.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.frame.CaptureFormatException;
import dev.dissect.api.frame.CaptureSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The stream buffer grows with the bytes that arrive, not with the lengths that records claim. */
class StreamInputTest {
    @Test
    void aClaimedLengthIsNotAllocatedBeforeTheBytesArrive() throws IOException {
        StreamInput in = new StreamInput(new ByteArrayInputStream(new byte[500]));
        assertEquals(500, in.request(0, CaptureInput.MAX_REQUEST));
        assertTrue(in.capacity() <= 128 * 1024, "capacity " + in.capacity());
    }

    @Test
    void aLongRecordStillArrivesWhole() throws IOException {
        byte[] bytes = new byte[1_000_000];
        Arrays.fill(bytes, (byte) 7);
        bytes[bytes.length - 1] = 9;
        StreamInput in = new StreamInput(new LoopbackCapturesTest.OneByteInputStream(bytes));
        assertEquals(10, in.request(0, 10));
        assertEquals(bytes.length - 5, in.request(5, bytes.length));
        assertEquals(9, in.view().u8(in.index(bytes.length - 1)));
        assertEquals(7, in.view().u8(in.index(5)));
    }

    /**
     * Found by fuzzing {@code pcapngReader} (its inputs' crash-8ad06236…): a gzip-compressed pcap of 477 bytes
     * whose snaplen lets a record claim about 200 MiB; the stream reader allocated the claimed length at once, and
     * ran out of a 256 MiB heap. Now the record is cut short by the end of the stream, as any truncated capture.
     */
    @Test
    void aPcapRecordClaimingHundredsOfMegabytesInATinyStreamIsATruncation() throws IOException {
        ByteBuffer pcap = ByteBuffer.allocate(24 + 16 + 100);
        pcap.putInt(PcapLayout.MAGIC_MICROS).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(CaptureInput.MAX_REQUEST).putInt(1);
        pcap.putInt(1).putInt(0).putInt(200 << 20).putInt(200 << 20);
        try (CaptureSource source = Captures.open(new ByteArrayInputStream(pcap.array()))) {
            CaptureFormatException e = assertThrows(CaptureFormatException.class, source::next);
            assertEquals(24, e.offset(), e.getMessage());
        }
    }
}
