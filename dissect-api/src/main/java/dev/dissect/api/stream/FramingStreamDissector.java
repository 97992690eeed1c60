package dev.dissect.api.stream;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.field.DiagnosticDef;

/**
 * A stream dissector for length-prefixed messages: this class owns the loop, a subclass dissects one whole frame.
 *
 * <p><b>Framing is written once.</b> {@link #dissect} walks the bytes handed over with a {@link LengthPrefixFramer},
 * calls {@link #dissectFrame} for every complete frame, and asks the engine for exactly the bytes that the next
 * frame still lacks ({@link StreamContext#requestMore(int)}). Several frames in one segment, one frame over many
 * segments, and segments out of order (the engine orders them) all look the same to the subclass.
 *
 * <p><b>Too-long frames are a policy, not an exception:</b> a length above the framer's maximum records
 * {@link #FRAME_TOO_LONG} and stops this direction (a length-prefixed stream cannot find the next boundary). After
 * a gap the same holds; override {@link #onGap} to resynchronise where the protocol allows it.
 *
 * @since 0.1
 */
public abstract class FramingStreamDissector implements StreamDissector {
    /** Declared by the engine; recorded when a frame's length is above the framer's maximum. */
    public static final DiagnosticDef FRAME_TOO_LONG = DiagnosticDef.malformed("stream.frame.too_long",
            "Length prefix above the protocol's maximum; the rest of this direction is not dissected");

    private final LengthPrefixFramer framer;

    /** @param framer where each message ends; see {@link LengthPrefixFramer} */
    protected FramingStreamDissector(LengthPrefixFramer framer) {
        this.framer = framer;
    }

    /** The framer given at construction. */
    public final LengthPrefixFramer framer() {
        return framer;
    }

    /**
     * Dissects one complete frame {@code [offset, offset + length)}, header included. Results go to
     * {@code ctx.tree()}, the record of the frame that completed this one. When {@link #wantsWholeFrame} said no,
     * only the frame's start is there and {@link StreamContext#skippedBytes()} says how much of it was passed over.
     */
    protected abstract void dissectFrame(StreamContext ctx, ByteView data, int offset, int length);

    /**
     * Whether the frame starting at {@code offset} will be read past what is handed over now: return false for one
     * whose body would only be passed over (an encrypted record that nothing can decrypt, with no field showing its
     * bytes), and the engine neither holds nor copies the rest of it; {@link #dissectFrame} then gets the frame's
     * header only and {@link StreamContext#skippedBytes()} tells how many bytes followed it. Asked only for a frame
     * that is not complete yet. True by default.
     *
     * @param available   bytes of the frame handed over now
     * @param frameLength the frame's whole length, header included
     * @since 0.3
     */
    protected boolean wantsWholeFrame(StreamContext ctx, ByteView data, int offset, int available, int frameLength) {
        return true;
    }

    @Override
    public final int dissect(StreamContext ctx, ByteView data, int offset, int length) {
        if (ctx.skippedBytes() > 0) {
            dissectFrame(ctx, data, offset, length); // the start of a frame whose rest was passed over
            return length;
        }
        int consumed = 0;
        while (consumed < length) {
            int available = length - consumed;
            int frame = framer.frameLength(data, offset + consumed, available);
            if (frame == LengthPrefixFramer.TOO_LONG) {
                ctx.tree().diagnose(FRAME_TOO_LONG, offset + consumed, available, null);
                ctx.requestUntilEnd();
                return length;
            }
            if (frame == LengthPrefixFramer.NEED_MORE) {
                ctx.requestMore(framer.headerLength() - available);
                return consumed;
            }
            if (frame > available) {
                if (wantsWholeFrame(ctx, data, offset + consumed, available, frame)) {
                    ctx.requestMore(frame - available);
                } else {
                    ctx.skipMore(framer.headerLength(), frame - available);
                }
                return consumed;
            }
            dissectFrame(ctx, data, offset + consumed, frame);
            consumed += frame;
        }
        return consumed;
    }

    /** Stops: after lost bytes the next length prefix cannot be found. */
    @Override
    public GapAction onGap(StreamContext ctx, long missing) {
        return GapAction.STOP;
    }
}
