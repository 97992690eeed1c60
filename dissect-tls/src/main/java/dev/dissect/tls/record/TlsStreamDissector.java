package dev.dissect.tls.record;

import static dev.dissect.tls.record.TlsRecordFields.*;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.frame.FrameView;
import dev.dissect.api.stream.FramingStreamDissector;
import dev.dissect.api.stream.GapAction;
import dev.dissect.api.stream.HeuristicStreamDissector;
import dev.dissect.api.stream.LengthPrefixFramer;
import dev.dissect.api.stream.StreamContext;
import dev.dissect.api.stream.StreamDirection;
import dev.dissect.api.stream.StreamDissector;
import dev.dissect.net.dns.ResolvedNames;
import dev.dissect.net.engine.CoreFields;
import dev.dissect.net.engine.Limits;
import dev.dissect.net.wire.TlsSslv2ClientHelloView;
import dev.dissect.tls.TlsPreferences;
import dev.dissect.tls.cert.CertValidationFields;
import dev.dissect.tls.cert.ChainVerdict;
import dev.dissect.tls.cert.ServerChain;
import dev.dissect.tls.connection.TlsAlert;
import dev.dissect.tls.connection.TlsConnection;
import dev.dissect.tls.connection.TlsConnections;
import dev.dissect.tls.handshake.CertificateSink;
import dev.dissect.tls.handshake.HandshakeDissector;
import dev.dissect.tls.handshake.HandshakeFields;
import dev.dissect.tls.handshake.HandshakeReassembler;
import dev.dissect.tls.handshake.HandshakeTypes;
import dev.dissect.tls.decrypt.DecryptResult;
import dev.dissect.tls.decrypt.FinishedCheck;
import dev.dissect.tls.http.HttpDissector;
import dev.dissect.tls.http2.Http2Dissector;
import java.time.Instant;

/**
 * TLS over TCP, SSL 3.0 to TLS 1.3: frames records, reassembles handshake messages across records, and names
 * every record in the info column as tshark 4.0 does ("Server Hello, Certificate, Server Hello Done").
 *
 * <pre>
 * +------+---------+--------+----------------------+
 * | type | version | length | fragment (length)    |   RFC 8446 5.1; LengthPrefixFramer.of(3, 2, 0, 18_432)
 * +------+---------+--------+----------------------+
 *   1      2         2        at most 2^14 + 2048
 * </pre>
 *
 * <p><b>Records are framed once</b> by {@link FramingStreamDissector}: several records per segment and records
 * over several segments look the same here. A length above {@link #MAX_RECORD} records {@link TlsRecordFields#RECORD_TOO_LONG}
 * (and the engine's {@code stream.frame.too_long}) and stops the direction. <b>Handshake messages over several
 * records</b> go through a bounded per-direction {@link HandshakeReassembler}. <b>After lost bytes</b> framing
 * resynchronises on the next plausible record header instead of stopping.
 *
 * <p>Protected records: after ChangeCipherSpec (up to TLS 1.2) handshake records are "Encrypted Handshake
 * Message" and alerts "Encrypted Alert"; in TLS 1.3 every type-23 record is "Application Data" with
 * {@code tls.record.opaque_type}, as tshark shows them without keys. The first client bytes may be an
 * SSLv2-compatible ClientHello (RFC 5246 E.2).
 *
 * <p><b>Decryption</b> (when the session's {@link TlsPreferences} hold keys: key log, Decryption Secrets Blocks,
 * servers' RSA keys) follows {@link dev.dissect.tls.decrypt.TlsSession}'s recipe: every record but ChangeCipherSpec
 * goes through {@code decrypt} before it is dissected, every complete handshake message (clear or decrypted)
 * through {@code onHandshakeMessage}, every ChangeCipherSpec through {@code onChangeCipherSpec}. Decrypted
 * handshake messages are dissected like clear ones, so TLS 1.3's EncryptedExtensions, Certificate,
 * CertificateVerify, Finished and NewSessionTicket show tshark's fields, and the inner content type is
 * {@code tls.record.content_type} beside {@code tls.record.opaque_type}. Each Finished gets
 * {@link TlsRecordFields#FINISHED_VERIFIED}; a record that does not decrypt gets
 * {@link TlsRecordFields#DECRYPTION_FAILED} and stays encrypted. Decrypted application data goes to the next
 * stream dissector: HTTP/2 when ALPN chose {@code h2}, HTTP/1.x when it chose {@code http/1.1} or {@code http/1.0};
 * without ALPN, HTTP/2 when the first plaintext bytes are its connection preface, HTTP/1.x when they start an HTTP
 * message. Other ALPN protocols stay undissected (a data layer).
 *
 * <p><b>Certificate validation:</b> the server's first Certificate message (decrypted, in TLS 1.3) is validated
 * once, at the frame that completes it (or at its CertificateStatus, when the ServerHello announced one), at that
 * frame's time, for the preference's host name, else the SNI, else the name a DNS response earlier in the capture
 * resolved to the server's address ({@link ResolvedNames}), with stapled OCSP; the verdict becomes
 * {@code tls.cert_validation.*} fields of that frame and {@link TlsConnection#chainVerdict()}. See
 * {@link TlsPreferences.Validation} for when.
 *
 * <p>Also a heuristic, tshark's (see {@link #accepts}), recognises TLS on any port no port table claims.
 */
public final class TlsStreamDissector implements HeuristicStreamDissector {
    /** Longest record fragment accepted: 2^14 + 2048 (RFC 5246 6.2.3). */
    public static final int MAX_RECORD = 18_432;
    private static final int APPLICATION_DATA = 23;

    private final HandshakeDissector handshakes;
    private final Records records = new Records();
    private final HttpDissector https = new HttpDissector("https");
    private final Http2Dissector http2 = new Http2Dissector();

    /** A TLS dissector that hands each certificate to {@code certificates} (see {@link CertificateSink}). */
    public TlsStreamDissector(CertificateSink certificates) {
        this.handshakes = new HandshakeDissector(certificates);
    }

    @Override
    public Protocol protocol() {
        return PROTOCOL;
    }

    /**
     * The heuristic, as tshark 4.0's ({@code dissect_ssl_heur}: {@code is_sslv3_or_tls} or
     * {@code is_sslv2_clienthello}), so that both find TLS on the same connections: a Handshake (22) or Application
     * Data (23) record of version 0x0300 to 0x0303 (or GM/T 0x0101) with a length of 1 to 2^14 + 2047; or an
     * SSLv2-compatible ClientHello of at least 46 bytes whose length byte is 0x80, with a non-zero multiple of 3 of
     * cipher spec bytes, a session id of 0 or 16 bytes and a 32-byte challenge. Like tshark, it is only asked after
     * the port tables (PortDispatch).
     */
    @Override
    public boolean accepts(ByteView data, int offset, int length) {
        return length >= 5 && looksLikeRecord(data, offset) || length >= 46 && looksLikeSslv2ClientHello(data, offset);
    }

    private static boolean looksLikeRecord(ByteView d, int off) {
        int type = d.u8(off);
        int version = d.u16(off + 1);
        int length = d.u16(off + 3);
        return (type == 22 || type == 23) && (version >= 0x0300 && version <= 0x0303 || version == 0x0101)
                && length > 0 && length < MAX_RECORD;
    }

    private static boolean looksLikeSslv2ClientHello(ByteView d, int off) {
        int cipherSpecs = d.u16(off + 5);
        int sessionId = d.u16(off + 7);
        return d.u8(off) == 0x80 && d.u8(off + 2) == 1 && cipherSpecs > 0 && cipherSpecs % 3 == 0
                && (sessionId == 0 || sessionId == 16) && d.u16(off + 9) == 32;
    }

    static boolean plausibleHeader(ByteView d, int off) {
        int type = d.u8(off);
        int length = d.u16(off + 3);
        return type >= 20 && type <= 24 && d.u8(off + 1) == 3 && d.u8(off + 2) <= 4 && length > 0
                && length <= MAX_RECORD;
    }

    @Override
    public int dissect(StreamContext ctx, ByteView data, int offset, int length) {
        TlsFlowState st = state(ctx);
        int dir = ctx.direction() == StreamDirection.CLIENT_TO_SERVER ? 0 : 1;
        long frame = ctx.frame().number();
        if (ctx.skippedBytes() == 0 && ctx.frameOf(offset) == frame && st.callFrame[dir] != frame) {
            st.callFrame[dir] = frame;
            if (printableStart(data, offset, length)) {
                return notTls(ctx, data, offset, length);
            }
        }
        int consumed = 0;
        if (st.resynchronize[dir]) {
            int skip = resynchronize(data, offset, length);
            if (skip == length) {
                // Keep the last bytes: a header may straddle the next segment.
                return Math.max(0, length - 4);
            }
            st.resynchronize[dir] = false;
            ctx.tree().diagnose(RESYNCHRONIZED, offset, skip, skip + " bytes skipped");
            consumed = skip;
        }
        if (!st.started[dir]) {
            if (length - consumed < 3) {
                ctx.requestMore(3 - (length - consumed));
                if (ctx.frameOf(offset + consumed) == ctx.frame().number()) {
                    layer(ctx, st, offset + consumed, length - consumed, false);
                }
                return consumed;
            }
            int at = offset + consumed;
            if (dir == 0 && (data.u8(at) & 0x80) != 0 && data.u8(at + 2) == 1) {
                int total = ((data.u8(at) & 0x7f) << 8 | data.u8(at + 1)) + 2;
                if (length - consumed < total) {
                    ctx.requestMore(total - (length - consumed));
                    return consumed;
                }
                sslv2ClientHello(ctx, st, data, at, total);
                consumed += total;
            }
            st.started[dir] = true;
        }
        if (consumed == length) {
            return consumed;
        }
        // as tshark: whole records, SSLv2-looking ones while the connection's version is unknown, and from a byte
        // that starts no record on, the segment is "Continuation Data"
        int end = offset + length;
        int p = offset + consumed;
        int from = p;
        boolean known = st.versionKnown;
        while (p < end && ctx.skippedBytes() == 0) {
            if (st.sslv2 || !known && looksLikeSslv2(data, p, end - p)) {
                if (p > from) {
                    records.dissect(ctx, data, from, p - from);
                }
                int header = (data.u8(p) & 0x80) != 0 ? 2 : 3;
                if (end - p < header) {
                    ctx.requestMore(header - (end - p));
                    return p - offset;
                }
                int total = header + (header == 2 ? (data.u8(p) & 0x7f) << 8 : (data.u8(p) & 0x3f) << 8)
                        + data.u8(p + 1);
                if (end - p < total) {
                    if (ctx.frameOf(p) == frame
                            && !(st.freshFrame == frame && st.freshLayer < ctx.tree().layerCount())) {
                        layer(ctx, st, p, end - p, false);
                    }
                    ctx.requestMore(total - (end - p));
                    return p - offset;
                }
                sslv2Record(ctx, st, data, p);
                p += total;
                from = p;
            } else if (end - p >= 5 && validType(data.u8(p)) && (known || plausibleVersion(data.u16(p + 1)))
                    && end - p >= 5 + data.u16(p + 3)) {
                known |= setsVersion(data, p);
                p += 5 + data.u16(p + 3);
            } else {
                break;
            }
        }
        if (p < end && ctx.skippedBytes() == 0 && ctx.frameOf(p) == frame && !proxyHeader(data, p, end - p)
                && (!validType(data.u8(p))
                || !known && end - p >= 3 && !plausibleVersion(data.u16(p + 1)))) {
            if (p > from) {
                records.dissect(ctx, data, from, p - from);
            }
            layer(ctx, st, p, end - p, true);
            ctx.tree().diagnose(UNKNOWN_CONTENT_TYPE, p, end - p, "content type " + data.u8(p));
            ctx.tree().appendInfo("Continuation Data");
            return length;
        }
        consumed = from - offset;
        if (consumed == length) {
            return consumed;
        }
        int done = consumed + records.dissect(ctx, data, offset + consumed, length - consumed);
        if (done < length && ctx.frameOf(offset + done) == frame
                && !(st.freshFrame == frame && st.freshLayer < ctx.tree().layerCount())) {
            // a record begun in this frame and ended in a later one: tshark's TLS saw its start here (in the layer
            // of the records before it in this frame, if any, even when a decrypted payload's layer followed them)
            layer(ctx, st, offset + done, length - done, false);
        }
        return done;
    }

    /**
     * tshark's TLS dissector refuses bytes that begin with four printable ASCII characters (more than four bytes):
     * real TLS hardly ever does, clear text does. What TCP then shows is data, up to the end of this frame's bytes.
     */
    private static boolean printableStart(ByteView d, int off, int len) {
        if (len <= 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            int b = d.u8(off + i);
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static int notTls(StreamContext ctx, ByteView d, int off, int len) {
        long frame = ctx.frame().number();
        int n = 0;
        while (n < len && ctx.frameOf(off + n) == frame) {
            n++;
        }
        Dissection tree = ctx.tree();
        tree.beginLayer(CoreFields.DATA, off, n);
        tree.addBytes(CoreFields.DATA_DATA, d, off, n);
        tree.add(CoreFields.DATA_LEN, d, off, n, n);
        return n;
    }

    /**
     * tshark's {@code ssl_looks_like_sslv2}, asked while the connection's version is unknown: a first byte with the
     * high bit set (a two-byte SSLv2 record header) and, third, the type of a clear SSLv2 handshake message: error
     * (0), ClientHello (1), ClientMasterKey (2) or ServerHello (4).
     */
    private static boolean looksLikeSslv2(ByteView d, int off, int len) {
        int type = len >= 3 ? d.u8(off + 2) : -1;
        return len >= 3 && d.u8(off) >= 0x80 && (type == 0 || type == 1 || type == 2 || type == 4);
    }

    /** SSL 3.0 to TLS 1.2 (TLS 1.3 records say 1.2) or GM/T: tshark's {@code ssl_looks_like_sslv3} versions. */
    private static boolean plausibleVersion(int version) {
        return version >= 0x0300 && version <= 0x0303 || version == 0x0101;
    }

    /**
     * Whether the record at {@code off} fixes the connection's version for tshark ({@code ssl_try_set_version}):
     * any record of a known type and a version up to TLS 1.2, except a ClientHello, whose version is not the
     * connection's.
     */
    private static boolean setsVersion(ByteView d, int off) {
        int type = d.u8(off);
        return validType(type) && d.u16(off + 1) <= 0x0303 && !(type == 22 && d.u16(off + 3) > 0 && d.u8(off + 5) == 1);
    }

    /**
     * An SSLv2 record that is not the first ClientHello: tshark shows its version and calls it encrypted. A message
     * type of ClientMasterKey (2) or ServerHello (4) in a connection of unknown version makes it SSLv2 for tshark,
     * and from then on every record of both directions is read with SSLv2's header.
     */
    private static void sslv2Record(StreamContext ctx, TlsFlowState st, ByteView d, int off) {
        Dissection tree = ctx.tree();
        if (!st.sslv2 && !st.versionKnown && (d.u8(off + 2) == 2 || d.u8(off + 2) == 4)) {
            st.sslv2 = true;
            st.versionKnown = true;
        }
        layer(ctx, st, off, 2, true);
        tree.add(VERSION, d, off, 2, TlsVersions.SSL2);
        tree.appendInfo("Encrypted Data");
        tree.setProtocolColumn(TlsVersions.columnName(TlsVersions.SSL2));
    }

    private static final byte[] PROXY_V1 = {'P', 'R', 'O', 'X', 'Y', ' '};
    private static final byte[] PROXY_V2 = {13, 10, 13, 10, 0, 13, 10, 'Q', 'U', 'I', 'T', 10};

    /** A PROXY protocol header (v1 or v2), which tshark's proxy dissector takes before TLS sees the bytes. */
    private static boolean proxyHeader(ByteView d, int off, int len) {
        return startsWith(d, off, len, PROXY_V1) || startsWith(d, off, len, PROXY_V2);
    }

    private static boolean startsWith(ByteView d, int off, int len, byte[] prefix) {
        if (len < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (d.u8(off + i) != (prefix[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    private static boolean validType(int type) {
        return type >= 20 && type <= 24;
    }

    /** Bytes before the first plausible record header, or {@code length} if there is none. */
    private static int resynchronize(ByteView d, int offset, int length) {
        for (int i = 0; i + 5 <= length; i++) {
            if (plausibleHeader(d, offset + i)) {
                int next = i + 5 + d.u16(offset + i + 3);
                if (next + 5 > length || plausibleHeader(d, offset + next)) {
                    return i;
                }
            }
        }
        return length;
    }

    @Override
    public void onEnd(StreamContext ctx, ByteView data, int offset, int length) {
        TlsFlowState st = state(ctx);
        if (st.next != null) {
            st.plaintext[ctx.direction() == StreamDirection.CLIENT_TO_SERVER ? 0 : 1].end(ctx, st.next);
        }
    }

    @Override
    public GapAction onGap(StreamContext ctx, long missing) {
        TlsFlowState st = state(ctx);
        int dir = ctx.direction() == StreamDirection.CLIENT_TO_SERVER ? 0 : 1;
        st.handshake[dir].clear();
        st.resynchronize[dir] = true;
        st.started[dir] = true;
        return GapAction.RESYNCHRONIZE;
    }

    private static TlsFlowState state(StreamContext ctx) {
        return ctx.flowState(TlsFlowState.class, () -> {
            FrameView f = ctx.frame();
            Limits limits = Limits.orDefaults(ctx.sessionState(Limits.class, Limits::defaults));
            TlsConnection c = new TlsConnection(ctx.streamIndex(), ctx.flow(), f.number(), f.epochSecond(),
                    f.nanos(), limits);
            TlsConnections all = ctx.sessionState(TlsConnections.class, () -> new TlsConnections(limits));
            if (all != null) {
                all.add(c);
            }
            TlsPreferences preferences = ctx.sessionState(TlsPreferences.class, () -> new TlsPreferences(limits));
            return new TlsFlowState(c, preferences != null ? preferences : new TlsPreferences(limits), limits);
        });
    }

    /** The record framing: one call per complete record. */
    private final class Records extends FramingStreamDissector {
        Records() {
            super(LengthPrefixFramer.of(3, 2, 0, MAX_RECORD));
        }

        @Override
        public Protocol protocol() {
            return PROTOCOL;
        }

        @Override
        protected void dissectFrame(StreamContext ctx, ByteView data, int offset, int length) {
            record(ctx, state(ctx), data, offset, length);
        }

        /**
         * Application data that no secret can decrypt, and that no field shows, is passed over rather than held:
         * its header says all that is shown of it. Most of a capture's TLS bytes are such records.
         */
        @Override
        protected boolean wantsWholeFrame(StreamContext ctx, ByteView data, int offset, int available,
                                          int frameLength) {
            return data.u8(offset) != APPLICATION_DATA || ctx.tree().records(APP_DATA)
                    || !state(ctx).decryption.noSecrets();
        }
    }

    // ---------------------------------------------------------------- one record

    /**
     * Begins a tls layer as tshark 4.0 does, one per call of its TLS dissector: a record that began in an earlier
     * frame (a reassembled PDU) gets a layer of its own; the records beginning in this frame, and a record begun
     * here that ends in a later frame, share one more, also after the layers their contents added (certificate
     * layers, a decrypted record's http2 or http).
     */
    private static void layer(StreamContext ctx, TlsFlowState st, int offset, int length, boolean clearInfo) {
        Dissection tree = ctx.tree();
        long frame = ctx.frame().number();
        boolean continued = ctx.frameOf(offset) != frame;
        int n = tree.layerCount();
        boolean share = !continued && n > 0 && st.freshFrame == frame && st.freshLayer < n
                && tree.layerProtocol(st.freshLayer) == PROTOCOL;
        if (!share) {
            int layer = tree.beginLayer(PROTOCOL, offset, length);
            if (clearInfo && (n == 0 || tree.layerProtocol(n - 1) != PROTOCOL)) {
                // as tshark: the info column lists every record of the frame, of every tls layer
                tree.info().setLength(0);
            }
            if (!continued) {
                st.freshFrame = frame;
                st.freshLayer = layer;
            } else {
                st.freshFrame = -1;
            }
        }
    }


    private static void event(StreamContext ctx, TlsConnection c, boolean fromServer, String message) {
        FrameView f = ctx.frame();
        c.recordEvent(f.number(), f.epochSecond(), f.nanos(), fromServer, message);
    }

    private void record(StreamContext ctx, TlsFlowState st, ByteView d, int off, int len) {
        Dissection tree = ctx.tree();
        layer(ctx, st, off, len, true);
        boolean fromServer = ctx.direction() == StreamDirection.SERVER_TO_CLIENT;
        int dir = fromServer ? 1 : 0;
        TlsConnection c = st.connection();
        st.record.wrap(d, off, len);
        int type = st.record.contentType();
        int version = st.record.version();
        int fragment = st.record.fragmentOffset();
        int fragmentLength = st.record.len();
        boolean tls13 = st.session.tls13();
        boolean encrypted = st.changedCipherSpec[dir] && !tls13;
        st.versionKnown |= setsVersion(d, off);
        if (type < 20 || type > 24) {
            // Not a record: tshark shows no record fields and calls the bytes "Continuation Data".
            tree.diagnose(UNKNOWN_CONTENT_TYPE, off, len, "content type " + type);
            tree.appendInfo("Continuation Data");
            return;
        }
        StreamDirection sd = ctx.direction();
        if (type != 20) {
            DecryptResult r = st.decryption.decrypt(sd, type, version, d, fragment, fragmentLength);
            if (r.ok()) {
                decrypted(ctx, st, dir, d, off, r, fromServer);
                return;
            }
            if (r.status() == DecryptResult.Status.NO_KEYS) {
                c.setKeyProblem(r.detail());
            } else if (r.status() != DecryptResult.Status.NOT_PROTECTED) {
                tree.diagnose(DECRYPTION_FAILED, fragment, fragmentLength, r.status() + ": " + r.detail());
                c.countDecryptionFailure();
            }
        }
        // TLS 1.3's protected records, and 0-RTT early data before the ServerHello, hide their type.
        boolean opaque = type == 23 && (tls13 || !fromServer && st.session.earlyDataOffered()
                && !st.session.serverHelloSeen());
        tree.add(opaque ? OPAQUE_TYPE : CONTENT_TYPE, d, off, 1, type);
        tree.add(VERSION, d, off + 1, 2, version);
        tree.add(LENGTH, d, off + 3, 2, fragmentLength);
        switch (type) {
            case 20 -> {
                tree.add(CHANGE_CIPHER_SPEC, d, fragment, fragmentLength, 0);
                tree.appendInfo("Change Cipher Spec");
                if (!tls13) {
                    st.changedCipherSpec[dir] = true;
                }
                c.recordChangeCipherSpec(fromServer);
                event(ctx, c, fromServer, "Change Cipher Spec");
                st.decryption.onChangeCipherSpec(sd);
            }
            case 21 -> alert(ctx, c, d, fragment, fragmentLength, encrypted, fromServer);
            case 22 -> {
                if (encrypted) {
                    encryptedHandshake(ctx, c, fromServer);
                } else {
                    handshake(ctx, st, dir, d, fragment, fragmentLength, fromServer);
                }
            }
            case 23 -> {
                tree.addBytes(APP_DATA, d, fragment, fragmentLength);
                tree.appendInfo("Application Data");
            }
            case 24 -> {
                if (encrypted || tls13 || fragmentLength < 3) {
                    tree.appendInfo("Encrypted Heartbeat");
                } else {
                    int hbType = d.u8(fragment);
                    tree.add(HEARTBEAT_TYPE, d, fragment, 1, hbType);
                    tree.add(HEARTBEAT_PAYLOAD_LENGTH, d, fragment + 1, 2, d.u16(fragment + 1));
                    tree.appendInfo(hbType == 1 ? "Heartbeat Request" : hbType == 2 ? "Heartbeat Response"
                            : "Heartbeat");
                }
            }
            default -> {
                // 24 heartbeat is handled above; nothing else reaches here.
            }
        }
        int shown = st.session.version() >= 0 ? st.session.version() : version;
        tree.setProtocolColumn(TlsVersions.columnName(shown));
    }

    private static void alert(StreamContext ctx, TlsConnection c, ByteView d, int fragment, int fragmentLength,
                              boolean encrypted, boolean fromServer) {
        Dissection tree = ctx.tree();
        if (encrypted || fragmentLength != 2) {
            tree.appendInfo("Encrypted Alert");
            c.recordAlert(new TlsAlert(ctx.frame().number(), fromServer, -1, -1));
            event(ctx, c, fromServer, "Encrypted Alert");
        } else {
            int level = d.u8(fragment);
            int description = d.u8(fragment + 1);
            tree.add(ALERT_LEVEL, d, fragment, 1, level);
            tree.add(ALERT_DESC, d, fragment + 1, 1, description);
            String text = "Alert (Level: " + AlertDescriptions.level(level) + ", Description: "
                    + AlertDescriptions.description(description) + ")";
            tree.appendInfo(text);
            c.recordAlert(new TlsAlert(ctx.frame().number(), fromServer, level, description));
            event(ctx, c, fromServer, text);
        }
    }

    /**
     * A record that decrypted: the header as tshark shows it with keys (TLS 1.3: the outer type as
     * {@code opaque_type}, the inner one as {@code content_type}), then the plaintext dissected by its type.
     */
    private void decrypted(StreamContext ctx, TlsFlowState st, int dir, ByteView d, int off, DecryptResult r,
                           boolean fromServer) {
        Dissection tree = ctx.tree();
        TlsConnection c = st.connection();
        c.countDecrypted();
        int type = st.record.contentType();
        int inner = r.contentType();
        if (st.session.tls13() || st.decryption.earlyDataActive()) {
            tree.add(OPAQUE_TYPE, d, off, 1, type);
            tree.add(VERSION, d, off + 1, 2, st.record.version());
            tree.add(LENGTH, d, off + 3, 2, st.record.len());
            tree.add(CONTENT_TYPE, d, off + 5 + st.record.len() - 1, 1, inner);
        } else {
            tree.add(CONTENT_TYPE, d, off, 1, type);
            tree.add(VERSION, d, off + 1, 2, st.record.version());
            tree.add(LENGTH, d, off + 3, 2, st.record.len());
        }
        int shown = st.session.version() >= 0 ? st.session.version() : st.record.version();
        ByteView plain = r.view();
        int n = r.length();
        switch (inner) {
            case 21 -> alert(ctx, c, plain, 0, n, false, fromServer);
            case 22 -> handshake(ctx, st, dir, plain, 0, n, fromServer);
            case 23 -> {
                tree.addBytes(APP_DATA, d, off + 5, st.record.len());
                tree.appendInfo("Application Data");
                tree.setProtocolColumn(TlsVersions.columnName(shown));
                applicationData(ctx, st, dir, r.plaintext());
                return;
            }
            case 24 -> tree.appendInfo("Heartbeat");
            default -> tree.appendInfo("Unknown content type " + inner);
        }
        tree.setProtocolColumn(TlsVersions.columnName(st.session.version() >= 0 ? st.session.version() : shown));
    }

    /** Hands decrypted application data to the connection's next stream dissector, chosen on the first bytes. */
    private void applicationData(StreamContext ctx, TlsFlowState st, int dir, byte[] plaintext) {
        if (plaintext.length == 0) {
            return;
        }
        if (!st.nextChosen) {
            st.nextChosen = true;
            String alpn = st.connection().alpnChosen();
            ByteView first = ByteView.of(plaintext);
            if (alpn != null) {
                st.next = alpn.equals("h2") ? http2
                        : alpn.equals("http/1.1") || alpn.equals("http/1.0") ? https : null;
            } else if (Http2Dissector.startsPreface(first, 0, plaintext.length)) {
                st.next = http2;
            } else {
                st.next = HttpDissector.startsMessage(first, 0, plaintext.length) ? https : null;
            }
        }
        if (st.next != null) {
            st.plaintext[dir].add(ctx, st.next, plaintext);
        } else {
            // as tshark: decrypted bytes no dissector takes are a data layer
            Dissection tree = ctx.tree();
            ByteView view = ByteView.of(plaintext);
            tree.beginLayer(CoreFields.DATA, 0, plaintext.length);
            tree.addBytes(CoreFields.DATA_DATA, view, 0, plaintext.length);
            tree.add(CoreFields.DATA_LEN, view, 0, plaintext.length, plaintext.length);
        }
    }

    /** Shows the check of a Finished message and keeps it in the connection. */
    private static void finished(Dissection tree, TlsConnection c, boolean fromServer, FinishedCheck check) {
        switch (check.verdict()) {
            case VERIFIED -> tree.add(FINISHED_VERIFIED, null, 0, 0, 1);
            case MISMATCH -> {
                tree.add(FINISHED_VERIFIED, null, 0, 0, 0);
                tree.addString(FINISHED_PROBLEM, null, 0, 0, check.reason());
                tree.diagnose(FINISHED_MISMATCH, 0, 0, (fromServer ? "server" : "client") + " Finished");
            }
            case NOT_POSSIBLE -> tree.addString(FINISHED_PROBLEM, null, 0, 0, check.reason());
            default -> {
            }
        }
        c.recordFinished(fromServer, check);
    }

    /** Validates the server's chain once, at this frame's time, if the preferences ask for it. */
    private static void validate(StreamContext ctx, TlsFlowState st, ServerChain chain) {
        Dissection tree = ctx.tree();
        TlsPreferences prefs = st.preferences;
        boolean wanted = switch (prefs.validation()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case WHEN_SHOWN -> tree.records(CertValidationFields.VERDICT);
        };
        if (!wanted) {
            return;
        }
        TlsConnection c = st.connection();
        String host = prefs.hostName() != null ? prefs.hostName() : c.serverName();
        if (host == null || host.isEmpty()) {
            // no SNI: the name the capture's DNS resolved to the server's address, if a response came earlier
            ResolvedNames resolved = ctx.sessionState(ResolvedNames.class, ResolvedNames::new);
            host = resolved == null ? null : resolved.name(c.flow().serverAddress());
        }
        FrameView f = ctx.frame();
        ChainVerdict verdict = prefs.validator().validate(chain, Instant.ofEpochSecond(f.epochSecond(), f.nanos()),
                host);
        CertValidationFields.add(tree, verdict);
        c.setChainVerdict(verdict);
    }

    private static void encryptedHandshake(StreamContext ctx, TlsConnection c, boolean fromServer) {
        ctx.tree().appendInfo("Encrypted Handshake Message");
        event(ctx, c, fromServer, "Encrypted Handshake Message");
    }

    /** Hands complete handshake messages of this record (and of earlier ones) to the handshake dissector. */
    private void handshake(StreamContext ctx, TlsFlowState st, int dir, ByteView d, int off, int len,
                           boolean fromServer) {
        Dissection tree = ctx.tree();
        HandshakeReassembler buffer = st.handshake[dir];
        TlsConnection c = st.connection();
        ByteView view = d;
        int p = off;
        int end = off + len;
        boolean continued = buffer.pendingLength() > 0;
        if (continued) {
            view = buffer.joinWith(d, off, len);
            p = 0;
            end = view.length();
        } else if (len >= 4 && !HandshakeTypes.known(d.u8(off))) {
            // Not a handshake header: a Finished (or later message) protected without a ChangeCipherSpec seen.
            encryptedHandshake(ctx, c, fromServer);
            return;
        }
        while (end - p >= 4) {
            int total = 4 + view.u24(p + 1);
            if (total > buffer.maxMessage()) {
                tree.diagnose(HANDSHAKE_TOO_LONG, p, end - p, "message of " + total + " bytes");
                return;
            }
            if (total > end - p) {
                break;
            }
            String name = handshakes.dissect(tree, view, p, total, st.session, fromServer);
            tree.appendInfo(name);
            event(ctx, c, fromServer, name);
            FinishedCheck check = st.decryption.onHandshakeMessage(ctx.direction(), view, p, total);
            if (check != null) {
                finished(tree, c, fromServer, check);
            }
            if (fromServer && view.u8(p) == HandshakeTypes.CERTIFICATE) {
                c.endServerChain();
            }
            ServerChain chain = st.session.takeServerChain();
            if (chain != null) {
                validate(ctx, st, chain);
            }
            p += total;
        }
        if (p < end) {
            buffer.keep(view, p, end - p);
        }
    }

    /** The SSLv2-compatible ClientHello (RFC 5246 E.2): only the TLS cipher suites feed the summary. */
    private void sslv2ClientHello(StreamContext ctx, TlsFlowState st, ByteView d, int off, int len) {
        Dissection tree = ctx.tree();
        layer(ctx, st, off, len, true);
        TlsSslv2ClientHelloView v = new TlsSslv2ClientHelloView().wrap(d, off, len);
        tree.add(LENGTH, d, off, 2, len - 2);
        tree.add(HandshakeFields.TYPE, d, off + 2, 1, 1);
        if (v.validate() < 0) {
            tree.diagnose(HANDSHAKE_TRUNCATED, off, len, "SSLv2 ClientHello");
        } else {
            tree.add(HandshakeFields.VERSION, d, off + 3, 2, v.version());
            tree.add(HandshakeFields.SSLV2_CIPHER_SPEC_LEN, d, off + 5, 2, v.cipherSpecLength());
            tree.add(HandshakeFields.SESSION_ID_LENGTH, d, off + 7, 2, v.sessionIdLength());
            tree.add(HandshakeFields.SSLV2_CHALLENGE_LENGTH, d, off + 9, 2, v.challengeLength());
            for (int i = 0; i + 2 < v.cipherSpecsLength(); i += 3) {
                int at = v.cipherSpecsOffset() + i;
                tree.add(HandshakeFields.SSLV2_CIPHER_SPEC, d, at, 3, d.u24(at));
            }
            if (v.sessionIdLength() > 0) {
                tree.addBytes(HandshakeFields.SESSION_ID, d, v.sessionIdRegionOffset(), v.sessionIdLength());
            }
            tree.addBytes(HandshakeFields.SSLV2_CHALLENGE, d, v.challengeRegionOffset(), v.challengeLength());
            st.connection().setClientHello(v.version(), new byte[0]);
        }
        tree.appendInfo("Client Hello");
        event(ctx, st.connection(), false, "Client Hello");
        tree.setProtocolColumn(TlsVersions.columnName(TlsVersions.SSL2));
    }
}
