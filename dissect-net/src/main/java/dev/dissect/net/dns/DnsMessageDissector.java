package dev.dissect.net.dns;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.frame.FrameView;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.stream.StreamContext;
import dev.dissect.net.engine.Limits;
import dev.dissect.net.engine.SessionContext;
import dev.dissect.net.flow.NetworkEndpoints;
import dev.dissect.net.flow.SessionStore;
import dev.dissect.net.wire.DnsQuestionTailView;
import dev.dissect.net.wire.DnsRrFixedView;
import dev.dissect.net.wire.DnsView;

/**
 * Dissects one DNS message: header and flags, the four sections, every record's RDATA, the info column and the
 * query/response match. The transport is someone else's business: UDP hands a datagram to {@link DnsDissector}
 * ({@link #dissectMessage}); {@link DnsTcpDissector} frames messages on their two-byte length prefix and calls
 * {@link #dissectTcpMessage} for each.
 *
 * <pre>
 * +--------+--------+--------+--------+--------+--------+----------+--------+-----------+------------+
 * |   id   | flags  |qdcount |ancount |nscount |arcount | question | answer | authority | additional |
 * +--------+--------+--------+--------+--------+--------+----------+--------+-----------+------------+
 *   2        2        2        2        2        2        name qtype qclass, then records:
 *                                                          name type class ttl rdlength rdata
 * </pre>
 *
 * <p><b>Hostile input yields what parsed and a diagnostic.</b> Counts larger than the data, truncated RDATA,
 * pointer loops and bad labels stop the message where tshark stops (tshark throws there): the fields of every
 * question and record before the failure are kept, the record that failed adds none, and the match fields are not
 * added. Every length is checked before it is used; names are read by {@link DnsNames} with bounded work.
 *
 * <p><b>Only what is read is made.</b> Names are decoded into reused buffers and rendered as text only for a
 * recorded field ({@link Dissection#records}) or the info column ({@link Dissection#infoWanted}); recorded text
 * goes into pooled builders ({@link DnsTextPool}), so once warm a message allocates nothing, whatever is recorded.
 *
 * <h2>Matching</h2>
 * A query and its response share the transaction id and the conversation: over UDP the engine's flow key of the
 * two endpoints (addresses from {@code NetworkEndpoints}, ports of the UDP hand-off, either direction, any VLAN),
 * over TCP the {@code tcp.stream}. Recorded fields are not read, so matching works whatever {@code recordFields}
 * selects.
 * The table lives in the session's store: it starts empty with each capture. In the second of two passes
 * ({@link SessionStore.Pass#SECOND}) a query also gets {@code dns.response_in} from what the first pass found.
 *
 * <p>Not thread-safe: one per engine, like the dissectors that own it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1035#section-4.1">RFC 1035 section 4.1</a>
 */
public final class DnsMessageDissector {
    /** Bytes of the fixed header. */
    public static final int HEADER_LENGTH = DnsView.MIN_LENGTH;

    private static final int F_RESPONSE = 0x8000;
    private static final int F_AUTHORITATIVE = 0x0400;
    private static final int F_CONFLICT = 0x0400;
    private static final int F_TRUNCATED = 0x0200;
    private static final int F_RECDESIRED = 0x0100;
    private static final int F_TENTATIVE = 0x0100;
    private static final int F_RECAVAIL = 0x0080;
    private static final int F_Z = 0x0040;
    private static final int F_AUTHENTIC = 0x0020;
    private static final int F_CHECKDISABLE = 0x0010;
    private static final int CLASS_TOP_BIT = 0x8000;
    private static final int OPCODE_UPDATE = 5;

    /** {@code [0]} transport and id, then the conversation; see {@link DnsTransactions}. */
    private static final long TRANSPORT_TCP = 1L << 16;
    /** The long of {@link #key} that holds the ports, the VLAN and the IP version ({@code NetworkEndpoints}). */
    private static final int KEY_VLAN = 1 + 4;
    private static final long VLAN_BITS = 0xFFFF_FF00L;

    private final DnsSessionState own;
    private final DnsNames names = new DnsNames();
    private final DnsTextPool pool = new DnsTextPool();
    private final DnsRdata rdata;
    private final long[] key = new long[DnsTransactions.KEY_LONGS];
    private SessionStore lastStore;
    private DnsSessionState lastState;
    /** While a response is dissected with a session store: its resolved-names table and first question name. */
    private ResolvedNames resolved;
    private String resolvedName;
    private final DnsView header = new DnsView();
    private final DnsQuestionTailView questionTail = new DnsQuestionTailView();
    private final DnsRrFixedView fixed = new DnsRrFixedView();

    /** A dissector with its own query table. */
    public DnsMessageDissector() {
        this.own = new DnsSessionState(Limits.defaults());
        this.rdata = new DnsRdata(names, pool);
    }

    /**
     * Dissects the message in {@code [offset, offset + length)} of {@code data} as a new layer of {@code flavor}.
     * Compression pointers are relative to {@code offset}. Never throws on bad bytes. Within the engine the match
     * uses the frame's transport flow; elsewhere queries and responses match on the transaction id alone.
     *
     * @return the bytes the message used (header and every record that parsed)
     */
    public int dissectMessage(DissectionContext ctx, ByteView data, int offset, int length, DnsFlavor flavor) {
        java.util.Arrays.fill(key, 0);
        SessionStore store = null;
        if (ctx instanceof SessionContext s) {
            store = s.sessionStore();
            NetworkEndpoints endpoints = s.session().endpoints();
            if (endpoints.valid() && s.sourcePort() >= 0) {
                endpoints.buildKey(s.sourcePort(), s.destinationPort());
                System.arraycopy(endpoints.key(), 0, key, 1, NetworkEndpoints.KEY_LONGS);
                // tshark's UDP conversations are addresses and ports: a response on another VLAN still matches
                // (zeek's sshfp-trunc has the query on VLAN 34 and the response on 47).
                key[KEY_VLAN] &= ~VLAN_BITS;
            }
        }
        return dissect(ctx.tree(), ctx.frame(), store, data, offset, length, flavor, false, true);
    }

    /**
     * Dissects one DNS-over-TCP message (RFC 1035 section 4.2.2, RFC 7766): {@code [offset, offset + length)} is
     * the two-byte length ({@code dns.length}) and the message. The match is within the TCP stream.
     *
     * @param newLayer false to add the fields to the record's last layer, a {@code dns} layer of an earlier
     *                 message of this frame (see {@link DnsTcpDissector})
     * @return the bytes used, length field included
     */
    public int dissectTcpMessage(StreamContext ctx, ByteView data, int offset, int length, boolean newLayer) {
        java.util.Arrays.fill(key, 0);
        key[0] = TRANSPORT_TCP;
        key[1] = ctx.streamIndex();
        SessionStore store = ctx instanceof SessionStore.Scope s ? s.sessionStore() : null;
        return dissect(ctx.tree(), ctx.frame(), store, data, offset, length, DnsFlavor.DNS, true, newLayer);
    }

    /** The session's resolved names, made on the first response; no allocation once made. */
    private static ResolvedNames resolvedNames(SessionStore store) {
        ResolvedNames r = store.stateIfPresent(ResolvedNames.class);
        return r != null ? r : store.state(ResolvedNames.class,
                () -> new ResolvedNames(Limits.of(store).getInt(DnsLimits.MAX_RESOLVED_NAMES)));
    }

    private DnsSessionState state(SessionStore store) {
        if (store == null) {
            return own;
        }
        if (store != lastStore) {
            lastStore = store;
            lastState = store.state(DnsSessionState.class, () -> new DnsSessionState(Limits.of(store)));
        }
        return lastState;
    }

    private int dissect(Dissection tree, FrameView frame, SessionStore store, ByteView data, int start,
                        int total, DnsFlavor flavor, boolean lengthPrefix, boolean newLayer) {
        tree.setProtocolColumn(flavor.protocol().shortName());
        int layer;
        if (newLayer) {
            layer = tree.beginLayer(flavor.protocol(), start, total);
        } else {
            layer = tree.layerCount() - 1;
            tree.setLayerLength(layer, tree.layerLength(layer) + total);
        }
        pool.beginMessage(tree, layer, !newLayer);
        names.beginMessage();
        StringBuilder info = null;
        if (tree.infoWanted()) {
            info = tree.info();
            info.setLength(0);
        }
        int offset = start;
        int length = total;
        if (lengthPrefix) {
            tree.add(DnsFields.LENGTH, data, start, 2, data.u16(start));
            offset += 2;
            length -= 2;
        }
        if (length < HEADER_LENGTH) {
            tree.diagnose(DnsFields.SHORT_HEADER, offset, length, length + " of " + HEADER_LENGTH + " bytes");
            if (info != null) {
                info.append("Malformed DNS message");
            }
            return total;
        }
        DnsView h = header.wrap(data, offset, length);
        int id = h.transactionId();
        int flags = h.flags();
        boolean response = (flags & F_RESPONSE) != 0;
        int opcode = (int) h.opcode();
        int rcode = (int) h.rcode();
        int qd = h.qdcount();
        int an = h.ancount();
        int ns = h.nscount();
        int ar = h.arcount();

        tree.add(DnsFields.ID, data, offset + DnsView.TRANSACTION_ID_OFFSET, 2, id);
        int f = offset + DnsView.FLAGS_OFFSET;
        tree.add(DnsFields.FLAGS, data, f, 2, flags);
        flag(tree, DnsFields.FLAGS_RESPONSE, data, f, flags, F_RESPONSE);
        tree.add(DnsFields.FLAGS_OPCODE, data, f, 2, opcode);
        if (flavor == DnsFlavor.LLMNR) {
            if (response) {
                flag(tree, DnsFields.FLAGS_CONFLICT, data, f, flags, F_CONFLICT);
            }
            flag(tree, DnsFields.FLAGS_TRUNCATED, data, f, flags, F_TRUNCATED);
            flag(tree, DnsFields.FLAGS_TENTATIVE, data, f, flags, F_TENTATIVE);
        } else {
            if (response) {
                flag(tree, DnsFields.FLAGS_AUTHORITATIVE, data, f, flags, F_AUTHORITATIVE);
            }
            flag(tree, DnsFields.FLAGS_TRUNCATED, data, f, flags, F_TRUNCATED);
            flag(tree, DnsFields.FLAGS_RECDESIRED, data, f, flags, F_RECDESIRED);
            if (response) {
                flag(tree, DnsFields.FLAGS_RECAVAIL, data, f, flags, F_RECAVAIL);
            }
            flag(tree, DnsFields.FLAGS_Z, data, f, flags, F_Z);
            if (response || (flags & F_AUTHENTIC) != 0) {
                flag(tree, DnsFields.FLAGS_AUTHENTICATED, data, f, flags, F_AUTHENTIC);
            }
            flag(tree, DnsFields.FLAGS_CHECKDISABLE, data, f, flags, F_CHECKDISABLE);
        }
        if (response) {
            tree.add(DnsFields.FLAGS_RCODE, data, f, 2, rcode);
        }
        boolean update = opcode == OPCODE_UPDATE;
        tree.add(update ? DnsFields.COUNT_ZONES : DnsFields.COUNT_QUERIES, data, offset + DnsView.QDCOUNT_OFFSET,
                2, qd);
        tree.add(update ? DnsFields.COUNT_PREREQUISITES : DnsFields.COUNT_ANSWERS, data,
                offset + DnsView.ANCOUNT_OFFSET, 2, an);
        tree.add(update ? DnsFields.COUNT_UPDATES : DnsFields.COUNT_AUTH_RR, data, offset + DnsView.NSCOUNT_OFFSET,
                2, ns);
        tree.add(DnsFields.COUNT_ADD_RR, data, offset + DnsView.ARCOUNT_OFFSET, 2, ar);

        if (info != null) {
            DnsTypes.appendOpcode(info, opcode);
            if (response) {
                info.append(" response");
            }
            info.append(" 0x");
            appendHex4(info, id);
            if (response && rcode != 0) {
                DnsTypes.appendRcode(info.append(' '), rcode);
            }
        }

        DnsSessionState state = state(store);
        key[0] |= id;
        boolean matched = false;
        if (response) {
            matched = state.transactions.findQuery(key, frame.number());
        } else {
            state.transactions.putQuery(key, frame.number(), frame.epochSecond(), frame.nanos(),
                    zoneTransfer(data, offset, offset + length, qd));
        }
        int end = offset + length;
        int p = offset + HEADER_LENGTH;
        resolved = response && store != null ? resolvedNames(store) : null;
        resolvedName = null;
        for (int i = 0; i < qd && p >= 0; i++) {
            p = question(tree, data, offset, end, p, flavor, info);
            if (i == 0 && p >= 0 && resolved != null) {
                resolvedName = names.text().toString();
            }
        }
        for (int i = 0, n = an + ns + ar; i < n && p >= 0; i++) {
            p = record(tree, data, offset, end, p, flavor, info);
        }
        if (p < 0) {
            return total;
        }
        SessionStore.Pass pass = store == null ? SessionStore.Pass.ONLY : store.pass();
        if (matched) {
            DnsTransactions t = state.transactions;
            tree.add(DnsFields.RESPONSE_TO, null, 0, 0, t.queryFrame);
            long s = frame.epochSecond() - t.querySeconds;
            int nano = frame.nanos() - t.queryNanos;
            if (nano < 0) {
                nano += 1_000_000_000;
                s--;
            }
            tree.addTime(DnsFields.TIME, s, nano);
            if (pass == SessionStore.Pass.FIRST) {
                state.responses.putIfAbsent(t.queryFrame, id, frame.number());
            }
        } else if (!response && pass == SessionStore.Pass.SECOND) {
            DnsSessionState first = store.firstPass().stateIfPresent(DnsSessionState.class);
            long in = first == null ? 0 : first.responses.get(frame.number(), id);
            if (in != 0) {
                tree.add(DnsFields.RESPONSE_IN, null, 0, 0, in);
            }
        }
        return p - start;
    }

    /** True if the first question asks for AXFR or IXFR, whose answer may take several messages. */
    private boolean zoneTransfer(ByteView data, int start, int end, int qd) {
        int p = start + HEADER_LENGTH;
        if (qd == 0 || names.read(data, start, end, p) < 0) {
            return false;
        }
        int q = p + names.encodedLength;
        if (q + 2 > end) {
            return false;
        }
        int type = data.u16(q);
        return type == DnsTypes.AXFR || type == DnsTypes.IXFR;
    }

    private static void flag(Dissection tree, FieldDef def, ByteView data, int at, int flags, int mask) {
        tree.add(def, data, at, 2, (flags & mask) != 0 ? 1 : 0);
    }

    private static void appendHex4(StringBuilder out, int v) {
        for (int shift = 12; shift >= 0; shift -= 4) {
            out.append(Character.forDigit(v >>> shift & 0xF, 16));
        }
    }

    /** One question; returns the offset after it, or -1 (with a diagnostic) if it does not parse. */
    private int question(Dissection tree, ByteView data, int start, int end, int p, DnsFlavor flavor,
                         StringBuilder info) {
        if (!readName(tree, data, start, end, p)) {
            return -1;
        }
        int nameLength = names.encodedLength;
        int q = p + nameLength;
        if (q + DnsQuestionTailView.MIN_LENGTH > end) {
            tree.diagnose(DnsFields.TRUNCATED, p, end - p, "question ends after " + (end - p) + " bytes");
            return -1;
        }
        DnsQuestionTailView tail = questionTail.wrap(data, q, DnsQuestionTailView.MIN_LENGTH);
        int type = tail.qtype();
        int cls = tail.qclass();
        if (tree.records(DnsFields.QRY_NAME)) {
            tree.addString(DnsFields.QRY_NAME, data, p, nameLength, pool.copy(names.text()));
        }
        tree.add(DnsFields.QRY_NAME_LEN, data, p, nameLength, names.nameLength());
        tree.add(DnsFields.COUNT_LABELS, data, p, nameLength, names.labelCount());
        tree.add(DnsFields.QRY_TYPE, data, q, 2, type);
        boolean qu = false;
        if (flavor == DnsFlavor.MDNS) {
            qu = (cls & CLASS_TOP_BIT) != 0;
            tree.add(DnsFields.QRY_CLASS, data, q + 2, 2, cls & ~CLASS_TOP_BIT);
            tree.add(DnsFields.QRY_QU, data, q + 2, 2, qu ? 1 : 0);
        } else {
            tree.add(DnsFields.QRY_CLASS, data, q + 2, 2, cls);
        }
        if (info != null) {
            DnsTypes.appendType(info.append(' '), type).append(' ').append(names.text());
            if (flavor == DnsFlavor.MDNS) {
                info.append(qu ? ", \"QU\" question" : ", \"QM\" question");
            }
        }
        return q + DnsQuestionTailView.MIN_LENGTH;
    }

    /** One resource record; returns the offset after it, or -1 (with a diagnostic) if it does not parse. */
    private int record(Dissection tree, ByteView data, int start, int end, int p, DnsFlavor flavor,
                       StringBuilder info) {
        if (!readName(tree, data, start, end, p)) {
            return -1;
        }
        int nameLength = names.encodedLength;
        int r = p + nameLength;
        if (r + DnsRrFixedView.MIN_LENGTH > end) {
            tree.diagnose(DnsFields.TRUNCATED, p, end - p, "record ends after " + (end - p) + " bytes");
            return -1;
        }
        DnsRrFixedView rr = fixed.wrap(data, r, end - r);
        int type = rr.rrType();
        int cls = rr.rrClass();
        long ttl = rr.ttl();
        int rdLength = rr.rdlength();
        int rd = r + DnsRrFixedView.MIN_LENGTH;
        if (rd + rdLength > end) {
            tree.diagnose(DnsFields.TRUNCATED, rd, end - rd, "RDATA length " + rdLength + ", " + (end - rd)
                    + " bytes left");
            return -1;
        }
        if (resolvedName != null && (type == DnsTypes.A && rdLength == 4 || type == DnsTypes.AAAA && rdLength == 16)) {
            resolved.put(data.toArray(rd, rdLength), resolvedName);
        }
        if (type == DnsTypes.SRV) {
            addSrvOwner(tree, data, p, nameLength);
        } else if (tree.records(DnsFields.RESP_NAME)) {
            tree.addString(DnsFields.RESP_NAME, data, p, nameLength, pool.copy(names.text()));
        }
        tree.add(DnsFields.RESP_TYPE, data, r, 2, type);
        boolean flush = flavor == DnsFlavor.MDNS && (cls & CLASS_TOP_BIT) != 0;
        if (info != null) {
            DnsTypes.appendType(info.append(' '), type);
            if (flush) {
                info.append(", cache flush");
            }
        }
        if (type == DnsTypes.OPT) {
            if (flavor == DnsFlavor.MDNS) {
                tree.add(DnsFields.RR_UDP_PAYLOAD_SIZE_MDNS, data, r + 2, 2, cls & 0x7FFF);
                tree.add(DnsFields.RESP_CACHE_FLUSH, data, r + 2, 2, flush ? 1 : 0);
            } else {
                tree.add(DnsFields.RR_UDP_PAYLOAD_SIZE, data, r + 2, 2, cls);
            }
            tree.add(DnsFields.RESP_EXT_RCODE, data, r + 4, 1, ttl >>> 24);
            tree.add(DnsFields.RESP_EDNS0_VERSION, data, r + 5, 1, ttl >>> 16 & 0xFF);
            tree.add(DnsFields.RESP_Z, data, r + 6, 2, ttl & 0xFFFF);
            tree.add(DnsFields.RESP_Z_DO, data, r + 6, 2, (ttl & 0x8000) != 0 ? 1 : 0);
            tree.add(DnsFields.RESP_Z_RESERVED, data, r + 6, 2, ttl & 0x7FFF);
        } else {
            if (flavor == DnsFlavor.MDNS) {
                tree.add(DnsFields.RESP_CLASS, data, r + 2, 2, cls & 0x7FFF);
                tree.add(DnsFields.RESP_CACHE_FLUSH, data, r + 2, 2, flush ? 1 : 0);
            } else {
                tree.add(DnsFields.RESP_CLASS, data, r + 2, 2, cls);
            }
            tree.add(DnsFields.RESP_TTL, data, r + 4, 4, ttl);
        }
        tree.add(DnsFields.RESP_LEN, data, r + 8, 2, rdLength);
        if (rdLength == 0) {
            return rd; // tshark shows no RDATA at all for an empty one (update deletions, empty OPT)
        }
        return rdata.dissect(tree, data, start, end, rd, rdLength, type, info) ? rd + rdLength : -1;
    }

    /** SRV owners are shown split, as {@code _service._proto.name} (and not as {@code dns.resp.name}). */
    private void addSrvOwner(Dissection tree, ByteView data, int p, int nameLength) {
        for (int part = 0; part < 3; part++) {
            FieldDef def = part == 0 ? DnsFields.SRV_SERVICE : part == 1 ? DnsFields.SRV_PROTO : DnsFields.SRV_NAME;
            if (tree.records(def)) {
                StringBuilder b = pool.next();
                if (b == null) {
                    b = new StringBuilder();
                }
                if (!names.appendPart(part, b)) {
                    return;
                }
                tree.addString(def, data, p, nameLength, b);
            } else if (!names.hasPart(part)) {
                return;
            }
        }
    }

    /** Reads a name into {@link #names}; false (with a diagnostic) if the record cannot go on. */
    private boolean readName(Dissection tree, ByteView data, int start, int end, int p) {
        return report(tree, names.read(data, start, end, p), p, end);
    }

    /** Turns a name status into diagnostics; false if the record cannot go on. */
    static boolean report(Dissection tree, int status, int at, int end, DnsNames names) {
        switch (status) {
            case DnsNames.OUT_OF_BOUNDS -> {
                tree.diagnose(DnsFields.TRUNCATED, at, Math.max(0, end - at), "name runs past the message");
                return false;
            }
            case DnsNames.BAD_LABEL -> {
                tree.diagnose(DnsFields.BAD_LABEL, at, 1, null);
                return false;
            }
            case DnsNames.LOOP -> tree.diagnose(DnsFields.POINTER_LOOP, at, names.encodedLength, null);
            case DnsNames.TOO_LONG -> tree.diagnose(DnsFields.NAME_TOO_LONG, at, names.encodedLength, null);
            case DnsNames.EXTENDED -> tree.diagnose(DnsFields.BAD_LABEL, at, names.encodedLength,
                    "unknown extended label: the name ends there, as tshark reads it");
            default -> {
            }
        }
        if (names.forwardPointer) {
            tree.diagnose(DnsFields.FORWARD_POINTER, at, names.encodedLength, null);
        }
        return true;
    }

    private boolean report(Dissection tree, int status, int at, int end) {
        return report(tree, status, at, end, names);
    }
}
