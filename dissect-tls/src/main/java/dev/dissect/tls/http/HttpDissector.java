package dev.dissect.tls.http;

import static dev.dissect.tls.http.HttpFields.PROTOCOL;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.frame.FrameView;
import dev.dissect.api.stream.GapAction;
import dev.dissect.api.stream.StreamContext;
import dev.dissect.api.stream.StreamDirection;
import dev.dissect.api.stream.HeuristicStreamDissector;
import dev.dissect.net.engine.CoreFields;
import dev.dissect.net.engine.Limits;
import dev.dissect.tls.cert.CertificateFields;
import dev.dissect.tls.http2.Http2Dissector;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * HTTP/1.0 and HTTP/1.1 over a byte stream: cleartext TCP, or the plaintext of a decrypted TLS connection.
 *
 * <pre>
 * GET /hello.http HTTP/1.1\r\n            request line: method SP request-target SP version
 * Host: 127.0.0.1\r\n                      header lines
 * \r\n                                     end of the head
 * [body]                                   Content-Length bytes, chunked, or (responses) until the connection closes
 * </pre>
 *
 * <p><b>A message is dissected whole, in the frame that completes it</b>, as Wireshark does: the head is awaited
 * (asking one more byte at a time), then the body by its exact length ({@link StreamContext#requestMore}); a
 * response without a length ends with the connection ({@link StreamContext#requestUntilEnd}). Keep-alive and
 * pipelined messages follow one another; responses to HEAD, 1xx, 204 and 304 have no body.
 *
 * <p><b>Memory is bounded:</b> a head over {@link #MAX_HEAD} bytes stops the direction with
 * {@link HttpFields#HEAD_TOO_LONG}; at most {@link #MAX_HEADER_LINES} header lines are recorded; a body over
 * {@link #MAX_BODY} bytes is skipped as it arrives ({@link HttpFields#BODY_NOT_REASSEMBLED}); at most
 * {@link #MAX_PENDING_REQUESTS} requests wait for their responses. These are the defaults; the session's
 * {@link HttpLimits} set them per flow. Bytes that do not start a message are consumed as continuation data (an
 * http layer with a data layer), or, before the connection's first message, with no layer at all, as tshark shows
 * them.
 *
 * <p>Field names and info text are tshark's: {@code GET / HTTP/1.1 } and {@code HTTP/1.1 200 OK  (text/html)}
 * (tshark ends the first line with a space). Stateless: per-flow state lives in {@link StreamContext#flowState}.
 *
 * @since 0.1
 */
public final class HttpDissector implements HeuristicStreamDissector {
    /** Longest request or status line plus headers, by default. */
    public static final int MAX_HEAD = 64 * 1024;
    /** Header lines recorded per message, by default. */
    public static final int MAX_HEADER_LINES = 256;
    /** Largest body reassembled, by default. */
    public static final int MAX_BODY = 1024 * 1024;
    /** Requests remembered per flow until their responses come, by default. */
    public static final int MAX_PENDING_REQUESTS = 64;

    private static final int NEED_MORE = -1;
    private static final int BAD = -2;

    private final String scheme;
    private final Http2Dissector http2 = new Http2Dissector();

    /** An HTTP dissector for cleartext TCP ({@code http://} in full URIs). */
    public HttpDissector() {
        this("http");
    }

    /** An HTTP dissector whose full URIs use {@code scheme}: {@code https} behind TLS. */
    public HttpDissector(String scheme) {
        this.scheme = scheme;
    }

    @Override
    public Protocol protocol() {
        return PROTOCOL;
    }

    /** One request waiting for its response. */
    private record Pending(String method, String fullUri, long frame, long seconds, int nanos) {
    }

    /** Per-direction state. */
    private static final class Half {
        long skip; // body bytes still to skip (over maxBody)
        boolean stopped; // after a fatal problem: consume everything
        boolean http2; // after the HTTP/2 preface or an upgrade to h2c: HTTP/2 frames from here on
        long layerFrame = -1; // the frame, and its http layer, that messages beginning in that frame share
        int layer = -1;
        // the message held over waits for a head's end or a chunk (tshark: one more segment), not a known length
        boolean oneMoreSegment;
        long tunnelBytes; // bytes of a CONNECT tunnel seen in this direction, and whether they began with TLS
        boolean tunnelTls;
    }

    /** Per-flow state, with the session's caps as the flow began. */
    static final class FlowState {
        final Half client = new Half();
        final Half server = new Half();
        final ArrayDeque<Pending> pending = new ArrayDeque<>();
        long requests;
        long messages; // requests and responses dissected, both directions
        boolean tunnel; // after a 2xx response to CONNECT: the connection carries another protocol's bytes
        boolean capped;
        int maxHead;
        int maxHeaderLines;
        int maxBody;
        int maxPending;

        void cap(Limits limits) {
            maxHead = limits.getInt(HttpLimits.MAX_HEAD_SIZE);
            maxHeaderLines = limits.getInt(HttpLimits.MAX_HEADER_LINES);
            maxBody = limits.getInt(HttpLimits.MAX_BODY_SIZE);
            maxPending = limits.getInt(HttpLimits.MAX_PENDING_REQUESTS);
            capped = true;
        }
    }

    /** The flow's state, its caps read from the session once (no lambda is made per call). */
    private static FlowState flow(StreamContext ctx) {
        FlowState flow = ctx.flowState(FlowState.class, FlowState::new);
        if (!flow.capped) {
            flow.cap(Limits.orDefaults(ctx.sessionState(Limits.class, Limits::defaults)));
        }
        return flow;
    }

    @Override
    public int dissect(StreamContext ctx, ByteView data, int offset, int length) {
        FlowState flow = flow(ctx);
        Half half = ctx.direction() == StreamDirection.CLIENT_TO_SERVER ? flow.client : flow.server;
        int consumed = 0;
        while (consumed < length) {
            int at = offset + consumed;
            int available = length - consumed;
            if (half.stopped) {
                return length;
            }
            if (flow.tunnel) {
                tunnel(ctx, half, data, at, available);
                return length;
            }
            if (half.skip > 0) {
                int n = (int) Math.min(half.skip, available);
                half.skip -= n;
                consumed += n;
                continue;
            }
            if (!half.http2 && data.u8(at) == 'P' && Http2Dissector.startsPreface(data, at, available)) {
                if (available < Http2Dissector.PREFACE_LENGTH) {
                    ctx.requestMore(Http2Dissector.PREFACE_LENGTH - available);
                    return consumed;
                }
                flow.client.http2 = true; // prior knowledge (RFC 9113 3.3): both sides speak HTTP/2 from here
                flow.server.http2 = true;
            }
            if (half.http2) {
                return consumed + http2.dissect(ctx, data, at, available, PROTOCOL);
            }
            int used = message(ctx, flow, half, data, at, available, false);
            if (used <= 0) {
                return consumed;
            }
            consumed += used;
        }
        return consumed;
    }

    @Override
    public void onEnd(StreamContext ctx, ByteView data, int offset, int length) {
        if (length == 0) {
            return;
        }
        FlowState flow = flow(ctx);
        Half half = ctx.direction() == StreamDirection.CLIENT_TO_SERVER ? flow.client : flow.server;
        if (half.http2) {
            return; // an HTTP/2 frame cut short by the end stays undissected, as tshark leaves it
        }
        int consumed = 0;
        while (consumed < length && !half.stopped && half.skip == 0) {
            int used = message(ctx, flow, half, data, offset + consumed, length - consumed, true);
            if (used <= 0) {
                // as tshark: a message the stream's end cut short is never shown (no http layer); the note stays
                ctx.tree().diagnose(HttpFields.TRUNCATED, offset + consumed, length - consumed, null);
                return;
            }
            consumed += used;
        }
    }

    @Override
    public GapAction onGap(StreamContext ctx, long missing) {
        FlowState flow = flow(ctx);
        Half half = ctx.direction() == StreamDirection.CLIENT_TO_SERVER ? flow.client : flow.server;
        half.skip = 0;
        if (half.http2) {
            return http2.onGap(ctx, missing);
        }
        return GapAction.RESYNCHRONIZE;
    }

    /**
     * Dissects the message at {@code at} if it is all there.
     *
     * @param atEnd the direction has ended: a body without a length ends here
     * @return bytes consumed; 0 after asking for more
     */
    private int message(StreamContext ctx, FlowState flow, Half half, ByteView data, int at, int available,
                        boolean atEnd) {
        int lead = 0; // stray CRLFs between messages
        while (lead < available && (data.u8(at + lead) == '\r' || data.u8(at + lead) == '\n')) {
            lead++;
        }
        if (lead == available) {
            return lead;
        }
        int start = at + lead;
        int avail = available - lead;
        if (!startsMessage(data, start, avail)) {
            if (!hasLineEnd(data, at, available)) {
                // as tshark: bytes without a line end wait for one (one more segment), and are never shown if the
                // stream ends first
                if (!atEnd) {
                    ctx.requestMore(1);
                    half.oneMoreSegment = true;
                }
                return 0;
            }
            if (flow.messages > 0) {
                continuation(ctx, data, at, available);
            } // else: as tshark, bytes before any message of the connection show no http (nor data) layer
            return available;
        }
        int headLength = headLength(data, start, Math.min(avail, flow.maxHead));
        if (headLength < 0) {
            if (avail >= flow.maxHead) {
                Dissection tree = ctx.tree();
                tree.beginLayer(PROTOCOL, start, avail);
                tree.diagnose(HttpFields.HEAD_TOO_LONG, start, avail, "more than " + flow.maxHead + " bytes");
                half.stopped = true;
                return available;
            }
            if (!atEnd) {
                ctx.requestMore(1);
                half.oneMoreSegment = true;
            }
            return 0;
        }
        Head head = Head.parse(data, start, headLength, flow.maxHeaderLines);
        boolean request = !head.isResponse;
        long bodyLength;
        boolean untilClose = false;
        Pending answered = request ? null : flow.pending.peekFirst();
        // RFC 9110 9.3.6 and 15.2.2: a 2xx response to CONNECT, or a 101 switching to another protocol than
        // h2c (WebSocket), hands the connection to another protocol
        boolean tunnelOpened = !request && (head.status / 100 == 2 && answered != null
                && answered.method.equals("CONNECT") || head.status == 101 && !head.upgradeH2c);
        if (!request && (head.status / 100 == 1 || head.status == 204 || head.status == 304
                || answered != null && answered.method.equals("HEAD")) || tunnelOpened) {
            bodyLength = 0; // RFC 9110 9.3.6: a 2xx response to CONNECT has no body, the tunnel follows
            flow.tunnel |= tunnelOpened;
        } else if (head.chunked) {
            bodyLength = chunkedLength(data, start + headLength, avail - headLength, flow.maxHead);
            if (bodyLength == BAD) {
                dissectHead(ctx, flow, head, data, start, headLength, 0);
                ctx.tree().diagnose(HttpFields.BAD_CHUNK, start + headLength, avail - headLength, null);
                half.stopped = true;
                return available;
            }
            if (bodyLength == NEED_MORE) {
                if (avail - headLength > flow.maxBody) {
                    dissectHead(ctx, flow, head, data, start, headLength, 0);
                    ctx.tree().diagnose(HttpFields.BODY_NOT_REASSEMBLED, start + headLength, avail - headLength,
                            "chunked body over " + flow.maxBody + " bytes");
                    half.stopped = true; // the chunk boundaries are lost with the body
                    return available;
                }
                if (!atEnd) {
                    ctx.requestMore(1);
                    half.oneMoreSegment = true;
                }
                return 0;
            }
        } else if (head.contentLength >= 0) {
            bodyLength = head.contentLength;
        } else if (head.contentLength == BAD) {
            dissectHead(ctx, flow, head, data, start, headLength, 0);
            ctx.tree().diagnose(HttpFields.BAD_CONTENT_LENGTH, start, headLength, null);
            half.stopped = true;
            return available;
        } else if (request) {
            bodyLength = 0;
        } else {
            untilClose = true;
            bodyLength = atEnd ? avail - headLength : Long.MAX_VALUE;
        }
        if (untilClose && !atEnd) {
            ctx.requestUntilEnd();
            return 0;
        }
        long total = headLength + bodyLength;
        if (total <= avail) {
            dissectHead(ctx, flow, head, data, start, headLength, (int) bodyLength);
            if (!request && head.status == 101 && head.upgradeH2c) { // RFC 7540 3.2: h2c after this response
                flow.client.http2 = true;
                flow.server.http2 = true;
            }
            return lead + (int) total;
        }
        if (bodyLength > flow.maxBody) {
            dissectHead(ctx, flow, head, data, start, headLength, 0);
            ctx.tree().diagnose(HttpFields.BODY_NOT_REASSEMBLED, start + headLength, avail - headLength,
                    bodyLength + " bytes");
            half.skip = bodyLength - (avail - headLength);
            return available;
        }
        if (atEnd) {
            return 0;
        }
        ctx.requestMore((int) (total - avail));
        half.oneMoreSegment = false;
        return 0;
    }

    /**
     * Bytes of a CONNECT tunnel: as tshark, an http layer over them (its HTTP dissector hands them to the dissector
     * of the CONNECT's port, which we do not call); one per call, as for messages. A direction whose tunnel starts
     * with a TLS handshake record shows no layer: tshark's TLS inside the tunnel holds segments for its records,
     * and HTTP shows only where TLS is called, which we cannot tell without dissecting TLS there.
     */
    private static void tunnel(StreamContext ctx, Half half, ByteView data, int at, int length) {
        if (half.tunnelBytes == 0) {
            half.tunnelTls = length >= 2 && data.u8(at) == 22 && data.u8(at + 1) == 3;
        }
        half.tunnelBytes += length;
        if (!half.tunnelTls) {
            ctx.tree().setProtocolColumn(PROTOCOL.shortName());
            messageLayer(ctx, half, at, length);
        }
    }

    private static void continuation(StreamContext ctx, ByteView data, int at, int length) {
        Dissection tree = ctx.tree();
        tree.setProtocolColumn(PROTOCOL.shortName());
        int layer = tree.beginLayer(PROTOCOL, at, length);
        if (tree.infoWanted() && tree.findLayer(PROTOCOL.filterName()) == layer) {
            tree.info().setLength(0);
            tree.info().append("Continuation");
        }
        // as tshark: the bytes go to the data dissector, a layer of their own
        tree.beginLayer(CoreFields.DATA, at, length);
        tree.addBytes(CoreFields.DATA_DATA, data, at, length);
        tree.add(CoreFields.DATA_LEN, data, at, length, length);
    }

    /**
     * The layers tshark shows for a body, where we know them: OCSP requests and responses (RFC 6960 A.1); a data
     * layer for a body without a media type or of {@code application/octet-stream}, unless it starts like an image
     * tshark's HTTP heuristics recognise (PNG, JPEG, GIF). Other media types are left to rule 1 of the conformance
     * suite: tshark calls their dissectors (or {@code media}), which we do not have.
     */
    private static void bodyLayers(Dissection tree, Head head, ByteView data, int at, int length) {
        String media = null;
        if (head.contentType != null) {
            int semi = head.contentType.indexOf(';');
            media = (semi < 0 ? head.contentType : head.contentType.substring(0, semi)).strip();
        }
        if (media != null && media.equalsIgnoreCase("application/ocsp-response")) {
            CertificateFields.ocspMediaLayers(tree, data, at, length, true);
        } else if (media != null && media.equalsIgnoreCase("application/ocsp-request")) {
            CertificateFields.ocspMediaLayers(tree, data, at, length, false);
        } else if ((media == null || media.equalsIgnoreCase("application/octet-stream"))
                && !startsLikeImage(data, at, length)) {
            tree.beginLayer(CoreFields.DATA, at, length);
            tree.addBytes(CoreFields.DATA_DATA, data, at, length);
            tree.add(CoreFields.DATA_LEN, data, at, length, length);
        }
    }

    /** PNG, JPEG (JFIF/Exif) or GIF signatures, which tshark's heuristics on HTTP bodies take whatever the type. */
    private static boolean startsLikeImage(ByteView data, int at, int length) {
        if (length >= 4 && data.u32(at) == 0x89504E47L) {
            return true; // \x89PNG
        }
        if (length >= 3 && data.u16(at) == 0xFFD8 && data.u8(at + 2) == 0xFF) {
            return true;
        }
        return length >= 4 && data.u32(at) == 0x47494638L; // GIF8
    }

    /**
     * The http layer of a message, as tshark 4.0 adds them: one per call of its HTTP dissector, which loops over
     * every message of the bytes TCP hands it. A message completed from earlier frames' bytes (a reassembled PDU)
     * has a layer of its own; the messages beginning in this frame share one more, after their bodies' layers. But
     * a message that waited for its head's end or for a chunk asked tshark's TCP for one more segment, whose bytes
     * all came in that one call: the messages after it in this frame share its layer.
     */
    private static int messageLayer(StreamContext ctx, Half half, int start, int length) {
        Dissection tree = ctx.tree();
        long frame = ctx.frame().number();
        boolean continued = ctx.frameOf(start) != frame;
        if (!continued && half.layerFrame == frame && half.layer < tree.layerCount()
                && tree.layerProtocol(half.layer) == PROTOCOL) {
            tree.resumeLayer(half.layer);
            tree.setLayerLength(half.layer, start + length - tree.layerOffset(half.layer));
            return half.layer;
        }
        int layer = tree.beginLayer(PROTOCOL, start, length);
        half.layerFrame = continued && !half.oneMoreSegment ? -1 : frame;
        half.layer = layer;
        return layer;
    }

    private void dissectHead(StreamContext ctx, FlowState flow, Head head, ByteView data, int start,
                             int headLength, int bodyLength) {
        Dissection tree = ctx.tree();
        tree.setProtocolColumn(PROTOCOL.shortName());
        Half half = ctx.direction() == StreamDirection.CLIENT_TO_SERVER ? flow.client : flow.server;
        boolean firstInFrame = tree.findLayer(PROTOCOL.filterName()) < 0;
        messageLayer(ctx, half, start, headLength + bodyLength);
        flow.messages++;
        int lineEnd = head.firstLineLength;
        String fullUri = null;
        if (!head.isResponse) {
            tree.add(HttpFields.REQUEST, data, start, lineEnd, 1);
            tree.addString(HttpFields.REQUEST_METHOD, data, start, head.part1.length(), head.part1);
            tree.addString(HttpFields.REQUEST_URI, data, start, lineEnd, head.part2);
            tree.addString(HttpFields.REQUEST_VERSION, data, start, lineEnd, head.part3);
        } else {
            tree.add(HttpFields.RESPONSE, data, start, lineEnd, 1);
            tree.addString(HttpFields.RESPONSE_VERSION, data, start, lineEnd, head.part1);
            tree.add(HttpFields.RESPONSE_CODE, data, start, lineEnd, head.status);
            tree.addString(HttpFields.RESPONSE_CODE_DESC, data, start, lineEnd,
                    HttpFields.statusDescription(head.status));
            tree.addString(HttpFields.RESPONSE_PHRASE, data, start, lineEnd, head.part3);
        }
        FieldDef lineField = head.isResponse ? HttpFields.RESPONSE_LINE : HttpFields.REQUEST_LINE;
        for (int i = 0; i < head.headerCount; i++) {
            int off = head.lineOffset[i];
            int len = head.lineLength[i];
            tree.addString(lineField, data, off, len + 2, data.latin1(off, len) + "\r\n");
            FieldDef f = HttpFields.headerField(head.name[i]);
            if (f != null) {
                tree.addString(f, data, off, len, head.value[i]);
            }
            if (f == HttpFields.CONTENT_LENGTH_HEADER && head.contentLength >= 0) {
                tree.add(HttpFields.CONTENT_LENGTH, data, off, len, head.contentLength);
            }
        }
        if (head.headerLimitHit) {
            tree.diagnose(HttpFields.TOO_MANY_HEADERS, start, headLength, "more than " + flow.maxHeaderLines);
        }
        FrameView frame = ctx.frame();
        if (!head.isResponse) {
            flow.requests++;
            fullUri = head.part2.startsWith("/") && head.host != null ? scheme + "://" + head.host + head.part2
                    : head.part2;
            tree.addString(HttpFields.REQUEST_FULL_URI, data, start, lineEnd, fullUri);
            tree.add(HttpFields.REQUEST_NUMBER, data, start, lineEnd, flow.requests);
            if (flow.pending.size() >= flow.maxPending) {
                flow.pending.pollFirst();
            }
            flow.pending.addLast(new Pending(head.part1, fullUri, frame.number(), frame.epochSecond(),
                    frame.nanos()));
        } else if (head.status / 100 != 1 && !flow.pending.isEmpty()) {
            Pending p = flow.pending.pollFirst();
            tree.addString(HttpFields.RESPONSE_FOR_URI, data, start, lineEnd, p.fullUri);
            tree.add(HttpFields.REQUEST_IN, data, start, lineEnd, p.frame);
            long nanos = (frame.epochSecond() - p.seconds) * 1_000_000_000L + frame.nanos() - p.nanos;
            tree.addTime(HttpFields.TIME, Math.floorDiv(nanos, 1_000_000_000L),
                    (int) Math.floorMod(nanos, 1_000_000_000L));
        }
        int bodyStart = start + headLength;
        if (bodyLength > 0) {
            if (head.chunked) {
                addChunks(tree, data, bodyStart, bodyLength);
            } else {
                tree.addString(HttpFields.FILE_DATA, data, bodyStart, bodyLength, data.latin1(bodyStart, bodyLength));
            }
            bodyLayers(tree, head, data, bodyStart, bodyLength); // last: the layers take no http field
        }
        if (tree.infoWanted()) {
            StringBuilder info = tree.info();
            if (firstInFrame) {
                info.setLength(0); // the first HTTP message of this frame describes it
            } else {
                info.append(", ");
            }
            info.append(data.latin1(start, lineEnd)).append(' ');
            if (head.contentType != null) {
                int semi = head.contentType.indexOf(';');
                info.append(" (").append(semi < 0 ? head.contentType : head.contentType.substring(0, semi).strip())
                        .append(')');
            }
        }
    }

    /** Records each chunk's size and the de-chunked body as {@code http.file_data}. */
    private static void addChunks(Dissection tree, ByteView data, int at, int length) {
        StringBuilder body = new StringBuilder();
        int end = at + length;
        while (at < end) {
            int lineEnd = findCrlf(data, at, end - at);
            int size = chunkSize(data, at, lineEnd - at);
            tree.add(HttpFields.CHUNK_SIZE, data, at, lineEnd - at, size);
            at = lineEnd + 2;
            if (size == 0) {
                break;
            }
            body.append(data.latin1(at, size));
            at += size + 2;
        }
        tree.addString(HttpFields.FILE_DATA, data, at, 0, body);
    }

    /**
     * tshark 4.0's HTTP heuristic on TCP ({@code dissect_http_heur_tcp}), so that both find HTTP on the same
     * connections: the first line, ended by CR or LF within these bytes, starts with {@code HTTP/1.} (a status line)
     * or ends with it and a version digit (a request line); a line of exactly 8 characters is refused, as tshark does.
     */
    @Override
    public boolean accepts(ByteView data, int offset, int length) {
        int n = Math.min(length, MAX_HEAD);
        int line = -1;
        for (int i = 0; i < n; i++) {
            int c = data.u8(offset + i);
            if (c == '\r' || c == '\n') {
                line = i;
                break;
            }
        }
        if (line < 0 || line == 8) {
            return false;
        }
        return line >= 7 && httpVersionPrefix(data, offset)
                || line > 8 && httpVersionPrefix(data, offset + line - 8);
    }

    /** True if {@code HTTP/1.} (any case) is at {@code at}; the caller knows 7 bytes are there. */
    private static boolean httpVersionPrefix(ByteView data, int at) {
        String token = "HTTP/1.";
        for (int i = 0; i < token.length(); i++) {
            if (Character.toUpperCase(data.u8(at + i)) != token.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- framing

    /** True if the bytes start like a request line (a token, a space) or a status line ("HTTP/"). */
    public static boolean startsMessage(ByteView data, int at, int avail) {
        int n = Math.min(avail, 16);
        for (int i = 0; i < n; i++) {
            int c = data.u8(at + i);
            if (c == ' ') {
                return i > 0;
            }
            if (c <= 32 || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0 && !(c == '/' && i == 4)) {
                return false;
            }
        }
        return n < 16; // a token of 16 characters with no space yet is not a method we know to wait for
    }

    /** Length of the head including the blank line, or -1 if the blank line is not within {@code avail}. */
    private static int headLength(ByteView data, int at, int avail) {
        for (int i = 0; i + 1 < avail; i++) {
            if (data.u8(at + i) == '\n') {
                if (data.u8(at + i + 1) == '\n') {
                    return i + 2;
                }
                if (i + 2 < avail && data.u8(at + i + 1) == '\r' && data.u8(at + i + 2) == '\n') {
                    return i + 3;
                }
            }
        }
        return -1;
    }

    /** Length of a chunked body (chunks, last chunk, trailers), NEED_MORE or BAD. */
    private static long chunkedLength(ByteView data, int at, int avail, int maxHead) {
        int pos = 0;
        while (true) {
            int lineEnd = findCrlf(data, at + pos, Math.min(avail - pos, 1024));
            if (lineEnd < 0) {
                return avail - pos >= 1024 ? BAD : NEED_MORE;
            }
            int size = chunkSize(data, at + pos, lineEnd - at - pos);
            if (size < 0) {
                return BAD;
            }
            pos = lineEnd - at + 2;
            if (size == 0) {
                // trailer fields, then an empty line
                while (true) {
                    int end = findCrlf(data, at + pos, Math.min(avail - pos, maxHead));
                    if (end < 0) {
                        return NEED_MORE;
                    }
                    boolean empty = end == at + pos;
                    pos = end - at + 2;
                    if (empty) {
                        return pos;
                    }
                }
            }
            if ((long) pos + size + 2 > avail) {
                return NEED_MORE;
            }
            if (data.u8(at + pos + size) != '\r' || data.u8(at + pos + size + 1) != '\n') {
                return BAD;
            }
            pos += size + 2;
        }
    }

    /**
     * The hex size at the start of a chunk line (extensions after ';' ignored), or -1. Leading zeros are digits
     * like any other ({@code 0000013b}); a size above 2^31 - 1 is -1.
     */
    private static int chunkSize(ByteView data, int at, int length) {
        long size = 0;
        int digits = 0;
        for (int i = 0; i < length; i++) {
            int c = Character.digit(data.u8(at + i), 16);
            if (c < 0) {
                break;
            }
            if (size > Integer.MAX_VALUE >> 4) {
                return -1;
            }
            size = size * 16 + c;
            digits++;
        }
        return digits == 0 ? -1 : (int) size;
    }

    /**
     * Whether {@code [at, at + avail)} holds a line end tshark's {@code tvb_find_line_end} accepts while
     * desegmenting: a LF, or a CR that is not the last byte (it may start a CRLF).
     */
    private static boolean hasLineEnd(ByteView data, int at, int avail) {
        for (int i = 0; i < avail; i++) {
            int c = data.u8(at + i);
            if (c == '\n' || c == '\r' && i + 1 < avail) {
                return true;
            }
        }
        return false;
    }

    /** Index of the CR of the first CRLF in {@code [at, at + avail)}, or -1. */
    private static int findCrlf(ByteView data, int at, int avail) {
        for (int i = 0; i + 1 < avail; i++) {
            if (data.u8(at + i) == '\r' && data.u8(at + i + 1) == '\n') {
                return at + i;
            }
        }
        return -1;
    }

    /** A parsed head: the first line's three parts and the header lines. */
    private static final class Head {
        boolean isResponse;
        String part1 = "";
        String part2 = "";
        String part3 = "";
        int status;
        int firstLineLength;
        int headerCount;
        boolean headerLimitHit;
        final int maxLines;
        final int[] lineOffset;
        final int[] lineLength;
        final String[] name;
        final String[] value;
        long contentLength = -1;
        boolean chunked;
        String contentType;
        String host;
        boolean upgradeH2c;

        private Head(int maxLines) {
            this.maxLines = maxLines;
            lineOffset = new int[maxLines];
            lineLength = new int[maxLines];
            name = new String[maxLines];
            value = new String[maxLines];
        }

        static Head parse(ByteView data, int start, int headLength, int maxLines) {
            Head h = new Head(maxLines);
            int end = start + headLength;
            int at = start;
            boolean first = true;
            while (at < end) {
                int nl = at;
                while (nl < end && data.u8(nl) != '\n') {
                    nl++;
                }
                int len = nl - at;
                if (len > 0 && data.u8(at + len - 1) == '\r') {
                    len--;
                }
                if (len == 0) {
                    break;
                }
                String line = data.latin1(at, len);
                if (first) {
                    h.firstLine(line, len);
                    first = false;
                } else {
                    h.header(line, at, len);
                }
                at = nl + 1;
            }
            return h;
        }

        private void firstLine(String line, int len) {
            firstLineLength = len;
            int sp1 = line.indexOf(' ');
            int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
            part1 = sp1 < 0 ? line : line.substring(0, sp1);
            part2 = sp1 < 0 ? "" : sp2 < 0 ? line.substring(sp1 + 1) : line.substring(sp1 + 1, sp2);
            part3 = sp2 < 0 ? "" : line.substring(sp2 + 1);
            isResponse = part1.startsWith("HTTP/");
            if (isResponse) {
                try {
                    status = Integer.parseInt(part2);
                } catch (NumberFormatException e) {
                    status = 0;
                }
            }
        }

        private void header(String line, int at, int len) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                return;
            }
            if (headerCount == maxLines) {
                headerLimitHit = true;
                return;
            }
            String n = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String v = line.substring(colon + 1).strip();
            lineOffset[headerCount] = at;
            lineLength[headerCount] = len;
            name[headerCount] = n;
            value[headerCount] = v;
            headerCount++;
            switch (n) {
                case "content-length" -> {
                    try {
                        contentLength = Long.parseLong(v);
                        if (contentLength < 0) {
                            contentLength = BAD;
                        }
                    } catch (NumberFormatException e) {
                        contentLength = BAD;
                    }
                }
                case "transfer-encoding" -> chunked = v.toLowerCase(Locale.ROOT).endsWith("chunked");
                case "content-type" -> contentType = v;
                case "host" -> host = v;
                case "upgrade" -> upgradeH2c = v.equalsIgnoreCase("h2c");
                default -> {
                }
            }
        }
    }
}
