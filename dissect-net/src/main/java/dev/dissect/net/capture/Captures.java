package dev.dissect.net.capture;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.frame.CaptureFormatException;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.net.engine.Limit;
import dev.dissect.net.engine.Limits;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens capture files and streams, whatever their format: pcap (microseconds or nanoseconds, either byte order),
 * pcapng, or either of them gzip-compressed. The format is told by the magic number, never by the file name.
 *
 * <p><b>A file is memory-mapped</b> in windows of at most 1 GiB, so files of any size work; a gzip file is read as
 * a stream. <b>A stream is buffered</b> only as far as one record needs. <b>A capture already in memory</b> (a
 * {@link ByteBuffer}, heap or direct) is read in place, without copy.
 *
 * @since 0.1
 */
public final class Captures {
    private static final int GZIP_MAGIC_LENGTH = 2;
    private static final int GZIP_ID1 = 0x1F;
    private static final int GZIP_ID2 = 0x8B;
    private static final int STREAM_BUFFER = 64 * 1024;

    private Captures() {
    }

    /**
     * Opens a capture file.
     *
     * @throws CaptureFormatException if the file is not a pcap, pcapng or gzip file, or its header is damaged
     */
    public static CaptureSource open(Path file) throws IOException {
        return open(file, Limits.defaults());
    }

    /** {@link #open(Path)} within {@code limits}' {@link #MAX_BLOCK_SIZE}. */
    public static CaptureSource open(Path file, Limits limits) throws IOException {
        return open(file, MappedInput.DEFAULT_WINDOW, limits);
    }

    /** {@link #open(Path)} with a chosen mapping window, so tests can cross window boundaries with small files. */
    static CaptureSource open(Path file, int windowSize) throws IOException {
        return open(file, windowSize, Limits.defaults());
    }

    private static CaptureSource open(Path file, int windowSize, Limits limits) throws IOException {
        if (isGzip(file)) {
            return open(Files.newInputStream(file), limits);
        }
        return open(new MappedInput(file, windowSize), limits);
    }

    /**
     * Reads a capture from a stream, which the returned source closes.
     *
     * @throws CaptureFormatException if the stream is not a pcap, pcapng or gzip stream, or its header is damaged
     */
    public static CaptureSource open(InputStream in) throws IOException {
        return open(in, Limits.defaults());
    }

    /** {@link #open(InputStream)} within {@code limits}' {@link #MAX_BLOCK_SIZE}. */
    public static CaptureSource open(InputStream in, Limits limits) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, GZIP_MAGIC_LENGTH);
        byte[] magic = new byte[GZIP_MAGIC_LENGTH];
        int got = 0;
        while (got < magic.length) {
            int n = pushback.read(magic, got, magic.length - got);
            if (n < 0) {
                break;
            }
            got += n;
        }
        pushback.unread(magic, 0, got);
        InputStream raw = got == magic.length && isGzip(magic[0], magic[1]) ? gunzip(pushback) : pushback;
        return open(new StreamInput(raw), limits);
    }

    /**
     * Reads a capture held in memory: the bytes from {@code capture}'s position to its limit, read in place (a gzip
     * capture is decompressed as a stream). The buffer's position, limit and byte order are left as they are; its
     * bytes must not change while the source is open, and frames point into them.
     *
     * <p>Use it for a capture received over the network or kept in a database, or to read many small captures
     * quickly (a mapped file costs a system call to map and one to unmap).
     *
     * @throws CaptureFormatException if the bytes are not a pcap, pcapng or gzip capture, or its header is damaged
     * @since 0.1
     */
    public static CaptureSource open(ByteBuffer capture) throws IOException {
        return open(capture, Limits.defaults());
    }

    /** {@link #open(ByteBuffer)} within {@code limits}' {@link #MAX_BLOCK_SIZE}. */
    public static CaptureSource open(ByteBuffer capture, Limits limits) throws IOException {
        ByteBuffer bytes = capture.duplicate();
        int at = bytes.position();
        if (bytes.remaining() >= GZIP_MAGIC_LENGTH && isGzip(bytes.get(at), bytes.get(at + 1))) {
            return open(new ByteBufferInputStream(bytes), limits);
        }
        return open(new BufferInput(bytes), limits);
    }

    /** The decompressed stream; a gzip header that cannot be read is a damaged capture at offset 0. */
    private static InputStream gunzip(InputStream in) throws IOException {
        try {
            return new GZIPInputStream(in, STREAM_BUFFER);
        } catch (ZipException | EOFException e) {
            in.close();
            throw new CaptureFormatException(0, "damaged compressed stream: " + e.getMessage());
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), GZIP_MAGIC_LENGTH)) {
            return isGzip(in.read(), in.read());
        }
    }

    private static boolean isGzip(int id1, int id2) {
        return (id1 & 0xFF) == GZIP_ID1 && (id2 & 0xFF) == GZIP_ID2;
    }

    /**
     * The largest pcap record (header included) or pcapng block read, 256 MiB by default: a larger one is the
     * capture's one error ({@code implausible captured length}, {@code implausible block length}). It bounds what
     * a reader holds at once; a pcap record is also held to 262,144 bytes unless the file's snaplen is larger.
     */
    public static final Limit MAX_BLOCK_SIZE = Limit.of("capture.max_block_size",
            "bytes of one pcap record or pcapng block read", CaptureInput.MAX_REQUEST, 64, CaptureInput.MAX_REQUEST);

    private static CaptureSource open(CaptureInput input, Limits limits) throws IOException {
        int maxBlock = limits.getInt(MAX_BLOCK_SIZE);
        try {
            int got = input.request(0, 4);
            if (got < 4) {
                throw new CaptureFormatException(0, "not a capture: " + got + " bytes");
            }
            ByteView v = input.view();
            int magic = v.s32(input.index(0));
            if (PcapReader.isMagic(magic)) {
                return new PcapReader(input, maxBlock);
            }
            if (magic == PcapngLayout.SHB_TYPE) {
                return new PcapngReader(input, maxBlock);
            }
            throw new CaptureFormatException(0, String.format("not a pcap or pcapng capture: magic 0x%08x", magic));
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }
}
