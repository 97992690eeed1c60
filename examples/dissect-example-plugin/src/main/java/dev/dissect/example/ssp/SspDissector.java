package dev.dissect.example.ssp;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.HeuristicDissector;

/**
 * SSP over UDP: each datagram carries one or more whole messages back to back. Registered on UDP port
 * {@link SspProvider#PORT} and as a UDP heuristic.
 *
 * <p>The loop is bounded: each message consumes at least its 6-byte header, and a broken one ends the datagram
 * (its bytes stay in the {@code ssp} layer with a diagnostic).
 */
public final class SspDissector implements HeuristicDissector {
    private final SspMessageDissector messages = new SspMessageDissector();

    @Override
    public Protocol protocol() {
        return SspFields.PROTOCOL;
    }

    /** A whole first message with SSP's magic, version 1 and a known type. */
    @Override
    public boolean accepts(ByteView data, int offset, int length) {
        return SspMessageDissector.looksLikeSsp(data, offset, length)
                && SspMessageDissector.HEADER_LENGTH + data.u16(offset + 4) <= length;
    }

    @Override
    public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
        int pos = offset;
        int end = offset + length;
        do {
            int used = messages.dissect(ctx.tree(), data, pos, end - pos);
            if (used <= 0) {
                return;
            }
            pos += used;
        } while (pos < end);
    }
}
