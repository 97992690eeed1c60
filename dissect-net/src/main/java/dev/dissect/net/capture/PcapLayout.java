package dev.dissect.net.capture;

/**
 * Constants of the classic pcap format (draft-ietf-opsawg-pcap) that the grammar ({@code ksy/pcap.ksy}, read
 * through the generated {@code PcapView} and {@code PcapRecordView}) does not state: magics, sizes and limits.
 *
 * <pre>
 * file header (24 bytes)                     record header (16 bytes), then incl_len bytes of data
 *  0 magic          4 major  6 minor          0 ts_sec     4 ts_usec or ts_nsec
 *  8 thiszone      12 sigfigs                 8 incl_len  12 orig_len
 * 16 snaplen       20 linktype (+ FCS bits)
 * </pre>
 */
final class PcapLayout {
    static final int MAGIC_MICROS = 0xA1B2C3D4;
    static final int MAGIC_NANOS = 0xA1B23C4D;
    static final int MAGIC_MICROS_SWAPPED = 0xD4C3B2A1;
    static final int MAGIC_NANOS_SWAPPED = 0x4D3CB2A1;

    static final int HEADER_LENGTH = 24;
    /** The link type is in the low 26 bits; the bits above say whether frames end with an FCS (libpcap's LT_LINKTYPE). */
    static final int LINKTYPE_MASK = 0x03FF_FFFF;
    static final int VERSION_MAJOR = 2;
    static final int VERSION_MINOR = 4;

    static final int RECORD_HEADER_LENGTH = 16;

    /** libpcap's MAXIMUM_SNAPLEN: a record longer than this (or the file's snaplen, if larger) is implausible. */
    static final int SANE_RECORD_LENGTH = 262_144;

    private PcapLayout() {
    }
}
