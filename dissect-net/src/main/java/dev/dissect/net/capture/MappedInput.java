package dev.dissect.net.capture;

import dev.dissect.api.buffer.ByteView;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A capture file memory-mapped in windows, so files larger than 2 GiB work.
 *
 * <p><b>Reading allocates nothing until a request leaves the current window.</b> Then the file is mapped again
 * starting at the requested position (the start of a record), so a record straddling a window boundary is always
 * whole in the new window. A window is at least as long as the request, so it never needs to be split.
 */
final class MappedInput implements CaptureInput {
    /** Windows of 1 GiB: far from {@code Integer.MAX_VALUE}, few remaps. */
    static final int DEFAULT_WINDOW = 1 << 30;

    private final FileChannel channel;
    private final long size;
    private final int windowSize;
    private final ByteView view = new ByteView();
    private long windowStart;
    private int windowLength;

    MappedInput(Path file) throws IOException {
        this(file, DEFAULT_WINDOW);
    }

    /** A small {@code windowSize} lets tests cross window boundaries with small files. */
    MappedInput(Path file, int windowSize) throws IOException {
        if (windowSize <= 0) {
            throw new IllegalArgumentException("windowSize=" + windowSize);
        }
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
        this.windowSize = windowSize;
    }

    @Override
    public int request(long position, int length) throws IOException {
        long available = Math.min(length, size - position);
        if (available <= 0) {
            return 0;
        }
        if (position < windowStart || position + available > windowStart + windowLength) {
            map(position, (int) available);
        }
        return (int) available;
    }

    private void map(long position, int needed) throws IOException {
        int length = (int) Math.min(Math.max(windowSize, needed), size - position);
        MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, position, length);
        view.wrap(buffer, 0, length);
        windowStart = position;
        windowLength = length;
    }

    @Override
    public ByteView view() {
        return view;
    }

    @Override
    public int index(long position) {
        return (int) (position - windowStart);
    }

    /** How many bytes the file has. */
    long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
