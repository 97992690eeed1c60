package dev.dissect.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a classic pcap file: microsecond timestamps, little-endian, {@code LINKTYPE_ETHERNET}.
 *
 * <p>Private to the benchmarks on purpose: it writes exactly what the generator needs and nothing else (no
 * nanosecond variant, no pcapng). Records are gathered in a 1 MiB buffer so the stream sees few large writes.
 *
 * <pre>
 * global header (24 bytes)                 record header (16 bytes), then caplen bytes of frame
 * +-------+-----+-----+------+-----+-------+-------+  +--------+---------+--------+---------+
 * | magic | 2   | 4   | zone | sig | snap  | link  |  | ts sec | ts usec | caplen | origlen |
 * | a1b2c3d4    |     | 0    | 0   | 262144| 1     |  +--------+---------+--------+---------+
 * +-------+-----+-----+------+-----+-------+-------+
 * </pre>
 */
final class BenchPcapWriter implements Closeable {
    static final int GLOBAL_HEADER_LENGTH = 24;
    static final int RECORD_HEADER_LENGTH = 16;
    static final int MAGIC_MICROS = 0xA1B2C3D4;
    static final int SNAPLEN = 262_144;
    static final int LINKTYPE_ETHERNET = 1;

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 20];
    private int position;
    private long bytesWritten;

    BenchPcapWriter(OutputStream out) throws IOException {
        this.out = out;
        putInt(MAGIC_MICROS);
        putShort(2);
        putShort(4);
        putInt(0);
        putInt(0);
        putInt(SNAPLEN);
        putInt(LINKTYPE_ETHERNET);
    }

    /** Appends one record holding {@code length} bytes of {@code frame}, captured whole, at {@code micros} since the epoch. */
    void write(long micros, byte[] frame, int length) throws IOException {
        if (length > SNAPLEN || length + RECORD_HEADER_LENGTH > buffer.length) {
            throw new IllegalArgumentException("frame length=" + length + " exceeds snaplen=" + SNAPLEN);
        }
        if (position + RECORD_HEADER_LENGTH + length > buffer.length) {
            flushBuffer();
        }
        putInt((int) (micros / 1_000_000L));
        putInt((int) (micros % 1_000_000L));
        putInt(length);
        putInt(length);
        System.arraycopy(frame, 0, buffer, position, length);
        position += length;
    }

    /** Bytes of the file so far, headers included, whether flushed or not. */
    long bytesWritten() {
        return bytesWritten + position;
    }

    @Override
    public void close() throws IOException {
        flushBuffer();
        out.close();
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, position);
        bytesWritten += position;
        position = 0;
    }

    private void putShort(int value) {
        buffer[position++] = (byte) value;
        buffer[position++] = (byte) (value >>> 8);
    }

    private void putInt(int value) {
        buffer[position++] = (byte) value;
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) (value >>> 16);
        buffer[position++] = (byte) (value >>> 24);
    }
}
