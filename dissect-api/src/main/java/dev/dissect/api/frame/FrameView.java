package dev.dissect.api.frame;

import dev.dissect.api.buffer.ByteView;

/**
 * One captured frame as a reader yields it: when, on which interface, how long, and its bytes.
 *
 * <p><b>No copy.</b> {@link #data()} is a window onto the reader's buffer (often a memory-mapped file).
 *
 * <h2>Warnings</h2>
 * A frame view is valid until the next call to {@link CaptureSource#next()}; readers re-point the same object.
 * Copy what must live longer.
 *
 * @since 0.1
 */
public interface FrameView {

    /** 1-based position of the frame in its capture, as tshark's {@code frame.number}. */
    long number();

    /** Seconds since the Unix epoch. */
    long epochSecond();

    /** Nanoseconds within {@link #epochSecond()}, 0 to 999,999,999. */
    int nanos();

    /** The interface the frame was captured on: 0 for pcap, the IDB index within its section for pcapng. */
    int interfaceId();

    /** The interface's link type ({@link LinkType}). */
    int linkType();

    /** Bytes present in the capture ({@code frame.cap_len}); equals {@code data().length()}. */
    int capturedLength();

    /** Bytes the frame had on the wire ({@code frame.len}); at least {@link #capturedLength()} in a sane file. */
    long originalLength();

    /** The captured bytes; index 0 is the first byte of the link-layer header. Never null. */
    ByteView data();

    /** Byte offset of this frame's record in its capture file or stream, for diagnostics. */
    long fileOffset();

    /**
     * False when the capture records no time for this frame (a pcapng Simple Packet Block): then
     * {@link #epochSecond()} and {@link #nanos()} are 0 and mean nothing, and {@code frame.time_epoch} is absent,
     * as in tshark.
     *
     * @since 0.2
     */
    default boolean hasTimestamp() {
        return true;
    }
}
