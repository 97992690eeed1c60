package dev.dissect.net.capture;

import dev.dissect.api.buffer.ByteView;
import java.nio.ByteBuffer;

/**
 * A capture already in memory: the bytes between a {@link ByteBuffer}'s position and limit, heap or direct.
 *
 * <p><b>Nothing is copied and nothing is allocated per request:</b> the one view spans the whole capture, as a
 * mapped file's window would if the file fitted in one. Reads are absolute, so the buffer's position, limit and byte
 * order are never moved or consulted after construction.
 */
final class BufferInput implements CaptureInput {
    private final ByteView view = new ByteView();
    private final int base;
    private final int size;

    BufferInput(ByteBuffer buffer) {
        this.base = buffer.position();
        this.size = buffer.remaining();
        view.wrap(buffer, base, size);
    }

    @Override
    public int request(long position, int length) {
        return (int) Math.max(0, Math.min(length, size - position));
    }

    @Override
    public ByteView view() {
        return view;
    }

    @Override
    public int index(long position) {
        return (int) position;
    }

    @Override
    public void close() {
        // The caller owns the buffer.
    }
}
