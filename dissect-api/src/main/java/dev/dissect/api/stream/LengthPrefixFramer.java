package dev.dissect.api.stream;

import dev.dissect.api.buffer.ByteView;

/**
 * Where a length-prefixed message ends, as configuration rather than code (Netty's
 * {@code LengthFieldBasedFrameDecoder}): the length field's offset and size, an adjustment, and a maximum.
 *
 * <pre>
 * of(0, 2, 0, 65_535): DNS over TCP (RFC 1035 4.2.2)     of(3, 2, 0, 18_432): TLS records (RFC 8446 5.1)
 * +--------+----------------+                            +----+-------+--------+----------------+
 * | 00 0C  | 12 bytes       |  frame = 2 + 12            | 17 | 03 03 | 00 20  | 32 bytes       |  frame = 5 + 32
 * +--------+----------------+                            +----+-------+--------+----------------+
 *  length                                                 type version length
 * </pre>
 *
 * <p>A frame is the header up to the end of the length field, then {@code length + adjustment} bytes.
 * <b>Lengths are only peeked</b>: nothing here consumes or changes the bytes. Big-endian lengths of 1 to 4 bytes.
 *
 * @param lengthOffset where the length field starts, from the first byte of the frame
 * @param lengthSize   bytes in the length field: 1, 2, 3 or 4
 * @param adjustment   added to the length read (negative when the length counts its own header)
 * @param maxLength    the largest length value accepted (after adjustment); larger is {@link #TOO_LONG}
 * @since 0.1
 */
public record LengthPrefixFramer(int lengthOffset, int lengthSize, int adjustment, long maxLength) {
    /** {@link #frameLength} result: the length field is not all there yet. */
    public static final int NEED_MORE = -1;
    /** {@link #frameLength} result: the length is above {@link #maxLength()} or negative after adjustment. */
    public static final int TOO_LONG = -2;

    /**
     * @throws IllegalArgumentException if the length field is not 1 to 4 bytes at a non-negative offset, or the
     *         largest frame would not fit an {@code int}
     */
    public LengthPrefixFramer {
        if (lengthOffset < 0 || lengthSize < 1 || lengthSize > 4 || maxLength < 0
                || headerLength(lengthOffset, lengthSize) + maxLength > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("lengthOffset=" + lengthOffset + " lengthSize=" + lengthSize
                    + " maxLength=" + maxLength);
        }
    }

    /** A framer; see the class comment for DNS over TCP and TLS examples. */
    public static LengthPrefixFramer of(int lengthOffset, int lengthSize, int adjustment, long maxLength) {
        return new LengthPrefixFramer(lengthOffset, lengthSize, adjustment, maxLength);
    }

    /** Bytes up to the end of the length field. */
    public int headerLength() {
        return headerLength(lengthOffset, lengthSize);
    }

    /**
     * The whole length of the frame starting at {@code offset}, header included, reading at most
     * {@code available} bytes; {@link #NEED_MORE} or {@link #TOO_LONG} otherwise. Changes nothing.
     */
    public int frameLength(ByteView data, int offset, int available) {
        int header = headerLength();
        if (available < header) {
            return NEED_MORE;
        }
        int at = offset + lengthOffset;
        long value = switch (lengthSize) {
            case 1 -> data.u8(at);
            case 2 -> data.u16(at);
            case 3 -> data.u24(at);
            default -> data.u32(at);
        };
        long body = value + adjustment;
        if (body < 0 || body > maxLength) {
            return TOO_LONG;
        }
        return (int) (header + body);
    }

    private static int headerLength(int lengthOffset, int lengthSize) {
        return lengthOffset + lengthSize;
    }
}
