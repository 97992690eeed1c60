package dev.dissect.tls.record;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.flow.FlowKey;
import dev.dissect.api.frame.FrameView;
import dev.dissect.api.stream.StreamContext;
import dev.dissect.api.stream.StreamDirection;
import dev.dissect.api.stream.StreamDissector;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * One direction of a decrypted TLS connection's application data, handed to the next stream dissector (HTTP/1.1)
 * with the same contract the TCP reassembler keeps: every unconsumed byte again, in order, with more after it;
 * {@link StreamContext#requestMore} and {@link StreamContext#requestUntilEnd} honoured; called again at once while
 * it consumes.
 *
 * <pre>
 *  record 1 plaintext   record 2 plaintext
 * +------------------+ +---------------+
 * | GET / HTTP/1.1.. | | ..\r\n\r\n     |     call 1: 16 bytes, consumes 0 (head incomplete)
 * +------------------+ +---------------+     call 2: 16 + 13 bytes (held over + record 2), consumes 29
 * </pre>
 *
 * <p><b>In-order plaintext is not copied</b>: with nothing held over, the dissector gets the record's own
 * plaintext. <b>Memory is bounded</b> by {@link #MAX_HELD} bytes held over (the session's
 * {@code tls.max_plaintext_held}); past it the held bytes are dropped
 * ({@link TlsRecordFields#PLAINTEXT_TOO_LONG}) and the next dissector told of a gap. <b>A next dissector that
 * throws</b> is stopped for this direction ({@link TlsRecordFields#PLAINTEXT_DISSECTOR_FAILED}).
 *
 * <p>Results go to the frame of the record that completed them, as for TCP. {@link StreamContext#frameOf} answers
 * the current frame for every byte (records do not remember their frames). Its flow state is the TCP flow's.
 * One per direction in the TLS flow state; not thread-safe.
 */
final class PlaintextStream {
    /** Plaintext held over for the next dissector, at most, by default. */
    static final int MAX_HELD = 2 * 1024 * 1024;

    private final int maxHeld;

    private final Context context = new Context();

    /** A stream that holds at most {@code maxHeld} bytes of plaintext over. */
    PlaintextStream(int maxHeld) {
        this.maxHeld = maxHeld;
    }

    private byte[] held = new byte[0];
    private int heldLength;
    private long offset; // stream position of the first held byte
    private int need = 1;
    private boolean untilEnd;
    private boolean stopped;

    /** Hands {@code plaintext} (owned by the caller, not kept unless held over) to {@code next}. */
    void add(StreamContext outer, StreamDissector next, byte[] plaintext) {
        if (stopped || plaintext.length == 0) {
            return;
        }
        if (heldLength + (long) plaintext.length > maxHeld) {
            outer.tree().diagnose(TlsRecordFields.PLAINTEXT_TOO_LONG, 0, 0, (heldLength + (long) plaintext.length)
                    + " bytes waited for, limit " + maxHeld);
            int dropped = heldLength;
            offset += dropped;
            heldLength = 0;
            held = new byte[0];
            need = 1;
            untilEnd = false;
            context.begin(outer, offset);
            next.onGap(context, dropped);
        }
        byte[] data;
        int length;
        if (heldLength == 0) {
            data = plaintext;
            length = plaintext.length;
        } else {
            if (held.length < heldLength + plaintext.length) {
                held = Arrays.copyOf(held, Math.max(heldLength + plaintext.length, held.length * 2));
            } // else: only bytes past heldLength are written, never handed over yet
            System.arraycopy(plaintext, 0, held, heldLength, plaintext.length);
            heldLength += plaintext.length;
            data = held;
            length = heldLength;
        }
        if (untilEnd || length < need) {
            keep(data, 0, length);
            return;
        }
        ByteView view = new ByteView().wrap(java.nio.ByteBuffer.wrap(data), 0, length);
        int at = 0;
        while (at < length) {
            context.begin(outer, offset);
            int consumed;
            try {
                consumed = next.dissect(context, view, at, length - at);
            } catch (RuntimeException e) {
                outer.tree().diagnose(TlsRecordFields.PLAINTEXT_DISSECTOR_FAILED, 0, 0, e.toString());
                stopped = true;
                heldLength = 0;
                return;
            }
            consumed = Math.max(0, Math.min(consumed, length - at));
            at += consumed;
            offset += consumed;
            if (context.untilEnd) {
                untilEnd = true;
                break;
            }
            if (consumed == 0) {
                need = (length - at) + Math.max(1, context.more);
                break;
            }
            need = 1;
        }
        keep(data, at, length - at);
    }

    /** The direction ended: whatever is held goes to {@code next.onEnd}. */
    void end(StreamContext outer, StreamDissector next) {
        if (stopped) {
            return;
        }
        context.begin(outer, offset);
        try {
            next.onEnd(context, new ByteView().wrap(java.nio.ByteBuffer.wrap(held), 0, heldLength), 0, heldLength);
        } catch (RuntimeException e) {
            outer.tree().diagnose(TlsRecordFields.PLAINTEXT_DISSECTOR_FAILED, 0, 0, e.toString());
        }
        stopped = true;
        heldLength = 0;
    }

    /**
     * Holds {@code [from, from + length)} of {@code data}. Bytes once handed to the next dissector are never
     * written again (its fields point into them until the frame is printed): unless nothing was consumed from the
     * held array, the rest goes to a new one; later appends only write past what was handed over.
     */
    private void keep(byte[] data, int from, int length) {
        if (data != held || from > 0) {
            byte[] fresh = new byte[Math.max(length, Math.min(length * 2, maxHeld))];
            System.arraycopy(data, from, fresh, 0, length);
            held = fresh;
        }
        heldLength = length;
    }

    /** The context the next dissector sees: the TLS call's, with its own stream position and requests. */
    private static final class Context implements StreamContext {
        private StreamContext outer;
        private long streamOffset;
        int more;
        boolean untilEnd;

        void begin(StreamContext outer, long streamOffset) {
            this.outer = outer;
            this.streamOffset = streamOffset;
            this.more = 0;
            this.untilEnd = false;
        }

        @Override
        public FrameView frame() {
            return outer.frame();
        }

        @Override
        public Dissection tree() {
            return outer.tree();
        }

        @Override
        public FlowKey flow() {
            return outer.flow();
        }

        @Override
        public StreamDirection direction() {
            return outer.direction();
        }

        @Override
        public long streamIndex() {
            return outer.streamIndex();
        }

        @Override
        public long streamOffset() {
            return streamOffset;
        }

        @Override
        public long frameOf(int index) {
            return outer.frame().number();
        }

        @Override
        public void requestMore(int n) {
            more = Math.max(1, n);
            untilEnd = false;
        }

        @Override
        public void requestUntilEnd() {
            untilEnd = true;
        }

        @Override
        public <T> T flowState(Class<T> type, Supplier<? extends T> factory) {
            return outer.flowState(type, factory);
        }

        @Override
        public <T> T sessionState(Class<T> type, Supplier<? extends T> factory) {
            return outer.sessionState(type, factory);
        }
    }
}
