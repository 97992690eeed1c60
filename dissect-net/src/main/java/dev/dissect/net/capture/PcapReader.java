package dev.dissect.net.capture;

import static dev.dissect.net.capture.PcapLayout.*;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.frame.CaptureFormatException;
import dev.dissect.api.frame.CaptureInterface;
import dev.dissect.net.wire.PcapRecordView;
import dev.dissect.net.wire.PcapView;
import java.io.IOException;
import java.util.List;

/**
 * Reads classic pcap files: microsecond ({@code a1b2c3d4}) and nanosecond ({@code a1b23c4d}) timestamps, in either
 * byte order.
 *
 * <p><b>No allocation per frame</b> on a memory-mapped file: the same {@link Frame} is re-pointed at each record.
 * <b>A damaged file yields every complete frame, then one {@link CaptureFormatException}</b> at the offset of the
 * first bad record (further calls throw it again). A record is bad if its captured length exceeds
 * {@value PcapLayout#SANE_RECORD_LENGTH} bytes (or the file's snaplen, if larger) or the file ends inside it.
 *
 * <p>The link type is the header's, whatever its value (the FCS bits above bit 25 are dropped as libpcap does).
 * A timestamp fraction of a second or more ({@code ts_usec >= 1,000,000}, written by some broken tools) is carried
 * into the seconds rather than rejected: {@code (10, 1_500_000 µs)} reads as 11.5 s.
 *
 * @since 0.1
 */
public final class PcapReader extends CaptureReader {
    private final boolean bigEndian;
    private final PcapRecordView record = new PcapRecordView();
    private final boolean nanosecond;
    private final long maxRecordLength;
    private final CaptureInterface captureInterface;
    private final List<CaptureInterface> interfaces;
    private final Frame frame = new Frame();
    private long position = HEADER_LENGTH;
    private long frameNumber;

    /** Reads the file header; the caller has checked that the magic is a pcap magic. */
    /** {@code maxBlockLength} bounds a record with its header, whatever the snaplen. */
    PcapReader(CaptureInput input, int maxBlockLength) throws IOException {
        super(input);
        requestHeader(0, HEADER_LENGTH, "the pcap file header");
        ByteView v = input.view();
        int base = input.index(0);
        int magic = v.s32(base + PcapView.MAGIC_OFFSET);
        this.bigEndian = magic == MAGIC_MICROS || magic == MAGIC_NANOS;
        this.nanosecond = magic == MAGIC_NANOS || magic == MAGIC_NANOS_SWAPPED;
        PcapView header = new PcapView().wrap(v, base, HEADER_LENGTH, bigEndian);
        long snapLength = header.snaplen();
        int linkType = (int) (header.network() & LINKTYPE_MASK);
        this.maxRecordLength = Math.min(maxBlockLength - RECORD_HEADER_LENGTH,
                Math.max(SANE_RECORD_LENGTH, snapLength));
        this.captureInterface = new CaptureInterface(0, linkType, snapLength, "", "",
                nanosecond ? 1_000_000_000L : 1_000_000L);
        this.interfaces = List.of(captureInterface);
    }

    static boolean isMagic(int magic) {
        return magic == MAGIC_MICROS || magic == MAGIC_NANOS
                || magic == MAGIC_MICROS_SWAPPED || magic == MAGIC_NANOS_SWAPPED;
    }

    @Override
    Frame read() throws IOException {
        long at = position;
        if (!requestHeader(at, RECORD_HEADER_LENGTH, "a record header")) {
            return null;
        }
        long inclLen = record.wrap(input.view(), input.index(at), RECORD_HEADER_LENGTH, bigEndian).inclLen();
        if (inclLen > maxRecordLength) {
            throw new CaptureFormatException(at, "implausible captured length " + inclLen + " (more than "
                    + maxRecordLength + ")");
        }
        int recordLength = RECORD_HEADER_LENGTH + (int) inclLen;
        int got = input.request(at, recordLength);
        if (got < recordLength) {
            throw new CaptureFormatException(at, "file ends in the middle of a record: " + got + " of "
                    + recordLength + " bytes");
        }
        ByteView v = input.view();
        int base = input.index(at);
        PcapRecordView r = record.wrap(v, base, recordLength, bigEndian);
        long seconds = r.tsSec();
        long fraction = r.tsFrac();
        long perSecond = nanosecond ? 1_000_000_000L : 1_000_000L;
        long nanos = (fraction % perSecond) * (nanosecond ? 1 : 1000);
        frame.set(++frameNumber, captureInterface, at, v, base + RECORD_HEADER_LENGTH, (int) inclLen,
                r.origLen());
        frame.time(seconds + fraction / perSecond, (int) nanos);
        position = at + recordLength;
        return frame;
    }

    @Override
    public List<CaptureInterface> interfaces() {
        return interfaces;
    }

    /** True for nanosecond timestamps ({@code a1b23c4d}), false for microseconds. */
    public boolean nanosecondResolution() {
        return nanosecond;
    }
}
