package dev.dissect.tls.http2;

import static dev.dissect.tls.http2.Http2Fields.*;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.stream.GapAction;
import dev.dissect.api.stream.LengthPrefixFramer;
import dev.dissect.api.stream.StreamContext;
import dev.dissect.api.stream.StreamDirection;
import dev.dissect.api.stream.StreamDissector;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/2 frames over one connection (RFC 9113 4.1): the client's connection preface, then 9-byte frame headers,
 * each followed by its payload.
 *
 * <pre>
 * +-----------------------------------------------+
 * |                 Length (24)                   |
 * +---------------+---------------+---------------+
 * |   Type (8)    |   Flags (8)   |
 * +-+-------------+---------------+-------------------------------+
 * |R|                 Stream Identifier (31)                      |
 * +=+=============================================================+
 * |                   Frame Payload (0...)                      ...
 * +---------------------------------------------------------------+
 * </pre>
 *
 * <p><b>A frame is dissected whole, in the frame that completes it</b>, as Wireshark's {@code tcp_dissect_pdus}
 * does: a frame split over segments (or TLS records) is awaited with {@link StreamContext#requestMore}. The header
 * fields ({@code http2.length}, {@code http2.type}, {@code http2.flags}, {@code http2.streamid}) come for every
 * frame; SETTINGS, WINDOW_UPDATE, RST_STREAM, GOAWAY, PING, PRIORITY, PUSH_PROMISE and the padding and priority of
 * DATA and HEADERS are read; header blocks stay bytes (no HPACK). <b>One {@code http2} layer per call</b> that
 * dissects a frame: the frames of one segment or one TLS record share a layer, as tshark shows one per call of its
 * dissector.
 *
 * <p><b>Memory is bounded:</b> a frame over {@link #MAX_REASSEMBLED} bytes shows its header at once and its
 * payload is skipped as it arrives ({@link Http2Fields#NOT_REASSEMBLED}). After lost bytes the frame boundaries
 * are lost, so the direction stops. Stateless: per-flow state lives in {@link StreamContext#flowState}.
 *
 * @since 0.1
 */
public final class Http2Dissector implements StreamDissector {
    /** The client connection preface (RFC 9113 3.4). */
    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** Octets of the preface. */
    public static final int PREFACE_LENGTH = PREFACE.length;
    /** Octets of a frame header. */
    static final int HEADER = 9;
    /** Largest frame (header and payload) awaited whole; longer ones are skipped past their header. */
    public static final int MAX_REASSEMBLED = 1024 * 1024;

    /** Frame length from the 24-bit length field: 9 header octets plus the payload. */
    private static final LengthPrefixFramer FRAMER = LengthPrefixFramer.of(0, 3, HEADER - 3, (1 << 24) - 1 + HEADER - 3);

    private static final String[] TYPE_NAMES = {"DATA", "HEADERS", "PRIORITY", "RST_STREAM", "SETTINGS",
        "PUSH_PROMISE", "PING", "GOAWAY", "WINDOW_UPDATE", "CONTINUATION", "ALTSVC", "BLOCKED", "ORIGIN"};
    private static final int FLAG_PADDED = 0x8;
    private static final int FLAG_PRIORITY = 0x20;

    /** Per-direction state. */
    private static final class Half {
        long skip; // payload bytes of an over-long frame still to skip
        boolean stopped; // after a gap: consume everything
    }

    /** Per-flow state. */
    static final class FlowState {
        final Half client = new Half();
        final Half server = new Half();
    }

    @Override
    public Protocol protocol() {
        return PROTOCOL;
    }

    /** True if {@code [at, at + avail)} starts with the connection preface, or with all of it there is so far. */
    public static boolean startsPreface(ByteView data, int at, int avail) {
        int n = Math.min(avail, PREFACE.length);
        for (int i = 0; i < n; i++) {
            if (data.u8(at + i) != (PREFACE[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int dissect(StreamContext ctx, ByteView data, int offset, int length) {
        return dissect(ctx, data, offset, length, null);
    }

    /**
     * As {@link #dissect(StreamContext, ByteView, int, int)}, for a protocol that carries HTTP/2 after an upgrade
     * or prior knowledge: {@code carrier} (HTTP/1.1's layer) is begun before each new {@code http2} layer, as
     * tshark shows {@code http:http2}. Null for none.
     */
    public int dissect(StreamContext ctx, ByteView data, int offset, int length, Protocol carrier) {
        FlowState flow = ctx.flowState(FlowState.class, FlowState::new);
        Half half = ctx.direction() == StreamDirection.CLIENT_TO_SERVER ? flow.client : flow.server;
        int consumed = 0;
        boolean layered = false; // one http2 layer per call: per TCP segment or TLS record, as tshark's
        while (consumed < length) {
            int at = offset + consumed;
            int available = length - consumed;
            if (half.stopped) {
                return length;
            }
            if (half.skip > 0) {
                int n = (int) Math.min(half.skip, available);
                half.skip -= n;
                consumed += n;
                continue;
            }
            if (data.u8(at) == 'P' && startsPreface(data, at, available)) {
                if (available < PREFACE.length) {
                    ctx.requestMore(PREFACE.length - available);
                    return consumed;
                }
                Dissection tree = layered ? ctx.tree() : layer(ctx, carrier, at, PREFACE.length);
                layered = true;
                tree.addString(MAGIC, data, at, PREFACE.length, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
                tree.appendInfo("Magic");
                consumed += PREFACE.length;
                continue;
            }
            int frame = FRAMER.frameLength(data, at, available);
            if (frame == LengthPrefixFramer.NEED_MORE) {
                ctx.requestMore(HEADER - available);
                return consumed;
            }
            if (frame > MAX_REASSEMBLED && available >= HEADER) {
                Dissection tree = layered ? ctx.tree() : layer(ctx, carrier, at, available);
                layered = true;
                header(tree, data, at);
                tree.diagnose(NOT_REASSEMBLED, at, available, frame + " bytes");
                int taken = Math.min(frame, available);
                half.skip = frame - taken;
                consumed += taken;
                continue;
            }
            if (frame > available) {
                ctx.requestMore(frame - available);
                return consumed;
            }
            Dissection tree = layered ? ctx.tree() : layer(ctx, carrier, at, frame);
            layered = true;
            frame(tree, data, at, frame);
            consumed += frame;
        }
        return consumed;
    }

    /** Stops: after lost bytes the next frame header cannot be found. */
    @Override
    public GapAction onGap(StreamContext ctx, long missing) {
        FlowState flow = ctx.flowState(FlowState.class, FlowState::new);
        (ctx.direction() == StreamDirection.CLIENT_TO_SERVER ? flow.client : flow.server).stopped = true;
        return GapAction.STOP;
    }

    /** The frame's tree, with an {@code http2} layer begun (after {@code carrier}'s, if any). */
    private static Dissection layer(StreamContext ctx, Protocol carrier, int at, int length) {
        Dissection tree = ctx.tree();
        if (carrier != null) {
            tree.beginLayer(carrier, at, length);
        }
        tree.beginLayer(PROTOCOL, at, length);
        tree.setProtocolColumn(PROTOCOL.shortName());
        if (tree.infoWanted() && tree.findLayer(PROTOCOL.filterName()) == tree.layerCount() - 1) {
            tree.info().setLength(0);
        }
        return tree;
    }


    /** The 9-byte header's fields; returns the frame type. */
    private static int header(Dissection tree, ByteView d, int at) {
        int type = d.u8(at + 3);
        tree.add(LENGTH, d, at, 3, d.u24(at));
        tree.add(TYPE, d, at + 3, 1, type);
        tree.add(FLAGS, d, at + 4, 1, d.u8(at + 4));
        long sid = d.u32(at + 5);
        tree.add(RESERVED, d, at + 5, 4, sid & 0x8000_0000L);
        tree.add(STREAM_ID, d, at + 5, 4, sid & 0x7FFF_FFFFL);
        if (tree.infoWanted()) {
            tree.appendInfo((type < TYPE_NAMES.length ? TYPE_NAMES[type] : "Unknown type (" + type + ")")
                    + "[" + (sid & 0x7FFF_FFFFL) + "]");
        }
        return type;
    }

    /** One whole frame {@code [at, at + length)}, header included. */
    private static void frame(Dissection tree, ByteView d, int at, int length) {
        int type = header(tree, d, at);
        int flags = d.u8(at + 4);
        int p = at + HEADER;
        int end = at + length;
        switch (type) {
            case 0 -> { // DATA
                int last = padded(tree, d, p, end, flags);
                if (last < 0) {
                    return;
                }
                p += (flags & FLAG_PADDED) != 0 ? 1 : 0;
                tree.addBytes(DATA, d, p, last - p);
            }
            case 1 -> { // HEADERS
                int last = padded(tree, d, p, end, flags);
                if (last < 0) {
                    return;
                }
                p += (flags & FLAG_PADDED) != 0 ? 1 : 0;
                if ((flags & FLAG_PRIORITY) != 0) {
                    if (last - p < 5) {
                        tree.diagnose(BAD_PAYLOAD, at, length, "HEADERS priority needs 5 bytes");
                        return;
                    }
                    priority(tree, d, p);
                    p += 5;
                }
                tree.addBytes(HEADER_BLOCK, d, p, last - p);
            }
            case 2 -> { // PRIORITY
                if (end - p < 5) {
                    tree.diagnose(BAD_PAYLOAD, at, length, "PRIORITY needs 5 bytes");
                    return;
                }
                priority(tree, d, p);
            }
            case 3 -> u32(tree, RST_STREAM_ERROR, d, p, end, at, length, "RST_STREAM");
            case 4 -> settings(tree, d, p, end, at, length);
            case 5 -> { // PUSH_PROMISE
                int last = padded(tree, d, p, end, flags);
                if (last < 0) {
                    return;
                }
                p += (flags & FLAG_PADDED) != 0 ? 1 : 0;
                if (last - p < 4) {
                    tree.diagnose(BAD_PAYLOAD, at, length, "PUSH_PROMISE needs 4 bytes");
                    return;
                }
                long promised = d.u32(p);
                tree.add(PUSH_PROMISE_RESERVED, d, p, 4, promised & 0x8000_0000L);
                tree.add(PROMISED_STREAM_ID, d, p, 4, promised & 0x7FFF_FFFFL);
                tree.addBytes(PUSH_PROMISE_HEADER, d, p + 4, last - p - 4);
            }
            case 6 -> { // PING
                if (end - p < 8) {
                    tree.diagnose(BAD_PAYLOAD, at, length, "PING needs 8 bytes");
                    return;
                }
                tree.addBytes(PING, d, p, 8);
            }
            case 7 -> { // GOAWAY
                if (end - p < 8) {
                    tree.diagnose(BAD_PAYLOAD, at, length, "GOAWAY needs 8 bytes");
                    return;
                }
                tree.add(RESERVED, d, p, 4, d.u32(p) & 0x8000_0000L);
                tree.add(GOAWAY_LAST_STREAM_ID, d, p, 4, d.u32(p) & 0x7FFF_FFFFL);
                tree.add(GOAWAY_ERROR, d, p + 4, 4, d.u32(p + 4));
                if (end - p > 8) {
                    tree.addBytes(GOAWAY_DATA, d, p + 8, end - p - 8);
                }
            }
            case 8 -> { // WINDOW_UPDATE
                if (end - p < 4) {
                    tree.diagnose(BAD_PAYLOAD, at, length, "WINDOW_UPDATE needs 4 bytes");
                    return;
                }
                tree.add(WINDOW_UPDATE_RESERVED, d, p, 4, d.u32(p) & 0x8000_0000L);
                tree.add(WINDOW_SIZE_INCREMENT, d, p, 4, d.u32(p) & 0x7FFF_FFFFL);
            }
            default -> {
                // CONTINUATION, ALTSVC, ORIGIN and unknown types: the header only
            }
        }
    }

    /**
     * Reads the Pad Length of a PADDED frame; returns where the padding starts (the payload's end without padding),
     * or -1 after a diagnostic if the padding does not fit.
     */
    private static int padded(Dissection tree, ByteView d, int p, int end, int flags) {
        if ((flags & FLAG_PADDED) == 0) {
            return end;
        }
        if (end - p < 1) {
            tree.diagnose(BAD_PAYLOAD, p, 0, "no Pad Length");
            return -1;
        }
        int pad = d.u8(p);
        tree.add(PAD_LENGTH, d, p, 1, pad);
        if (pad > end - p - 1) {
            tree.diagnose(BAD_PAYLOAD, p, end - p, "padding " + pad + " longer than the payload");
            return -1;
        }
        return end - pad;
    }

    private static void priority(Dissection tree, ByteView d, int p) {
        long dep = d.u32(p);
        tree.add(EXCLUSIVE, d, p, 4, (dep & 0x8000_0000L) != 0 ? 1 : 0);
        tree.add(STREAM_DEPENDENCY, d, p, 4, dep & 0x7FFF_FFFFL);
        tree.add(WEIGHT, d, p + 4, 1, d.u8(p + 4));
        tree.add(WEIGHT_REAL, d, p + 4, 1, d.u8(p + 4) + 1);
    }

    private static void u32(Dissection tree, FieldDef def, ByteView d, int p, int end, int at,
                            int length, String what) {
        if (end - p < 4) {
            tree.diagnose(BAD_PAYLOAD, at, length, what + " needs 4 bytes");
            return;
        }
        tree.add(def, d, p, 4, d.u32(p));
    }

    private static void settings(Dissection tree, ByteView d, int p, int end, int at, int length) {
        if ((end - p) % 6 != 0) {
            tree.diagnose(BAD_PAYLOAD, at, length, "SETTINGS length " + (end - p) + " is not a multiple of 6");
        }
        for (; end - p >= 6; p += 6) {
            int id = d.u16(p);
            tree.add(SETTINGS_ID, d, p, 2, id);
            tree.add(id < SETTINGS_BY_ID.length ? SETTINGS_BY_ID[id] : SETTINGS_UNKNOWN, d, p + 2, 4, d.u32(p + 2));
        }
    }
}
