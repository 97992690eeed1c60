package dev.dissect.net.capture;

import static dev.dissect.net.capture.PcapngLayout.*;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.frame.CaptureFormatException;
import dev.dissect.api.frame.CaptureInterface;
import dev.dissect.net.wire.PcapngDsbView;
import dev.dissect.net.wire.PcapngEpbView;
import dev.dissect.net.wire.PcapngIdbView;
import dev.dissect.net.wire.PcapngIsbView;
import dev.dissect.net.wire.PcapngNrbRecordView;
import dev.dissect.net.wire.PcapngPbView;
import dev.dissect.net.wire.PcapngShbView;
import dev.dissect.net.wire.PcapngSpbView;
import dev.dissect.net.wire.PcapngView;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads pcapng files (draft-ietf-opsawg-pcapng): any number of sections, each in its own byte order.
 *
 * <p><b>No allocation per packet</b> on a memory-mapped file: Enhanced, Simple and obsolete Packet Blocks re-point
 * one {@link Frame}. Other blocks are kept as data: interfaces ({@link #interfaces()}), names
 * ({@link #nameResolutions()}), interface statistics ({@link #statistics()}), decryption secrets
 * ({@link #decryptionSecrets()}) and comments. Custom and unknown blocks are skipped by their length.
 *
 * <p><b>A damaged file yields every complete packet, then one {@link CaptureFormatException}</b> at the offset of
 * the first bad block (further calls throw it again). A block is bad if its length is not a multiple of 4, is below
 * 12 or its type's minimum, differs from its trailing copy, or runs past the end of the file; if a field inside it
 * overruns it; if a packet names an interface its section has not declared; or if a section's major version is not 1.
 *
 * <p>Interfaces are numbered per section, as the specification says: {@link Frame#interfaceId()} is the index of
 * the Interface Description Block within the frame's section. {@link #interfaces()} lists the interfaces of every
 * section read so far, in file order; {@link Frame#captureInterface()} is the frame's own entry.
 *
 * @since 0.1
 */
public final class PcapngReader extends CaptureReader {
    /** A block longer than this is implausible by default (and would not fit a stream reader's buffer). */
    static final int MAX_BLOCK_LENGTH = CaptureInput.MAX_REQUEST;

    private final int maxBlockLength;

    private final Frame frame = new Frame();
    private final OptionCursor options = new OptionCursor();
    private final PcapngView block = new PcapngView();
    private final PcapngEpbView epb = new PcapngEpbView();
    private final PcapngPbView pb = new PcapngPbView();
    private final PcapngSpbView spb = new PcapngSpbView();
    private final PcapngNrbRecordView nameRecord = new PcapngNrbRecordView();
    private final List<CaptureInterface> interfaces = new ArrayList<>();
    private final List<SectionInterface> sectionInterfaces = new ArrayList<>();
    private final List<NameResolution> names = new ArrayList<>();
    private final List<InterfaceStatistics> statistics = new ArrayList<>();
    private final List<DecryptionSecrets> secrets = new ArrayList<>();
    private Endianness order = Endianness.BIG;
    private int sections;
    private String sectionComment;
    private long position;
    private long frameNumber;

    private boolean bigEndian() {
        return order == Endianness.BIG;
    }

    /** What a section knows of one interface beyond {@link CaptureInterface}. */
    private record SectionInterface(CaptureInterface info, TimestampResolution resolution, long offsetSeconds,
                                    String comment) {
    }

    /** Reads the first Section Header Block; the caller has checked the block type. */
    PcapngReader(CaptureInput input, int maxBlockLength) throws IOException {
        super(input);
        this.maxBlockLength = maxBlockLength;
        readSectionHeader(0);
    }

    /** Reads blocks until a packet block, which it returns; null at the end of the file. */
    @Override
    Frame read() throws IOException {
        while (true) {
            long at = position;
            if (!requestHeader(at, BLOCK_BODY_OFFSET, "a block header")) {
                return null;
            }
            int type = (int) block.wrap(input.view(), input.index(at), BLOCK_BODY_OFFSET, bigEndian()).blockType();
            if (type == SHB_TYPE) {
                readSectionHeader(at);
                continue;
            }
            int length = requestBlock(at, type);
            position = at + length;
            ByteView v = input.view();
            int base = input.index(at);
            switch (type) {
                case EPB_TYPE:
                    return readEnhancedPacket(v, base, length, at);
                case SPB_TYPE:
                    return readSimplePacket(v, base, length, at);
                case PB_TYPE:
                    return readObsoletePacket(v, base, length, at);
                case IDB_TYPE:
                    readInterface(v, base, length, at);
                    break;
                case NRB_TYPE:
                    readNames(v, base, length, at);
                    break;
                case ISB_TYPE:
                    readStatistics(v, base, length, at);
                    break;
                case DSB_TYPE:
                    readSecrets(v, base, length, at);
                    break;
                default:
                    // Custom blocks (0x00000BAD, 0x40000BAD) and types we do not know: skipped by length.
                    break;
            }
        }
    }

    /** Checks the block at {@code at} and makes all of it readable; returns its length. */
    private int requestBlock(long at, int type) throws IOException {
        long length = block.wrap(input.view(), input.index(at), BLOCK_BODY_OFFSET, bigEndian()).blockTotalLength();
        if (length < BLOCK_OVERHEAD || length % ALIGNMENT != 0) {
            throw new CaptureFormatException(at, "bad block length " + length + " (block type 0x"
                    + Integer.toHexString(type) + ")");
        }
        if (length > maxBlockLength) {
            throw new CaptureFormatException(at, "implausible block length " + length + " (more than "
                    + maxBlockLength + ")");
        }
        int min = minimumLength(type);
        if (length < min) {
            throw new CaptureFormatException(at, "block of type 0x" + Integer.toHexString(type) + " has length "
                    + length + ", needs at least " + min);
        }
        int got = input.request(at, (int) length);
        if (got < length) {
            throw new CaptureFormatException(at, "file ends in the middle of a block: " + got + " of " + length
                    + " bytes");
        }
        long trailer = block.wrap(input.view(), input.index(at), (int) length, bigEndian()).blockTotalLengthTrailer();
        if (trailer != length) {
            throw new CaptureFormatException(at, "block length " + length + " differs from its trailing copy "
                    + trailer);
        }
        return (int) length;
    }

    private static int minimumLength(int type) {
        switch (type) {
            case SHB_TYPE: return SHB_MIN_LENGTH;
            case IDB_TYPE: return IDB_MIN_LENGTH;
            case EPB_TYPE: return EPB_MIN_LENGTH;
            case SPB_TYPE: return SPB_MIN_LENGTH;
            case PB_TYPE: return PB_MIN_LENGTH;
            case ISB_TYPE: return ISB_MIN_LENGTH;
            case DSB_TYPE: return DSB_MIN_LENGTH;
            default: return BLOCK_OVERHEAD;
        }
    }

    private void readSectionHeader(long at) throws IOException {
        if (!requestHeader(at, SHB_MAJOR_OFFSET, "a section header")) {
            throw new CaptureFormatException(at, "file ends before its section header");
        }
        int magic = input.view().s32(input.index(at) + SHB_BYTE_ORDER_OFFSET);
        if (magic == BYTE_ORDER_MAGIC) {
            order = Endianness.BIG;
        } else if (magic == BYTE_ORDER_MAGIC_SWAPPED) {
            order = Endianness.LITTLE;
        } else {
            throw new CaptureFormatException(at, String.format("bad byte-order magic 0x%08x in section header",
                    magic));
        }
        int length = requestBlock(at, SHB_TYPE);
        ByteView v = input.view();
        int base = input.index(at);
        PcapngShbView shb = new PcapngShbView().wrap(v, base + BLOCK_BODY_OFFSET, length - BLOCK_OVERHEAD, bigEndian());
        int major = shb.majorVersion();
        int minor = shb.minorVersion();
        if (major != VERSION_MAJOR) {
            throw new CaptureFormatException(at, "unsupported pcapng version " + major + "." + minor);
        }
        sectionInterfaces.clear();
        sectionComment = null;
        options.reset(v, order, shb.optionsOffset(), shb.optionsOffset() + shb.optionsLength(), at);
        while (options.next()) {
            if (options.code() == OPT_COMMENT && sectionComment == null) {
                sectionComment = options.string();
            }
        }
        sections++;
        position = at + length;
    }

    private void readInterface(ByteView v, int base, int length, long at) throws IOException {
        PcapngIdbView idb = new PcapngIdbView().wrap(v, base + BLOCK_BODY_OFFSET, length - BLOCK_OVERHEAD, bigEndian());
        int linkType = idb.linkType();
        long snapLength = idb.snaplen();
        String name = "";
        String description = "";
        String comment = null;
        int tsresol = DEFAULT_TSRESOL;
        long offsetSeconds = 0;
        options.reset(v, order, idb.optionsOffset(), idb.optionsOffset() + idb.optionsLength(), at);
        while (options.next()) {
            switch (options.code()) {
                case IF_NAME -> name = options.string();
                case IF_DESCRIPTION -> description = options.string();
                case IF_TSRESOL -> tsresol = options.u8();
                case IF_TSOFFSET -> offsetSeconds = options.u64();
                case OPT_COMMENT -> comment = comment == null ? options.string() : comment;
                default -> { }
            }
        }
        TimestampResolution resolution = TimestampResolution.of(tsresol);
        if (resolution == null) {
            throw new CaptureFormatException(at, "unsupported if_tsresol 0x" + Integer.toHexString(tsresol));
        }
        CaptureInterface info = new CaptureInterface(sectionInterfaces.size(), linkType, snapLength, name,
                description, resolution.ticksPerSecond());
        interfaces.add(info);
        sectionInterfaces.add(new SectionInterface(info, resolution, offsetSeconds, comment));
    }

    private SectionInterface declared(long interfaceId, long at) throws CaptureFormatException {
        if (interfaceId >= sectionInterfaces.size()) {
            throw new CaptureFormatException(at, "block refers to interface " + interfaceId + ", but its section"
                    + " declares " + sectionInterfaces.size());
        }
        return sectionInterfaces.get((int) interfaceId);
    }

    private Frame readEnhancedPacket(ByteView v, int base, int length, long at) throws IOException {
        PcapngEpbView p = epb.wrap(v, base + BLOCK_BODY_OFFSET, length - BLOCK_OVERHEAD, bigEndian());
        SectionInterface iface = declared(p.interfaceId(), at);
        Frame f = packet(v, length, at, iface, p.validate() >= 0, p.capturedLen(), p.packetDataOffset(),
                p.originalLen(), p.timestampHigh(), p.timestampLow());
        options.reset(v, order, p.optionsOffset(), p.optionsOffset() + p.optionsLength(), at);
        while (options.next()) {
            if (options.code() == OPT_COMMENT && !f.hasComment()) {
                f.comment(v, options.valueIndex(), options.length());
            }
        }
        return f;
    }

    private Frame readObsoletePacket(ByteView v, int base, int length, long at) throws IOException {
        PcapngPbView p = pb.wrap(v, base + BLOCK_BODY_OFFSET, length - BLOCK_OVERHEAD, bigEndian());
        SectionInterface iface = declared(p.interfaceId(), at);
        return packet(v, length, at, iface, p.validate() >= 0, p.capturedLen(), p.packetDataOffset(),
                p.originalLen(), p.timestampHigh(), p.timestampLow());
    }

    /**
     * The part Enhanced and obsolete Packet Blocks share: lengths, data and timestamp.
     *
     * @param fits whether the grammar's fields (data and its padding) fit in the block body
     */
    private Frame packet(ByteView v, int length, long at, SectionInterface iface, boolean fits, long captured,
                         int dataIndex, long original, long timestampHigh, long timestampLow)
            throws CaptureFormatException {
        if (!fits) {
            throw new CaptureFormatException(at, "captured length " + captured + " overruns its block of "
                    + length + " bytes");
        }
        frame.set(++frameNumber, iface.info(), at, v, dataIndex, (int) captured, original);
        long ticks = timestampHigh << 32 | timestampLow;
        TimestampResolution resolution = iface.resolution();
        frame.time(resolution.seconds(ticks) + iface.offsetSeconds(), resolution.nanos(ticks));
        return frame;
    }

    private Frame readSimplePacket(ByteView v, int base, int length, long at) throws IOException {
        SectionInterface iface = declared(0, at);
        PcapngSpbView p = spb.wrap(v, base + BLOCK_BODY_OFFSET, length - BLOCK_OVERHEAD, bigEndian());
        long original = p.originalLen();
        long captured = Math.min(original, length - SPB_MIN_LENGTH);
        long snapLength = iface.info().snapLength();
        if (snapLength != 0) {
            captured = Math.min(captured, snapLength);
        }
        frame.set(++frameNumber, iface.info(), at, v, p.packetDataOffset(), (int) captured, original);
        frame.time(0, 0);
        frame.noTimestamp();
        return frame;
    }

    private void readNames(ByteView v, int base, int length, long at) throws IOException {
        int next = base + NRB_RECORDS_OFFSET;
        int end = base + length - 4;
        while (next + PcapngNrbRecordView.MIN_LENGTH <= end) {
            PcapngNrbRecordView r = nameRecord.wrap(v, next, end - next, bigEndian());
            int type = r.recordType();
            int valueLength = r.recordLength();
            if (type == NRB_END) {
                return;
            }
            if (r.validate() < 0) {
                throw new CaptureFormatException(at, "name record of length " + valueLength + " overruns its block");
            }
            int addressLength = type == NRB_IPV4 ? 4 : type == NRB_IPV6 ? 16 : 0;
            if (addressLength > 0 && valueLength >= addressLength) {
                addNames(v, r.valueOffset(), valueLength, addressLength);
            }
            next += r.validate();
        }
    }

    /** One entry per NUL-terminated name after the address. */
    private void addNames(ByteView v, int value, int valueLength, int addressLength) {
        InetAddress address;
        try {
            address = InetAddress.getByAddress(v.toArray(value, addressLength));
        } catch (UnknownHostException e) {
            throw new AssertionError("address of length " + addressLength, e);
        }
        int end = value + valueLength;
        int nameStart = value + addressLength;
        for (int i = nameStart; i < end; i++) {
            if (v.u8(i) == 0 || i == end - 1) {
                int nameEnd = v.u8(i) == 0 ? i : end;
                if (nameEnd > nameStart) {
                    String name = new String(v.toArray(nameStart, nameEnd - nameStart), StandardCharsets.UTF_8);
                    names.add(new NameResolution(address, name));
                }
                nameStart = i + 1;
            }
        }
    }

    private void readStatistics(ByteView v, int base, int length, long at) throws IOException {
        PcapngIsbView isb = new PcapngIsbView().wrap(v, base + BLOCK_BODY_OFFSET, length - BLOCK_OVERHEAD, bigEndian());
        SectionInterface iface = declared(isb.interfaceId(), at);
        long ticks = isb.timestampHigh() << 32 | isb.timestampLow();
        long[] counters = {-1, -1, -1, -1, -1};
        options.reset(v, order, isb.optionsOffset(), isb.optionsOffset() + isb.optionsLength(), at);
        while (options.next()) {
            int code = options.code();
            if (code >= ISB_IFRECV && code <= ISB_USRDELIV) {
                counters[code - ISB_IFRECV] = options.u64();
            }
        }
        TimestampResolution resolution = iface.resolution();
        statistics.add(new InterfaceStatistics(iface.info(), resolution.seconds(ticks) + iface.offsetSeconds(),
                resolution.nanos(ticks), counters[ISB_IFRECV - ISB_IFRECV], counters[ISB_IFDROP - ISB_IFRECV],
                counters[ISB_FILTERACCEPT - ISB_IFRECV], counters[ISB_OSDROP - ISB_IFRECV],
                counters[ISB_USRDELIV - ISB_IFRECV]));
    }

    private void readSecrets(ByteView v, int base, int length, long at) throws IOException {
        PcapngDsbView dsb = new PcapngDsbView().wrap(v, base + BLOCK_BODY_OFFSET, length - BLOCK_OVERHEAD, bigEndian());
        long secretsLength = dsb.secretsLength();
        if (dsb.validate() < 0) {
            throw new CaptureFormatException(at, "secrets of length " + secretsLength + " overrun their block");
        }
        secrets.add(new DecryptionSecrets(dsb.secretsType(), v.toArray(dsb.secretsDataOffset(), (int) secretsLength)));
    }

    @Override
    public List<CaptureInterface> interfaces() {
        return Collections.unmodifiableList(interfaces);
    }

    /** The {@code opt_comment} of the current section's header, or null. */
    public String sectionComment() {
        return sectionComment;
    }

    /** How many sections have been read so far. */
    public int sectionCount() {
        return sections;
    }

    /** The {@code opt_comment} of interface {@code id} of the current section, or null. */
    public String interfaceComment(int id) {
        return sectionInterfaces.get(id).comment();
    }

    /** The {@code if_tsoffset} of interface {@code id} of the current section: seconds added to its timestamps. */
    public long interfaceTimestampOffset(int id) {
        return sectionInterfaces.get(id).offsetSeconds();
    }

    /** Names from the Name Resolution Blocks read so far, in file order. */
    public List<NameResolution> nameResolutions() {
        return Collections.unmodifiableList(names);
    }

    /** Interface Statistics Blocks read so far, in file order. */
    public List<InterfaceStatistics> statistics() {
        return Collections.unmodifiableList(statistics);
    }

    /** Decryption Secrets Blocks read so far, in file order. */
    public List<DecryptionSecrets> decryptionSecrets() {
        return Collections.unmodifiableList(secrets);
    }
}
