package dev.dissect.net.capture;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.frame.CaptureFormatException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.ZipException;

/**
 * A capture read from an {@link InputStream} into a growable buffer.
 *
 * <p><b>Memory is bounded by the longest record</b>, which readers cap ({@link CaptureInput#MAX_REQUEST}) before they
 * request it, <b>and by the bytes the stream really holds</b>: the buffer grows as they arrive, so a length that lies
 * costs nothing. Bytes before the last requested position are dropped when the buffer is refilled. Any chunking of the
 * stream works, down to one byte per {@code read}.
 *
 * <p><b>A damaged compressed stream is a damaged capture.</b> When the decompressor fails (a gzip stream with a bad
 * CRC, a bad block or cut short), the bytes it gave before are still served; the first request that needs more
 * throws a {@link CaptureFormatException} at the stream position where the damage was found, so a reader yields
 * every complete frame before it, as for any truncated capture.
 */
final class StreamInput implements CaptureInput {
    private static final int INITIAL_CAPACITY = 64 * 1024;

    private final InputStream in;
    private final ByteView view = new ByteView();
    private byte[] array;
    private ByteBuffer buffer;
    /** Stream position of {@code array[0]}. */
    private long start;
    /** Bytes of {@code array} holding data. */
    private int filled;
    private boolean eof;
    /** Why the stream ended early, thrown when a request needs bytes past {@code start + filled}. */
    private CaptureFormatException damage;

    StreamInput(InputStream in) {
        this.in = in;
        this.array = new byte[INITIAL_CAPACITY];
        this.buffer = ByteBuffer.wrap(array);
        view.wrap(buffer, 0, 0);
    }

    @Override
    public int request(long position, int length) throws IOException {
        if (position < start) {
            throw new IllegalStateException("position=" + position + " is before start=" + start);
        }
        if (length > MAX_REQUEST) {
            throw new IllegalArgumentException("length=" + length + " max=" + MAX_REQUEST);
        }
        long end = position + length;
        if (end > start + filled && !eof) {
            fill(position, length);
        }
        if (end > start + filled && damage != null) {
            throw damage;
        }
        return (int) Math.max(0, Math.min(length, start + filled - position));
    }

    private void fill(long position, int length) throws IOException {
        int keep = (int) Math.max(0, start + filled - position);
        int from = filled - keep;
        if (from > 0) {
            System.arraycopy(array, from, array, 0, keep);
        }
        // Bytes between the old end and position (a skipped block) are read and dropped.
        long skip = Math.max(0, position - (start + filled));
        start = position - skip;
        filled = keep;
        while (!eof && (filled < length || skip > 0)) {
            if (filled == array.length) {
                grow(length);
            }
            int n = read();
            if (n < 0) {
                eof = true;
            } else if (skip > 0) {
                int dropped = (int) Math.min(skip, n);
                System.arraycopy(array, dropped, array, 0, n - dropped);
                skip -= dropped;
                start += dropped;
                filled += n - dropped;
            } else {
                filled += n;
            }
        }
        view.wrap(buffer, 0, filled);
    }

    /**
     * Doubles the buffer towards {@code length} as bytes arrive, never to {@code length} at once: a record header
     * claiming 256 MiB in a stream of 500 bytes costs what the stream holds, not what it claims.
     */
    private void grow(int length) {
        byte[] grown = new byte[(int) Math.min(length, Math.max(2L * array.length, INITIAL_CAPACITY))];
        System.arraycopy(array, 0, grown, 0, filled);
        array = grown;
        buffer = ByteBuffer.wrap(array);
    }

    /** The buffer's size, for tests. */
    int capacity() {
        return array.length;
    }

    /** One read; a decompressor's complaint ends the stream and is kept as {@link #damage}. */
    private int read() throws IOException {
        try {
            return in.read(array, filled, array.length - filled);
        } catch (ZipException | EOFException e) {
            // GZIPInputStream: ZipException for a bad header, block or trailer; EOFException when cut short.
            damage = new CaptureFormatException(start + filled, "damaged compressed stream: " + e.getMessage());
            return -1;
        }
    }

    @Override
    public ByteView view() {
        return view;
    }

    @Override
    public int index(long position) {
        return (int) (position - start);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
