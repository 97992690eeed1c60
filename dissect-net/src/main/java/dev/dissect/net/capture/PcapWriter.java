package dev.dissect.net.capture;

import static dev.dissect.net.capture.PcapLayout.*;

import dev.dissect.api.frame.FrameView;
import dev.dissect.net.wire.PcapRecordView;
import dev.dissect.net.wire.PcapView;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a classic pcap file: one link type, microsecond or nanosecond timestamps, either byte order.
 *
 * <p>The file header is written by the constructor. Records are buffered by the caller's stream; {@link #flush()}
 * and {@link #close()} pass through. Microsecond files drop the nanoseconds below a microsecond.
 *
 * @since 0.1
 */
public final class PcapWriter implements Closeable {
    private final OutputStream out;
    private final boolean nanosecond;
    private final ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER_LENGTH);
    private byte[] scratch = new byte[0];

    /** A little-endian file with {@code snapLength} 262144. */
    public PcapWriter(OutputStream out, int linkType, boolean nanosecond) throws IOException {
        this(out, linkType, nanosecond, SANE_RECORD_LENGTH, ByteOrder.LITTLE_ENDIAN);
    }

    public PcapWriter(OutputStream out, int linkType, boolean nanosecond, long snapLength, ByteOrder order)
            throws IOException {
        this.out = out;
        this.nanosecond = nanosecond;
        header.order(order);
        ByteBuffer file = ByteBuffer.allocate(HEADER_LENGTH).order(order);
        file.putInt(PcapView.MAGIC_OFFSET, nanosecond ? MAGIC_NANOS : MAGIC_MICROS);
        file.putShort(PcapView.VERSION_MAJOR_OFFSET, (short) VERSION_MAJOR);
        file.putShort(PcapView.VERSION_MINOR_OFFSET, (short) VERSION_MINOR);
        file.putInt(PcapView.THISZONE_OFFSET, 0);
        file.putInt(PcapView.SIGFIGS_OFFSET, 0);
        file.putInt(PcapView.SNAPLEN_OFFSET, (int) snapLength);
        file.putInt(PcapView.NETWORK_OFFSET, linkType);
        out.write(file.array());
    }

    /** Writes a record: {@code length} bytes of {@code data} from {@code offset}, as captured at the given time. */
    public void write(long epochSecond, int nanos, long originalLength, byte[] data, int offset, int length)
            throws IOException {
        header.putInt(PcapRecordView.TS_SEC_OFFSET, (int) epochSecond);
        header.putInt(PcapRecordView.TS_FRAC_OFFSET, nanosecond ? nanos : nanos / 1000);
        header.putInt(PcapRecordView.INCL_LEN_OFFSET, length);
        header.putInt(PcapRecordView.ORIG_LEN_OFFSET, (int) originalLength);
        out.write(header.array());
        out.write(data, offset, length);
    }

    /** Writes a copy of {@code frame} (its time, lengths and bytes). */
    public void write(FrameView frame) throws IOException {
        int length = frame.capturedLength();
        if (scratch.length < length) {
            scratch = new byte[length];
        }
        frame.data().copyTo(0, scratch, 0, length);
        write(frame.epochSecond(), frame.nanos(), frame.originalLength(), scratch, 0, length);
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
