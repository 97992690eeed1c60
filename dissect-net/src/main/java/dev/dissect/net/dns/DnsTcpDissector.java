package dev.dissect.net.dns;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.stream.FramingStreamDissector;
import dev.dissect.api.stream.LengthPrefixFramer;
import dev.dissect.api.stream.StreamContext;

/**
 * DNS over TCP (RFC 1035 section 4.2.2, RFC 7766): each message is preceded by its length in two bytes.
 *
 * <pre>
 * +--------+----------------------+--------+---------------+
 * | 00 1C  | message (28 bytes)   | 00 1C  | message ...   |
 * +--------+----------------------+--------+---------------+
 *  dns.length                      dns.length
 * </pre>
 *
 * <p><b>Framing is the stream SPI's:</b> {@link FramingStreamDissector} with {@code LengthPrefixFramer.of(0, 2, 0,
 * 65_535)} hands over whole messages, several from one segment or one from many. Each message is a {@code dns}
 * layer (length field included) of the frame that completed it, and is dissected by the shared
 * {@link DnsMessageDissector}: queries and responses match within the TCP stream. After lost bytes the stream
 * stops (a length prefix cannot be found again).
 *
 * <h2>Layers as tshark counts them</h2>
 * tshark's TCP calls DNS once for a message completed from earlier segments and once for the rest of the segment,
 * however many messages that holds ({@code tcp_dissect_pdus} then walks them in one call). So three whole messages
 * in one segment are {@code tcp:dns}, and the tail of one message followed by a whole one is {@code tcp:dns:dns}
 * ({@code frame.protocols}). We do the same: a message that began in an earlier frame is a layer of its own;
 * messages wholly in the current frame share one layer, whose fields come message after message.
 *
 * <p>Registered on {@code tcp.port} 53 and 5353, as tshark 4.0 does (both as {@code dns}; LLMNR over TCP is not
 * registered by tshark either).
 */
public final class DnsTcpDissector extends FramingStreamDissector {
    /** DNS over TCP's framing: a two-byte big-endian length, any value. */
    public static final LengthPrefixFramer FRAMER = LengthPrefixFramer.of(0, 2, 0, 65_535);

    private final DnsMessageDissector messages;
    /** The shared layer of this frame's whole messages: only valid while it is still the record's last layer. */
    private Dissection sharedTree;
    private long sharedFrame;
    private int sharedLayer = -1;

    /** A stream dissector that shares {@code messages} (and so the engine's matching) with the UDP dissectors. */
    public DnsTcpDissector(DnsMessageDissector messages) {
        super(FRAMER);
        this.messages = messages;
    }

    @Override
    public Protocol protocol() {
        return DnsFlavor.DNS.protocol();
    }

    @Override
    protected void dissectFrame(StreamContext ctx, ByteView data, int offset, int length) {
        Dissection tree = ctx.tree();
        long frame = ctx.frame().number();
        boolean whollyHere = ctx.frameOf(offset) == frame;
        boolean share = whollyHere && tree == sharedTree && frame == sharedFrame
                && sharedLayer == tree.layerCount() - 1 && sharedLayer >= 0
                && tree.layerProtocol(sharedLayer) == DnsFlavor.DNS.protocol();
        messages.dissectTcpMessage(ctx, data, offset, length, !share);
        if (whollyHere) {
            sharedTree = tree;
            sharedFrame = frame;
            sharedLayer = tree.layerCount() - 1;
        } else {
            sharedLayer = -1;
        }
    }
}
