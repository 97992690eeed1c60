package dev.dissect.tls.decrypt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.buffer.ByteView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class TranscriptHashTest {
    private static final byte[] MESSAGE = "a handshake message".getBytes(StandardCharsets.US_ASCII);

    @Test
    void snapshotsAreTheDigestOfEverythingAdded() throws Exception {
        TranscriptHash t = new TranscriptHash();
        t.add(ByteView.of(MESSAGE), 0, 2);
        t.add(MESSAGE, 2, MESSAGE.length - 2);
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(MESSAGE), t.snapshot("SHA-256"));
        assertArrayEquals(MessageDigest.getInstance("SHA-384").digest(MESSAGE), t.snapshot("SHA-384"));
        assertEquals(MESSAGE.length, t.length());
        assertTrue(t.complete());
    }

    @Test
    void aStoppedTranscriptHashesNothingUntilReset() throws Exception {
        TranscriptHash t = new TranscriptHash();
        t.stop();
        t.add(MESSAGE);
        assertFalse(t.complete());
        assertEquals(0, t.length());
        t.reset();
        assertTrue(t.complete());
        t.add(MESSAGE);
        assertArrayEquals(MessageDigest.getInstance("MD5").digest(MESSAGE), t.snapshot("MD5"));
    }
}
