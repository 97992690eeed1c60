package dev.dissect.net.capture;

import static dev.dissect.net.capture.PcapngLayout.*;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.frame.CaptureFormatException;
import dev.dissect.api.frame.CaptureInterface;
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
    /** A block longer than this is implausible (and would not fit a stream reader's buffer). */
    static final int MAX_BLOCK_LENGTH = CaptureInput.MAX_REQUEST;

    private final Frame frame = new Frame();
    private final OptionCursor options = new OptionCursor();
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

    /** What a section knows of one interface beyond {@link CaptureInterface}. */
    private record SectionInterface(CaptureInterface info, TimestampResolution resolution, long offsetSeconds,
                                    String comment) {
    }

    /** Reads the first Section Header Block; the caller has checked the block type. */
    PcapngReader(CaptureInput input) throws IOException {
        super(input);
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
            int type = (int) order.u32(input.view(), input.index(at) + BLOCK_TYPE_OFFSET);
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
        long length = order.u32(input.view(), input.index(at) + BLOCK_LENGTH_OFFSET);
        if (length < BLOCK_OVERHEAD || length % ALIGNMENT != 0) {
            throw new CaptureFormatException(at, "bad block length " + length + " (block type 0x"
                    + Integer.toHexString(type) + ")");
        }
        if (length > MAX_BLOCK_LENGTH) {
            throw new CaptureFormatException(at, "implausible block length " + length + " (more than "
                    + MAX_BLOCK_LENGTH + ")");
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
        long trailer = order.u32(input.view(), input.index(at) + (int) length - 4);
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
        int major = order.u16(v, base + SHB_MAJOR_OFFSET);
        int minor = order.u16(v, base + SHB_MINOR_OFFSET);
        if (major != VERSION_MAJOR) {
            throw new CaptureFormatException(at, "unsupported pcapng version " + major + "." + minor);
        }
        sectionInterfaces.clear();
        sectionComment = null;
        options.reset(v, order, base + SHB_OPTIONS_OFFSET, base + length - 4, at);
        while (options.next()) {
            if (options.code() == OPT_COMMENT && sectionComment == null) {
                sectionComment = options.string();
            }
        }
        sections++;
        position = at + length;
    }

    private void readInterface(ByteView v, int base, int length, long at) throws IOException {
        int linkType = order.u16(v, base + IDB_LINKTYPE_OFFSET);
        long snapLength = order.u32(v, base + IDB_SNAPLEN_OFFSET);
        String name = "";
        String description = "";
        String comment = null;
        int tsresol = DEFAULT_TSRESOL;
        long offsetSeconds = 0;
        options.reset(v, order, base + IDB_OPTIONS_OFFSET, base + length - 4, at);
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
        SectionInterface iface = declared(order.u32(v, base + EPB_INTERFACE_OFFSET), at);
        Frame f = packet(v, base, length, at, iface, EPB_DATA_OFFSET, EPB_CAPTURED_LEN_OFFSET, EPB_ORIGINAL_LEN_OFFSET,
                EPB_TS_HIGH_OFFSET);
        int optionsFrom = (int) (base + EPB_DATA_OFFSET + padded(f.capturedLength()));
        options.reset(v, order, optionsFrom, base + length - 4, at);
        while (options.next()) {
            if (options.code() == OPT_COMMENT && !f.hasComment()) {
                f.comment(v, options.valueIndex(), options.length());
            }
        }
        return f;
    }

    private Frame readObsoletePacket(ByteView v, int base, int length, long at) throws IOException {
        SectionInterface iface = declared(order.u16(v, base + PB_INTERFACE_OFFSET), at);
        return packet(v, base, length, at, iface, PB_DATA_OFFSET, PB_CAPTURED_LEN_OFFSET, PB_ORIGINAL_LEN_OFFSET,
                PB_TS_HIGH_OFFSET);
    }

    /** The part Enhanced and obsolete Packet Blocks share: lengths, data and timestamp. */
    private Frame packet(ByteView v, int base, int length, long at, SectionInterface iface, int dataOffset,
                         int capturedOffset, int originalOffset, int timestampOffset) throws CaptureFormatException {
        long captured = order.u32(v, base + capturedOffset);
        if (dataOffset + padded(captured) > length - 4) {
            throw new CaptureFormatException(at, "captured length " + captured + " overruns its block of "
                    + length + " bytes");
        }
        frame.set(++frameNumber, iface.info(), at, v, base + dataOffset, (int) captured,
                order.u32(v, base + originalOffset));
        long ticks = order.u32(v, base + timestampOffset) << 32 | order.u32(v, base + timestampOffset + 4);
        TimestampResolution resolution = iface.resolution();
        frame.time(resolution.seconds(ticks) + iface.offsetSeconds(), resolution.nanos(ticks));
        return frame;
    }

    private Frame readSimplePacket(ByteView v, int base, int length, long at) throws IOException {
        SectionInterface iface = declared(0, at);
        long original = order.u32(v, base + SPB_ORIGINAL_LEN_OFFSET);
        long captured = Math.min(original, length - SPB_MIN_LENGTH);
        long snapLength = iface.info().snapLength();
        if (snapLength != 0) {
            captured = Math.min(captured, snapLength);
        }
        frame.set(++frameNumber, iface.info(), at, v, base + SPB_DATA_OFFSET, (int) captured, original);
        frame.time(0, 0);
        return frame;
    }

    private void readNames(ByteView v, int base, int length, long at) throws IOException {
        int next = base + NRB_RECORDS_OFFSET;
        int end = base + length - 4;
        while (next + NRB_RECORD_HEADER_LENGTH <= end) {
            int type = order.u16(v, next);
            int valueLength = order.u16(v, next + 2);
            int value = next + NRB_RECORD_HEADER_LENGTH;
            if (type == NRB_END) {
                return;
            }
            if (value + valueLength > end) {
                throw new CaptureFormatException(at, "name record of length " + valueLength + " overruns its block");
            }
            int addressLength = type == NRB_IPV4 ? 4 : type == NRB_IPV6 ? 16 : 0;
            if (addressLength > 0 && valueLength >= addressLength) {
                addNames(v, value, valueLength, addressLength);
            }
            next = (int) (value + padded(valueLength));
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
        SectionInterface iface = declared(order.u32(v, base + ISB_INTERFACE_OFFSET), at);
        long ticks = order.u32(v, base + ISB_TS_HIGH_OFFSET) << 32 | order.u32(v, base + ISB_TS_LOW_OFFSET);
        long[] counters = {-1, -1, -1, -1, -1};
        options.reset(v, order, base + ISB_OPTIONS_OFFSET, base + length - 4, at);
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
        long type = order.u32(v, base + DSB_SECRETS_TYPE_OFFSET);
        long secretsLength = order.u32(v, base + DSB_SECRETS_LENGTH_OFFSET);
        if (DSB_SECRETS_OFFSET + padded(secretsLength) > length - 4) {
            throw new CaptureFormatException(at, "secrets of length " + secretsLength + " overrun their block");
        }
        secrets.add(new DecryptionSecrets(type, v.toArray(base + DSB_SECRETS_OFFSET, (int) secretsLength)));
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
