package dev.dissect.testkit.arbitraries;

import dev.dissect.api.buffer.ByteView;
import java.util.Arrays;

/**
 * Bytes a dissector may read, surrounded by guard bytes it must not read.
 *
 * <pre>
 * +----------------+--------------------------+----------------+
 * | prefix (guard) | slice: offset, length     | suffix (guard) |
 * +----------------+--------------------------+----------------+
 * </pre>
 *
 * <p>A dissector is handed {@link #guarded()} with {@link #offset()} and {@link #length()}: the view's bounds check
 * does not stop it from reading the guards, so the contract compares the result with a run over {@link #exact()},
 * a view that holds the slice and nothing else.
 *
 * @param prefix guard bytes before the slice
 * @param slice  the bytes handed over
 * @param suffix guard bytes after the slice
 * @since 0.1
 */
public record GuardedSlice(byte[] prefix, byte[] slice, byte[] suffix) {

    /** Where the slice starts in {@link #guarded()}. */
    public int offset() {
        return prefix.length;
    }

    /** Bytes in the slice. */
    public int length() {
        return slice.length;
    }

    /** A new array: prefix, slice, suffix. */
    public byte[] guardedBytes() {
        return ByteArbitraries.concat(ByteArbitraries.concat(prefix, slice), suffix);
    }

    /** A new view over prefix, slice and suffix. */
    public ByteView guarded() {
        return ByteView.of(guardedBytes());
    }

    /** A new view over the slice alone: reading a byte outside it throws. */
    public ByteView exact() {
        return ByteView.of(slice.clone());
    }

    @Override
    public String toString() {
        return "GuardedSlice[prefix=" + prefix.length + " bytes, slice=" + Hex.of(slice) + ", suffix="
                + suffix.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GuardedSlice g && Arrays.equals(prefix, g.prefix) && Arrays.equals(slice, g.slice)
                && Arrays.equals(suffix, g.suffix);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(slice) * 31 + prefix.length * 7 + suffix.length;
    }
}
