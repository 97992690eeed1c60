package dev.dissect.example.ssp;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.stream.FramingStreamDissector;
import dev.dissect.api.stream.HeuristicStreamDissector;
import dev.dissect.api.stream.LengthPrefixFramer;
import dev.dissect.api.stream.StreamContext;

/**
 * SSP over TCP: a stream of length-prefixed messages. {@link FramingStreamDissector} owns the loop and the
 * "N more bytes" requests; this class only dissects one whole message. Registered on TCP port
 * {@link SspProvider#PORT} and as a TCP stream heuristic.
 *
 * <pre>
 * of(4, 2, 0, 65_535): the length is the u2 at offset 4 and counts the body only
 * +------+----+----+--------+------------------+
 * | "SS" | 01 | 02 | 00 16  | 22 bytes of body |   frame = 6 + 22
 * +------+----+----+--------+------------------+
 * </pre>
 */
public final class SspStreamDissector extends FramingStreamDissector implements HeuristicStreamDissector {
    private final SspMessageDissector messages = new SspMessageDissector();

    /** Creates the dissector; one instance serves every flow (it keeps no per-flow state). */
    public SspStreamDissector() {
        super(LengthPrefixFramer.of(4, 2, 0, 65_535));
    }

    @Override
    public Protocol protocol() {
        return SspFields.PROTOCOL;
    }

    /** The flow's first bytes carry SSP's magic, version 1 and a known type. */
    @Override
    public boolean accepts(ByteView data, int offset, int length) {
        return SspMessageDissector.looksLikeSsp(data, offset, length);
    }

    @Override
    protected void dissectFrame(StreamContext ctx, ByteView data, int offset, int length) {
        messages.dissect(ctx.tree(), data, offset, length);
    }
}
