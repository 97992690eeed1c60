package dev.dissect.api.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A read-only window of bytes: a frame, a reassembled datagram or a slice of a stream.
 *
 * <p><b>Getters are absolute and bounds-checked.</b> Index 0 is the first byte of the window; a read that would
 * leave the window throws {@link IndexOutOfBoundsException} naming the index, width and length. Dissectors check
 * lengths before reading (malformed input is a diagnostic, not an exception); the check here guards against
 * programming errors and keeps a dissector from reading outside what it was given.
 *
 * <p><b>Re-pointing allocates nothing.</b> {@link #wrap(ByteBuffer, int, int)} returns {@code this}, so one view can
 * walk every frame of a capture. Byte order is explicit in each getter name ({@code u16} is network order,
 * {@code u16le} little-endian) and independent of the underlying buffer's order. Unsigned values widen once:
 * {@code u16} returns an {@code int}, {@code u32} a {@code long}.
 *
 * <h2>Warnings</h2>
 * The bytes belong to whoever wrapped them. A view over a memory-mapped capture or a reader's buffer is valid only
 * until that reader moves on; copy what must outlive the current frame ({@link #copyTo}, {@link #toArray}).
 *
 * @since 0.1
 */
public final class ByteView {
    private static final VarHandle SHORT_BE = MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT_LE = MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private ByteBuffer buffer = EMPTY;
    private int base;
    private int length;

    /** An empty view; {@link #wrap} points it at bytes. */
    public ByteView() {
    }

    /** A view over the whole array (convenience for tests and small messages; allocates a ByteBuffer). */
    public static ByteView of(byte[] bytes) {
        return new ByteView().wrap(ByteBuffer.wrap(bytes), 0, bytes.length);
    }

    /**
     * Points this view at {@code length} bytes of {@code buffer} starting at absolute index {@code base}.
     *
     * @return this view
     * @throws IndexOutOfBoundsException if the window does not lie inside the buffer's capacity
     */
    public ByteView wrap(ByteBuffer buffer, int base, int length) {
        if (base < 0 || length < 0 || (long) base + length > buffer.capacity()) {
            throw new IndexOutOfBoundsException(
                    "base=" + base + " length=" + length + " capacity=" + buffer.capacity());
        }
        this.buffer = buffer;
        this.base = base;
        this.length = length;
        return this;
    }

    /** Points this view at {@code [index, index + length)} of another view's window. */
    public ByteView wrap(ByteView other, int index, int length) {
        other.check(index, length);
        return wrap(other.buffer, other.base + index, length);
    }

    /** The number of bytes in the window. */
    public int length() {
        return length;
    }

    /** True if {@code [index, index + width)} lies inside the window; never throws. */
    public boolean has(int index, int width) {
        return index >= 0 && width >= 0 && (long) index + width <= length;
    }

    /** The unsigned byte at {@code index}, 0 to 255. */
    public int u8(int index) {
        check(index, 1);
        return buffer.get(base + index) & 0xFF;
    }

    /** The signed byte at {@code index}. */
    public byte s8(int index) {
        check(index, 1);
        return buffer.get(base + index);
    }

    /** Two bytes in network order (big-endian), 0 to 65,535. */
    public int u16(int index) {
        check(index, 2);
        return (short) SHORT_BE.get(buffer, base + index) & 0xFFFF;
    }

    /** Two bytes little-endian, 0 to 65,535. */
    public int u16le(int index) {
        check(index, 2);
        return (short) SHORT_LE.get(buffer, base + index) & 0xFFFF;
    }

    /** Three bytes in network order. */
    public int u24(int index) {
        check(index, 3);
        int i = base + index;
        return (buffer.get(i) & 0xFF) << 16 | (buffer.get(i + 1) & 0xFF) << 8 | buffer.get(i + 2) & 0xFF;
    }

    /** Four bytes in network order, 0 to 4,294,967,295. */
    public long u32(int index) {
        return s32(index) & 0xFFFF_FFFFL;
    }

    /** Four bytes little-endian, 0 to 4,294,967,295. */
    public long u32le(int index) {
        return s32le(index) & 0xFFFF_FFFFL;
    }

    /** Four bytes in network order as a signed {@code int}. */
    public int s32(int index) {
        check(index, 4);
        return (int) INT_BE.get(buffer, base + index);
    }

    /** Four bytes little-endian as a signed {@code int}. */
    public int s32le(int index) {
        check(index, 4);
        return (int) INT_LE.get(buffer, base + index);
    }

    /** Eight bytes in network order; values above {@link Long#MAX_VALUE} come back negative. */
    public long u64(int index) {
        check(index, 8);
        return (long) LONG_BE.get(buffer, base + index);
    }

    /** Eight bytes little-endian; values above {@link Long#MAX_VALUE} come back negative. */
    public long u64le(int index) {
        check(index, 8);
        return (long) LONG_LE.get(buffer, base + index);
    }

    /** Copies {@code length} bytes from {@code index} into {@code dst} at {@code dstOffset}. */
    public void copyTo(int index, byte[] dst, int dstOffset, int length) {
        check(index, length);
        buffer.get(base + index, dst, dstOffset, length);
    }

    /** A new array holding {@code [index, index + length)}. */
    public byte[] toArray(int index, int length) {
        byte[] out = new byte[length];
        copyTo(index, out, 0, length);
        return out;
    }

    /** A new array holding the whole window. */
    public byte[] toArray() {
        return toArray(0, length);
    }

    /** Decodes {@code [index, index + length)} as ISO-8859-1 (one char per byte). Allocates. */
    public String latin1(int index, int length) {
        return new String(toArray(index, length), StandardCharsets.ISO_8859_1);
    }

    /** True if the bytes at {@code index} equal {@code expected}. */
    public boolean bytesEqual(int index, byte[] expected) {
        if (!has(index, expected.length)) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (buffer.get(base + index + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private void check(int index, int width) {
        if (index < 0 || width < 0 || (long) index + width > length) {
            throw new IndexOutOfBoundsException("index=" + index + " width=" + width + " length=" + length);
        }
    }

    @Override
    public String toString() {
        return "ByteView[length=" + length + "]";
    }
}
