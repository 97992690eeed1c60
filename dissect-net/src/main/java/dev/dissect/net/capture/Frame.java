package dev.dissect.net.capture;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.frame.CaptureInterface;
import dev.dissect.api.frame.FrameView;
import java.nio.charset.StandardCharsets;

/**
 * The frame a capture reader yields: one mutable object re-pointed at each record.
 *
 * <p><b>Re-pointing allocates nothing.</b> The bytes are a window onto the reader's buffer (a memory-mapped file
 * or a stream buffer). A pcapng packet comment is kept as a position and decoded only when {@link #comment()} is
 * called.
 *
 * <h2>Warnings</h2>
 * Valid until the next call to the reader's {@code next()}; copy what must live longer.
 *
 * @since 0.1
 */
public final class Frame implements FrameView {
    private final ByteView data = new ByteView();
    private final ByteView commentBytes = new ByteView();
    private long number;
    private long epochSecond;
    private int nanos;
    private CaptureInterface captureInterface;
    private long originalLength;
    private long fileOffset;
    private boolean hasComment;
    private boolean hasTimestamp = true;

    Frame() {
    }

    /** Points this frame at a new record; its data is {@code [index, index + capturedLength)} of {@code buffer}. */
    void set(long number, CaptureInterface captureInterface, long fileOffset, ByteView buffer, int index,
             int capturedLength, long originalLength) {
        this.number = number;
        this.captureInterface = captureInterface;
        this.fileOffset = fileOffset;
        this.data.wrap(buffer, index, capturedLength);
        this.originalLength = originalLength;
        this.hasComment = false;
    }

    /** Sets the timestamp; {@code nanos} must be 0 to 999,999,999. */
    /** Marks this frame as carrying no time (set after {@link #time}: a Simple Packet Block). */
    void noTimestamp() {
        this.hasTimestamp = false;
    }

    @Override
    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    void time(long epochSecond, int nanos) {
        this.hasTimestamp = true;
        this.epochSecond = epochSecond;
        this.nanos = nanos;
    }

    /** Marks {@code [index, index + length)} of {@code buffer} as this frame's UTF-8 comment. */
    void comment(ByteView buffer, int index, int length) {
        commentBytes.wrap(buffer, index, length);
        hasComment = true;
    }

    @Override
    public long number() {
        return number;
    }

    @Override
    public long epochSecond() {
        return epochSecond;
    }

    @Override
    public int nanos() {
        return nanos;
    }

    @Override
    public int interfaceId() {
        return captureInterface.id();
    }

    @Override
    public int linkType() {
        return captureInterface.linkType();
    }

    /** The interface this frame was captured on, as {@link dev.dissect.api.frame.CaptureSource#interfaces()} lists it. */
    public CaptureInterface captureInterface() {
        return captureInterface;
    }

    @Override
    public int capturedLength() {
        return data.length();
    }

    @Override
    public long originalLength() {
        return originalLength;
    }

    @Override
    public ByteView data() {
        return data;
    }

    @Override
    public long fileOffset() {
        return fileOffset;
    }

    /** True if the record carries a comment (pcapng {@code opt_comment}); never allocates. */
    public boolean hasComment() {
        return hasComment;
    }

    /** The record's first {@code opt_comment}, decoded as UTF-8 on each call, or null if it has none. */
    public String comment() {
        return hasComment ? new String(commentBytes.toArray(), StandardCharsets.UTF_8) : null;
    }

    @Override
    public String toString() {
        return "Frame[number=" + number + " time=" + epochSecond + "." + String.format("%09d", nanos)
                + " interface=" + interfaceId() + " captured=" + capturedLength() + " original=" + originalLength
                + " offset=" + fileOffset + "]";
    }
}
