package dev.dissect.net.capture;

import static dev.dissect.net.capture.PcapngLayout.*;

import dev.dissect.api.frame.FrameView;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes pcapng: sections (each in its own byte order), interfaces, Enhanced Packet Blocks with optional comments,
 * and Decryption Secrets Blocks.
 *
 * <p>Call {@link #startSection} first, then {@link #addInterface} for each interface, then write packets.
 * Timestamps are converted to each interface's {@code if_tsresol}; see {@link InterfaceSpec}.
 *
 * @since 0.1
 */
public final class PcapngWriter implements Closeable {
    private final OutputStream out;
    private final ByteArrayOutputStream block = new ByteArrayOutputStream();
    private final List<TimestampResolution> resolutions = new ArrayList<>();
    /** {@code if_tsoffset} of each interface of the section, beside {@link #resolutions}. */
    private final List<Long> offsets = new ArrayList<>();
    private ByteOrder order;
    private byte[] scratch = new byte[0];

    /**
     * What to write in an Interface Description Block.
     *
     * @param linkType    link type
     * @param snapLength  snaplen, 0 for none
     * @param name        {@code if_name}, or null to leave it out
     * @param description {@code if_description}, or null
     * @param tsresol     {@code if_tsresol}: 6 for microseconds (the default), 9 for nanoseconds, 0x80 | n for 2^-n
     * @param offsetSeconds {@code if_tsoffset}: written if not 0, and subtracted from timestamps written
     * @param comment     {@code opt_comment}, or null
     */
    public record InterfaceSpec(int linkType, long snapLength, String name, String description, int tsresol,
                                long offsetSeconds, String comment) {
        /** An interface with only a link type: no snaplen, microseconds. */
        public static InterfaceSpec of(int linkType) {
            return new InterfaceSpec(linkType, 0, null, null, DEFAULT_TSRESOL, 0, null);
        }

        public InterfaceSpec withName(String name, String description) {
            return new InterfaceSpec(linkType, snapLength, name, description, tsresol, offsetSeconds, comment);
        }

        public InterfaceSpec withSnapLength(long snapLength) {
            return new InterfaceSpec(linkType, snapLength, name, description, tsresol, offsetSeconds, comment);
        }

        public InterfaceSpec withTsresol(int tsresol) {
            return new InterfaceSpec(linkType, snapLength, name, description, tsresol, offsetSeconds, comment);
        }

        public InterfaceSpec withOffsetSeconds(long offsetSeconds) {
            return new InterfaceSpec(linkType, snapLength, name, description, tsresol, offsetSeconds, comment);
        }

        public InterfaceSpec withComment(String comment) {
            return new InterfaceSpec(linkType, snapLength, name, description, tsresol, offsetSeconds, comment);
        }
    }

    public PcapngWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes a Section Header Block; interfaces of earlier sections can no longer be written to. */
    public void startSection(ByteOrder order, String comment) throws IOException {
        this.order = order;
        resolutions.clear();
        offsets.clear();
        ByteBuffer fixed = fixed(SHB_OPTIONS_OFFSET - BLOCK_BODY_OFFSET);
        fixed.putInt(BYTE_ORDER_MAGIC);
        fixed.putShort((short) VERSION_MAJOR);
        fixed.putShort((short) VERSION_MINOR);
        fixed.putLong(-1L);
        block.write(fixed.array());
        if (comment != null) {
            option(OPT_COMMENT, comment.getBytes(StandardCharsets.UTF_8));
            endOfOptions();
        }
        emit(SHB_TYPE);
    }

    /** Writes an Interface Description Block; returns the interface's id within the section. */
    public int addInterface(InterfaceSpec spec) throws IOException {
        requireSection();
        TimestampResolution resolution = TimestampResolution.of(spec.tsresol());
        if (resolution == null) {
            throw new IllegalArgumentException("unsupported tsresol 0x" + Integer.toHexString(spec.tsresol()));
        }
        ByteBuffer fixed = fixed(IDB_OPTIONS_OFFSET - BLOCK_BODY_OFFSET);
        fixed.putShort((short) spec.linkType());
        fixed.putShort((short) 0);
        fixed.putInt((int) spec.snapLength());
        block.write(fixed.array());
        boolean options = false;
        if (spec.comment() != null) {
            option(OPT_COMMENT, spec.comment().getBytes(StandardCharsets.UTF_8));
            options = true;
        }
        if (spec.name() != null) {
            option(IF_NAME, spec.name().getBytes(StandardCharsets.UTF_8));
            options = true;
        }
        if (spec.description() != null) {
            option(IF_DESCRIPTION, spec.description().getBytes(StandardCharsets.UTF_8));
            options = true;
        }
        if (spec.tsresol() != DEFAULT_TSRESOL) {
            option(IF_TSRESOL, new byte[] {(byte) spec.tsresol()});
            options = true;
        }
        if (spec.offsetSeconds() != 0) {
            option(IF_TSOFFSET, fixed(8).putLong(spec.offsetSeconds()).array());
            options = true;
        }
        if (options) {
            endOfOptions();
        }
        emit(IDB_TYPE);
        resolutions.add(resolution);
        offsets.add(spec.offsetSeconds());
        return resolutions.size() - 1;
    }

    /** Writes an Enhanced Packet Block; {@code comment} may be null. */
    public void writePacket(int interfaceId, long epochSecond, int nanos, long originalLength, byte[] data,
                            int offset, int length, String comment) throws IOException {
        requireSection();
        if (interfaceId < 0 || interfaceId >= resolutions.size()) {
            throw new IllegalArgumentException("interfaceId=" + interfaceId + " interfaces=" + resolutions.size());
        }
        long ticks = resolutions.get(interfaceId).ticks(epochSecond - offsets.get(interfaceId), nanos);
        ByteBuffer fixed = fixed(EPB_DATA_OFFSET - BLOCK_BODY_OFFSET);
        fixed.putInt(interfaceId);
        fixed.putInt((int) (ticks >>> 32));
        fixed.putInt((int) ticks);
        fixed.putInt(length);
        fixed.putInt((int) originalLength);
        block.write(fixed.array());
        block.write(data, offset, length);
        pad(length);
        if (comment != null) {
            option(OPT_COMMENT, comment.getBytes(StandardCharsets.UTF_8));
            endOfOptions();
        }
        emit(EPB_TYPE);
    }

    /** Writes a copy of {@code frame} on interface {@code interfaceId}, without a comment. */
    public void writePacket(int interfaceId, FrameView frame) throws IOException {
        int length = frame.capturedLength();
        if (scratch.length < length) {
            scratch = new byte[length];
        }
        frame.data().copyTo(0, scratch, 0, length);
        writePacket(interfaceId, frame.epochSecond(), frame.nanos(), frame.originalLength(), scratch, 0, length,
                null);
    }

    /** Writes a Decryption Secrets Block, e.g. an NSS key log ({@link DecryptionSecrets#TLS_KEY_LOG}). */
    public void writeDecryptionSecrets(long type, byte[] secrets) throws IOException {
        requireSection();
        ByteBuffer fixed = fixed(DSB_SECRETS_OFFSET - BLOCK_BODY_OFFSET);
        fixed.putInt((int) type);
        fixed.putInt(secrets.length);
        block.write(fixed.array());
        block.write(secrets);
        pad(secrets.length);
        emit(DSB_TYPE);
    }

    /** Writes a block of any type around {@code body} (padded to 4 bytes); for tests of blocks we only read. */
    void writeBlock(int type, byte[] body) throws IOException {
        requireSection();
        block.write(body);
        pad(body.length);
        emit(type);
    }

    private void requireSection() {
        if (order == null) {
            throw new IllegalStateException("startSection first");
        }
    }

    private ByteBuffer fixed(int length) {
        return ByteBuffer.allocate(length).order(order);
    }

    private void option(int code, byte[] value) throws IOException {
        ByteBuffer header = fixed(OPTION_HEADER_LENGTH);
        header.putShort((short) code);
        header.putShort((short) value.length);
        block.write(header.array());
        block.write(value);
        pad(value.length);
    }

    private void endOfOptions() throws IOException {
        block.write(new byte[OPTION_HEADER_LENGTH]);
    }

    private void pad(int length) {
        for (long i = length; i < padded(length); i++) {
            block.write(0);
        }
    }

    /** Writes type, length, the body gathered in {@code block}, and the length again. */
    private void emit(int type) throws IOException {
        int total = block.size() + BLOCK_OVERHEAD;
        ByteBuffer head = fixed(BLOCK_BODY_OFFSET);
        head.putInt(type);
        head.putInt(total);
        out.write(head.array());
        block.writeTo(out);
        out.write(fixed(4).putInt(total).array());
        block.reset();
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
