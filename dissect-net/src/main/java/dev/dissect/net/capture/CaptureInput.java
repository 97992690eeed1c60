package dev.dissect.net.capture;

import dev.dissect.api.buffer.ByteView;
import java.io.Closeable;
import java.io.IOException;

/**
 * The bytes of a capture, read forward one record at a time: a memory-mapped file or a buffered stream.
 *
 * <p>A reader asks for {@code [position, position + length)} with {@link #request}, then reads those bytes through
 * {@link #view()} at index {@link #index(long) index(position)}. <b>Positions only move forward:</b> after a request
 * at {@code position}, bytes before it may be dropped.
 *
 * <h2>Warnings</h2>
 * A request may re-point {@link #view()} at another buffer; indices and slices taken before it are then stale.
 */
interface CaptureInput extends Closeable {

    /** The largest request an input must serve; a longer record is a format error found by the reader. */
    int MAX_REQUEST = 256 * 1024 * 1024;

    /**
     * Makes {@code [position, position + length)} readable, as far as the capture goes.
     *
     * @return how many of those bytes exist: {@code length}, or fewer at the end of the capture (0 at its end)
     */
    int request(long position, int length) throws IOException;

    /** The view the last request made readable; valid until the next request. */
    ByteView view();

    /** The index in {@link #view()} of {@code position}, which the last request covered. */
    int index(long position);
}
