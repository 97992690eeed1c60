package dev.dissect.tls.handshake;

import dev.dissect.api.buffer.ByteView;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of a handshake message that began in an earlier record of the same direction (RFC 8446 5.1: "handshake
 * messages MAY be coalesced into a single TLSPlaintext record or fragmented across several records").
 *
 * <p><b>Records holding whole messages are not copied</b>: only the unfinished tail of a record is kept here.
 * <b>Memory is bounded</b> by {@link #maxMessage()} ({@link #MAX_MESSAGE} by default,
 * {@code tls.max_handshake_size}): a message that claims more is reported and dropped.
 * One per direction, in the flow's state; not thread-safe.
 */
public final class HandshakeReassembler {
    /** Largest handshake message reassembled by default (header included): big enough for long chains. */
    public static final int MAX_MESSAGE = 256 * 1024;
    private static final int HEADER_LENGTH = 4;

    private final int maxMessage;

    private byte[] pending = new byte[0];
    private int pendingLength;
    /** Lends the held bytes while no message in them is complete; {@link #keep} of it takes them back in place. */
    private final ByteView lent = new ByteView();
    private ByteBuffer pendingBuffer = ByteBuffer.wrap(pending);
    private long bytesCopied;

    /** A reassembler of messages up to {@link #MAX_MESSAGE} bytes. */
    public HandshakeReassembler() {
        this(MAX_MESSAGE);
    }

    /** A reassembler of messages up to {@code maxMessage} bytes, header included. */
    public HandshakeReassembler(int maxMessage) {
        this.maxMessage = maxMessage;
    }

    /** The longest message reassembled, header included; a longer one is reported and not held. */
    public int maxMessage() {
        return maxMessage;
    }

    /** Bytes held from earlier records. */
    public int pendingLength() {
        return pendingLength;
    }

    /** Bytes copied so far: linear in the bytes given, however the messages are cut into records. */
    long bytesCopied() {
        return bytesCopied;
    }

    /** Forgets held bytes (after lost data). */
    public void clear() {
        pendingLength = 0;
        if (pending.length > 4096) {
            pending = new byte[0];
            pendingBuffer = ByteBuffer.wrap(pending);
        }
    }

    /**
     * Appends {@code [offset, offset + length)} to the held bytes and returns all of them; nothing is held any more
     * until {@link #keep} is called. If they hold a whole message (or a header claiming more than
     * {@link #maxMessage()}), the view is a new array that stays valid after this call (fields recorded from it point
     * into it). Otherwise the view lends the held bytes without copying them: record nothing from it, and hand it
     * back to {@link #keep}.
     */
    public ByteView joinWith(ByteView data, int offset, int length) {
        // Appending grows the buffer geometrically and copies only the new bytes, so a message cut into one-byte
        // records costs time linear in its size, not quadratic.
        ensureCapacity(pendingLength + length);
        data.copyTo(offset, pending, pendingLength, length);
        bytesCopied += length;
        int held = pendingLength + length;
        pendingLength = 0;
        if (!holdsWholeMessage(held)) {
            return lent.wrap(pendingBuffer, 0, held);
        }
        bytesCopied += held;
        return ByteView.of(Arrays.copyOf(pending, held));
    }

    private boolean holdsWholeMessage(int held) {
        if (held < HEADER_LENGTH) {
            return false;
        }
        int total = HEADER_LENGTH + ((pending[1] & 0xFF) << 16 | (pending[2] & 0xFF) << 8 | (pending[3] & 0xFF));
        return total > maxMessage || total <= held;
    }

    /** Holds {@code [offset, offset + length)} (an unfinished message) for the next record. */
    public void keep(ByteView data, int offset, int length) {
        if (data == lent && offset == 0) {
            pendingLength = length; // the lent bytes are already in place
            return;
        }
        ensureCapacity(length);
        data.copyTo(offset, pending, 0, length);
        bytesCopied += length;
        pendingLength = length;
    }

    /** Room for {@code needed} bytes, keeping the held ones. */
    private void ensureCapacity(int needed) {
        if (pending.length < needed) {
            pending = Arrays.copyOf(pending, Math.max(needed, Math.min(maxMessage, pending.length * 2)));
            bytesCopied += pendingLength;
            pendingBuffer = ByteBuffer.wrap(pending);
        }
    }
}
