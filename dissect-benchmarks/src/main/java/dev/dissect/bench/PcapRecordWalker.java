package dev.dissect.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the records of a classic pcap file through memory-mapped windows and touches one byte of each frame: the
 * least any reader must do, so the floor every dissection benchmark is measured against.
 *
 * <p><b>Files of any size:</b> windows are at most {@value #WINDOW_BYTES} bytes and start at a record boundary, so no
 * record straddles two. <b>Mapped once:</b> windows are kept and reused by later passes.
 *
 * <p>Either byte order and either timestamp precision is accepted; nothing but {@code caplen} is read from a record
 * header.
 */
final class PcapRecordWalker implements Closeable {
    static final long WINDOW_BYTES = 1L << 30;
    private static final int GLOBAL_HEADER_LENGTH = 24;
    private static final int RECORD_HEADER_LENGTH = 16;
    private static final int CAPLEN_OFFSET = 8;

    private final FileChannel channel;
    private final long size;
    private final ByteOrder order;
    private final List<MappedByteBuffer> windows = new ArrayList<>();
    private final List<Long> windowStarts = new ArrayList<>();
    private long packets;
    private long frameBytes;

    private PcapRecordWalker(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        if (size < GLOBAL_HEADER_LENGTH) {
            throw new IOException("not a pcap file: size=" + size);
        }
        MappedByteBuffer first = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, WINDOW_BYTES));
        first.order(ByteOrder.LITTLE_ENDIAN);
        int magic = first.getInt(0);
        if (magic == 0xA1B2C3D4 || magic == 0xA1B23C4D) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (magic == 0xD4C3B2A1 || magic == 0x4D3CB2A1) {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new IOException("not a classic pcap file: magic=0x" + Integer.toHexString(magic));
        }
        first.order(order);
        windows.add(first);
        windowStarts.add(0L);
    }

    static PcapRecordWalker open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new PcapRecordWalker(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Makes one pass over every record. Returns the sum of each frame's first byte, for the caller to consume so the
     * JIT cannot drop the reads; {@link #packets()} and {@link #frameBytes()} then describe the pass.
     *
     * @throws IOException if the file ends inside a record
     */
    long walk() throws IOException {
        long count = 0;
        long bytes = 0;
        long check = 0;
        int index = 0;
        long windowStart = 0;
        MappedByteBuffer window = windows.get(0);
        int position = GLOBAL_HEADER_LENGTH;
        while (true) {
            int limit = window.limit();
            while (position + RECORD_HEADER_LENGTH <= limit) {
                int caplen = window.getInt(position + CAPLEN_OFFSET);
                long next = (long) position + RECORD_HEADER_LENGTH + caplen;
                if (caplen < 0 || next > limit) {
                    break;
                }
                if (caplen > 0) {
                    check += window.get(position + RECORD_HEADER_LENGTH);
                }
                count++;
                bytes += caplen;
                position = (int) next;
            }
            long at = windowStart + position;
            if (at == size) {
                break;
            }
            if (windowStart + limit >= size || position == 0) {
                throw new IOException("truncated or oversized record at byte " + at + " of " + size);
            }
            windowStart = at;
            window = window(++index, at);
            position = 0;
        }
        packets = count;
        frameBytes = bytes;
        return check;
    }

    /** Records seen by the last {@link #walk()}. */
    long packets() {
        return packets;
    }

    /** Captured frame bytes (record headers excluded) seen by the last {@link #walk()}. */
    long frameBytes() {
        return frameBytes;
    }

    @Override
    public void close() throws IOException {
        windows.clear();
        channel.close();
    }

    private MappedByteBuffer window(int index, long start) throws IOException {
        if (index < windows.size() && windowStarts.get(index) == start) {
            return windows.get(index);
        }
        MappedByteBuffer window = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(size - start, WINDOW_BYTES));
        window.order(order);
        while (windows.size() > index) {
            windows.remove(windows.size() - 1);
            windowStarts.remove(windowStarts.size() - 1);
        }
        windows.add(window);
        windowStarts.add(start);
        return window;
    }
}
