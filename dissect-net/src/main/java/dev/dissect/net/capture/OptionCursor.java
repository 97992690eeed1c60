package dev.dissect.net.capture;

import static dev.dissect.net.capture.PcapngLayout.OPT_ENDOFOPT;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.frame.CaptureFormatException;
import dev.dissect.net.wire.PcapngOptionView;
import java.nio.charset.StandardCharsets;

/**
 * Walks the options of one pcapng block in place; reused for every block, so walking allocates nothing.
 *
 * <pre>
 * +--------------+--------------+-------------------------+
 * | code (u16)   | length (u16) | value, padded to 4 ...  |   repeated until opt_endofopt or the block ends
 * +--------------+--------------+-------------------------+
 * </pre>
 */
final class OptionCursor {
    private final PcapngOptionView option = new PcapngOptionView();
    private ByteView view;
    private Endianness order;
    private int next;
    private int end;
    private long blockOffset;
    private int code;
    private int length;
    private int valueIndex;

    /** Starts at {@code [from, to)} of {@code view}: the options of the block at file offset {@code blockOffset}. */
    OptionCursor reset(ByteView view, Endianness order, int from, int to, long blockOffset) {
        this.view = view;
        this.order = order;
        this.next = from;
        this.end = to;
        this.blockOffset = blockOffset;
        return this;
    }

    /** Moves to the next option; false at {@code opt_endofopt} or the end of the block. */
    boolean next() throws CaptureFormatException {
        if (next + PcapngOptionView.MIN_LENGTH > end) {
            return false;
        }
        PcapngOptionView o = option.wrap(view, next, end - next, order == Endianness.BIG);
        code = o.code();
        length = o.length();
        if (code == OPT_ENDOFOPT) {
            return false;
        }
        valueIndex = o.valueOffset();
        if (valueIndex + length > end) {
            throw new CaptureFormatException(blockOffset, "option " + code + " of length " + length
                    + " overruns its block");
        }
        // The last option's padding may be missing at the end of a block: step past what is there.
        next = Math.min(end, valueIndex + length + o.paddingLength());
        return true;
    }

    int code() {
        return code;
    }

    int length() {
        return length;
    }

    int valueIndex() {
        return valueIndex;
    }

    /** The value as UTF-8, without trailing NULs some writers add. */
    String string() {
        int n = length;
        while (n > 0 && view.u8(valueIndex + n - 1) == 0) {
            n--;
        }
        return new String(view.toArray(valueIndex, n), StandardCharsets.UTF_8);
    }

    /** The value as an unsigned 8-byte integer; the block is damaged if it is shorter. */
    long u64() throws CaptureFormatException {
        requireLength(8);
        return order.u64(view, valueIndex);
    }

    /** The value as a timestamp: high then low 32 bits. */
    long timestamp() throws CaptureFormatException {
        requireLength(8);
        return order.u32(view, valueIndex) << 32 | order.u32(view, valueIndex + 4);
    }

    int u8() throws CaptureFormatException {
        requireLength(1);
        return view.u8(valueIndex);
    }

    private void requireLength(int needed) throws CaptureFormatException {
        if (length < needed) {
            throw new CaptureFormatException(blockOffset, "option " + code + " has length " + length
                    + ", needs " + needed);
        }
    }
}
