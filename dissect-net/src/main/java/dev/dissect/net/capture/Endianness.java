package dev.dissect.net.capture;

import dev.dissect.api.buffer.ByteView;
import java.nio.ByteOrder;

/** The byte order of a pcap file or pcapng section, chosen once from its magic and applied to each header read. */
enum Endianness {
    BIG {
        @Override
        int u16(ByteView v, int index) {
            return v.u16(index);
        }

        @Override
        long u32(ByteView v, int index) {
            return v.u32(index);
        }

        @Override
        long u64(ByteView v, int index) {
            return v.u64(index);
        }
    },
    LITTLE {
        @Override
        int u16(ByteView v, int index) {
            return v.u16le(index);
        }

        @Override
        long u32(ByteView v, int index) {
            return v.u32le(index);
        }

        @Override
        long u64(ByteView v, int index) {
            return v.u64le(index);
        }
    };

    abstract int u16(ByteView v, int index);

    abstract long u32(ByteView v, int index);

    /** Eight bytes; values above {@link Long#MAX_VALUE} come back negative. */
    abstract long u64(ByteView v, int index);

    ByteOrder order() {
        return this == BIG ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    static Endianness of(ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? BIG : LITTLE;
    }
}
