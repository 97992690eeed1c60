package dev.dissect.api.frame;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A capture read frame by frame: a pcap or pcapng file, a stream, or anything a user adapts.
 *
 * <p>{@link #next()} returns frames in capture order and null at the end. A damaged file yields every complete
 * frame first; then {@code next()} throws a {@link CaptureFormatException} naming the byte offset of the damage.
 *
 * @since 0.1
 */
public interface CaptureSource extends Closeable {

    /** Returns the next frame, or null at the end of the capture. The frame is valid until the next call. */
    FrameView next() throws IOException;

    /** The interfaces described so far (pcap has exactly one; pcapng adds them as their blocks are read). */
    List<CaptureInterface> interfaces();
}
