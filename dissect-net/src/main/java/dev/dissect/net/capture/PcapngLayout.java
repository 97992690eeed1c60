package dev.dissect.net.capture;

/**
 * Block types, sizes and option codes of pcapng (draft-ietf-opsawg-pcapng) that the grammar does not state. Fields
 * are read through the views generated from {@code ksy/pcapng.ksy} ({@code PcapngView} for the block frame,
 * {@code PcapngEpbView} and friends for bodies, wrapped at {@link #BLOCK_BODY_OFFSET}); the offsets left here are
 * the writer's, from the start of the block.
 *
 * <pre>
 * every block                    0 block type    4 block total length    8 body ...   (length - 4) total length again
 * Section Header Block           8 byte-order magic 1a2b3c4d   12 major   14 minor   16 section length (s64)   24 options
 * Interface Description Block    8 link type (u16)   10 reserved   12 snaplen   16 options
 * Enhanced Packet Block          8 interface id   12 ts high   16 ts low   20 captured len   24 original len   28 data
 * Simple Packet Block            8 original len   12 data
 * Packet Block (obsolete)        8 interface id (u16)   10 drops (u16)   12 ts high   16 ts low   20 captured   24 original   28 data
 * Name Resolution Block          8 records: type (u16), length (u16), value padded to 4
 * Interface Statistics Block     8 interface id   12 ts high   16 ts low   20 options
 * Decryption Secrets Block       8 secrets type   12 secrets length   16 secrets
 * option                         0 code (u16)   2 length (u16)   4 value, padded to 4
 * </pre>
 */
final class PcapngLayout {
    static final int SHB_TYPE = 0x0A0D0D0A;
    static final int IDB_TYPE = 0x00000001;
    static final int PB_TYPE = 0x00000002;
    static final int SPB_TYPE = 0x00000003;
    static final int NRB_TYPE = 0x00000004;
    static final int ISB_TYPE = 0x00000005;
    static final int EPB_TYPE = 0x00000006;
    static final int DSB_TYPE = 0x0000000A;
    static final int CUSTOM_TYPE = 0x00000BAD;
    static final int CUSTOM_NO_COPY_TYPE = 0x40000BAD;

    static final int BLOCK_LENGTH_OFFSET = 4;
    static final int BLOCK_BODY_OFFSET = 8;
    /** Type, length and trailing length. */
    static final int BLOCK_OVERHEAD = 12;
    /** Blocks are padded to 32 bits. */
    static final int ALIGNMENT = 4;

    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int BYTE_ORDER_MAGIC_SWAPPED = 0x4D3C2B1A;
    static final int SHB_BYTE_ORDER_OFFSET = 8;
    static final int SHB_MAJOR_OFFSET = 12;
    static final int SHB_OPTIONS_OFFSET = 24;
    static final int SHB_MIN_LENGTH = 28;
    static final int VERSION_MAJOR = 1;
    static final int VERSION_MINOR = 0;

    static final int IDB_OPTIONS_OFFSET = 16;
    static final int IDB_MIN_LENGTH = 20;

    static final int EPB_DATA_OFFSET = 28;
    static final int EPB_MIN_LENGTH = 32;

    static final int SPB_MIN_LENGTH = 16;

    static final int PB_MIN_LENGTH = 32;

    static final int NRB_RECORDS_OFFSET = 8;
    static final int NRB_RECORD_HEADER_LENGTH = 4;
    static final int NRB_END = 0;
    static final int NRB_IPV4 = 1;
    static final int NRB_IPV6 = 2;

    static final int ISB_MIN_LENGTH = 24;

    static final int DSB_SECRETS_OFFSET = 16;
    static final int DSB_MIN_LENGTH = 20;

    static final int OPTION_HEADER_LENGTH = 4;
    static final int OPT_ENDOFOPT = 0;
    static final int OPT_COMMENT = 1;
    static final int IF_NAME = 2;
    static final int IF_DESCRIPTION = 3;
    static final int IF_TSRESOL = 9;
    static final int IF_TSOFFSET = 14;
    static final int ISB_STARTTIME = 2;
    static final int ISB_ENDTIME = 3;
    static final int ISB_IFRECV = 4;
    static final int ISB_IFDROP = 5;
    static final int ISB_FILTERACCEPT = 6;
    static final int ISB_OSDROP = 7;
    static final int ISB_USRDELIV = 8;

    /** The timestamp resolution when an IDB has no {@code if_tsresol}: microseconds. */
    static final int DEFAULT_TSRESOL = 6;

    private PcapngLayout() {
    }

    /** {@code length} rounded up to a multiple of 4. */
    static long padded(long length) {
        return (length + ALIGNMENT - 1) & -ALIGNMENT;
    }
}
