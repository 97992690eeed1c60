package dev.dissect.hostile;

import java.nio.ByteOrder;

/**
 * Writes pcap and pcapng files field by field, so a test can put any value in any field: lengths that lie,
 * trailers that disagree, versions nobody wrote. Honest defaults everywhere else.
 *
 * <pre>
 * pcap    24-byte header (magic, 2.4, zone, sigfigs, snaplen, network), then records:
 *         ts_sec  ts_frac  incl_len  orig_len  data[incl_len]
 * pcapng  blocks: type  total_length  body...  total_length
 * </pre>
 */
final class CaptureFiles {
    static final int LINKTYPE_ETHERNET = 1;
    static final int PCAP_MICROS = 0xA1B2C3D4;
    static final int SHB = 0x0A0D0D0A;
    static final int IDB = 1;
    static final int EPB = 6;
    static final int SPB = 3;

    private CaptureFiles() {
    }

    // ---- pcap ----

    static Bytes pcapHeader(ByteOrder order, long snaplen, int linkType) {
        return new Bytes(order).u32(PCAP_MICROS).u16(2).u16(4).u32(0).u32(0).u32(snaplen).u32(linkType);
    }

    static Bytes pcapHeader(long snaplen) {
        return pcapHeader(ByteOrder.LITTLE_ENDIAN, snaplen, LINKTYPE_ETHERNET);
    }

    /** One record with the data's own length as incl_len and orig_len. */
    static Bytes pcapRecord(Bytes file, long seconds, long micros, byte[] data) {
        return pcapRecord(file, seconds, micros, data.length, data.length, data);
    }

    static Bytes pcapRecord(Bytes file, long seconds, long fraction, long inclLen, long origLen, byte[] data) {
        return file.u32(seconds).u32(fraction).u32(inclLen).u32(origLen).bytes(data);
    }

    // ---- pcapng ----

    /** A pcapng file being written in one byte order (sections may switch: start another with {@link #shb}). */
    static final class Pcapng {
        private ByteOrder order;
        private final java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();

        Pcapng(ByteOrder order) {
            this.order = order;
        }

        /** A Section Header Block, version {@code major}.0, section length unknown. */
        Pcapng shb(ByteOrder sectionOrder, int major) {
            this.order = sectionOrder;
            byte[] body = new Bytes(order).u32(0x1A2B3C4D).u16(major).u16(0).u64(-1).build();
            return block(SHB, body);
        }

        Pcapng shb() {
            return shb(order, 1);
        }

        /** An Interface Description Block with the given options ({@code code, value} pairs as built by {@link #option}). */
        Pcapng idb(int linkType, long snaplen, byte[]... options) {
            Bytes body = new Bytes(order).u16(linkType).u16(0).u32(snaplen);
            for (byte[] o : options) {
                body.bytes(o);
            }
            if (options.length > 0) {
                body.u16(0).u16(0);
            }
            return block(IDB, body.build());
        }

        /** An option: code, length, value padded to 4. */
        byte[] option(int code, byte[] value) {
            return new Bytes(order).u16(code).u16(value.length).bytes(value).pad4().build();
        }

        /** An option whose length field says {@code claimed} whatever the value's size. */
        byte[] optionClaiming(int code, int claimed, byte[] value) {
            return new Bytes(order).u16(code).u16(claimed).bytes(value).pad4().build();
        }

        Pcapng epb(long interfaceId, long ticks, byte[] data) {
            return block(EPB, epbBody(interfaceId, ticks, data.length, data.length, data));
        }

        byte[] epbBody(long interfaceId, long ticks, long captured, long original, byte[] data) {
            return new Bytes(order).u32(interfaceId).u32(ticks >>> 32).u32(ticks).u32(captured).u32(original)
                    .bytes(data).pad4().build();
        }

        /** A block with honest length and trailer. */
        Pcapng block(int type, byte[] body) {
            int length = 12 + body.length;
            return rawBlock(type, length, body, length);
        }

        /** A block with any length and trailer, body written as given (no padding added). */
        Pcapng rawBlock(int type, long length, byte[] body, long trailer) {
            all.writeBytes(new Bytes(order).u32(type).u32(length).bytes(body).u32(trailer).build());
            return this;
        }

        /** Raw bytes, e.g. a block header and nothing after it. */
        Pcapng raw(byte[] bytes) {
            all.writeBytes(bytes);
            return this;
        }

        Bytes words() {
            return new Bytes(order);
        }

        byte[] build() {
            return all.toByteArray();
        }
    }

    static Pcapng pcapng() {
        return new Pcapng(ByteOrder.LITTLE_ENDIAN).shb();
    }
}
