package dev.dissect.tls.handshake;

import dev.dissect.api.buffer.ByteView;
import java.util.Arrays;

/**
 * The bytes of a handshake message that began in an earlier record of the same direction (RFC 8446 5.1: "handshake
 * messages MAY be coalesced into a single TLSPlaintext record or fragmented across several records").
 *
 * <p><b>Records holding whole messages are not copied</b>: only the unfinished tail of a record is kept here.
 * <b>Memory is bounded</b> by {@link #MAX_MESSAGE}: a message that claims more is reported and dropped.
 * One per direction, in the flow's state; not thread-safe.
 */
public final class HandshakeReassembler {
    /** Largest handshake message reassembled (header included): big enough for long certificate chains. */
    public static final int MAX_MESSAGE = 256 * 1024;

    private byte[] pending = new byte[0];
    private int pendingLength;

    /** Bytes held from earlier records. */
    public int pendingLength() {
        return pendingLength;
    }

    /** Forgets held bytes (after lost data). */
    public void clear() {
        pendingLength = 0;
        if (pending.length > 4096) {
            pending = new byte[0];
        }
    }

    /**
     * Appends {@code [offset, offset + length)} to the held bytes and returns all of them as a new view that
     * stays valid after this call (fields recorded from it point into it); nothing is held any more until
     * {@link #keep} is called.
     */
    public ByteView joinWith(ByteView data, int offset, int length) {
        byte[] joined = Arrays.copyOf(pending, pendingLength + length);
        data.copyTo(offset, joined, pendingLength, length);
        pendingLength = 0;
        return ByteView.of(joined);
    }

    /** Holds {@code [offset, offset + length)} (an unfinished message) for the next record. */
    public void keep(ByteView data, int offset, int length) {
        if (pending.length < length) {
            pending = new byte[Math.max(length, Math.min(MAX_MESSAGE, pending.length * 2))];
        }
        data.copyTo(offset, pending, 0, length);
        pendingLength = length;
    }
}
