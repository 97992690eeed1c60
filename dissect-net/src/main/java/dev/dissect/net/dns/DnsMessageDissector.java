package dev.dissect.net.dns;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.frame.FrameView;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.net.wire.DnsQuestionTailView;
import dev.dissect.net.wire.DnsRrFixedView;
import dev.dissect.net.wire.DnsView;

/**
 * Dissects one DNS message: header and flags, the four sections, every record's RDATA, the info column and the
 * query/response match. The transport is someone else's business: UDP hands a datagram to {@link DnsDissector};
 * a DNS-over-TCP stream dissector only needs to frame messages (two-byte length prefix) and call
 * {@link #dissectMessage} for each.
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
 * <p>Allocation: one String per name and character string (fields are text), nothing else per message once
 * warmed up. Not thread-safe: one per engine, like the dissectors that own it.
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

    private final DnsTransactions transactions;
    private final DnsNames names = new DnsNames();
    private final DnsRdata rdata;
    private final DnsView header = new DnsView();
    private final DnsQuestionTailView questionTail = new DnsQuestionTailView();
    private final DnsRrFixedView fixed = new DnsRrFixedView();

    /** A dissector with its own query table. */
    public DnsMessageDissector() {
        this(new DnsTransactions());
    }

    DnsMessageDissector(DnsTransactions transactions) {
        this.transactions = transactions;
        this.rdata = new DnsRdata(names);
    }

    /**
     * Dissects the message in {@code [offset, offset + length)} of {@code data} as a new layer of {@code flavor}.
     * Compression pointers are relative to {@code offset}. Never throws on bad bytes.
     *
     * @return the bytes the message used (header and every record that parsed)
     */
    public int dissectMessage(DissectionContext ctx, ByteView data, int offset, int length, DnsFlavor flavor) {
        Dissection tree = ctx.tree();
        tree.setProtocolColumn(flavor.protocol().shortName());
        tree.beginLayer(flavor.protocol(), offset, length);
        StringBuilder info = tree.info();
        info.setLength(0);
        if (length < HEADER_LENGTH) {
            tree.diagnose(DnsFields.SHORT_HEADER, offset, length, length + " of " + HEADER_LENGTH + " bytes");
            info.append("Malformed DNS message");
            return length;
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

        DnsTypes.appendOpcode(info, opcode);
        if (response) {
            info.append(" response");
        }
        info.append(" 0x");
        appendHex4(info, id);
        if (response && rcode != 0) {
            DnsTypes.appendRcode(info.append(' '), rcode);
        }

        boolean matched = match(ctx.frame(), tree, id, response);
        int end = offset + length;
        int p = offset + HEADER_LENGTH;
        for (int i = 0; i < qd && p >= 0; i++) {
            p = question(tree, data, offset, end, p, flavor, info);
        }
        for (int i = 0, n = an + ns + ar; i < n && p >= 0; i++) {
            p = record(tree, data, offset, end, p, flavor, info);
        }
        if (p < 0) {
            return length;
        }
        if (matched) {
            tree.add(DnsFields.RESPONSE_TO, null, 0, 0, transactions.queryFrame);
            FrameView frame = ctx.frame();
            long s = frame.epochSecond() - transactions.querySeconds;
            int nano = frame.nanos() - transactions.queryNanos;
            if (nano < 0) {
                nano += 1_000_000_000;
                s--;
            }
            tree.addTime(DnsFields.TIME, s, nano);
        }
        return p - offset;
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
        String name = names.string();
        tree.addString(DnsFields.QRY_NAME, data, p, nameLength, name);
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
        DnsTypes.appendType(info.append(' '), type).append(' ').append(name);
        if (flavor == DnsFlavor.MDNS) {
            info.append(qu ? ", \"QU\" question" : ", \"QM\" question");
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
        if (type == DnsTypes.SRV) {
            addSrvOwner(tree, data, p, nameLength);
        } else {
            tree.addString(DnsFields.RESP_NAME, data, p, nameLength, names.string());
        }
        tree.add(DnsFields.RESP_TYPE, data, r, 2, type);
        boolean flush = flavor == DnsFlavor.MDNS && (cls & CLASS_TOP_BIT) != 0;
        DnsTypes.appendType(info.append(' '), type);
        if (flush) {
            info.append(", cache flush");
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
        String service = names.part(0);
        tree.addString(DnsFields.SRV_SERVICE, data, p, nameLength, service);
        String proto = names.part(1);
        if (proto != null) {
            tree.addString(DnsFields.SRV_PROTO, data, p, nameLength, proto);
            String rest = names.part(2);
            if (rest != null) {
                tree.addString(DnsFields.SRV_NAME, data, p, nameLength, rest);
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

    /**
     * Records a query, or finds the query of a response; true if a response found its query. The key is the
     * transaction id and the two endpoints (address and port) in either order.
     */
    private boolean match(FrameView frame, Dissection tree, int id, boolean response) {
        // The innermost addresses and ports recorded so far are this message's (scan back from the end).
        int srcPort = -1;
        int dstPort = -1;
        long srcAddr = 0;
        long dstAddr = 0;
        boolean haveSrc = false;
        boolean haveDst = false;
        for (int i = tree.fieldCount() - 1; i >= 0 && !(haveSrc && haveDst && srcPort >= 0 && dstPort >= 0); i--) {
            String name = tree.fieldDef(i).name();
            switch (name) {
                case "udp.srcport", "tcp.srcport" -> srcPort = srcPort < 0 ? (int) tree.value(i) : srcPort;
                case "udp.dstport", "tcp.dstport" -> dstPort = dstPort < 0 ? (int) tree.value(i) : dstPort;
                case "ip.src", "ipv6.src" -> {
                    if (!haveSrc) {
                        srcAddr = hash(tree.source(i), tree.offset(i), tree.length(i));
                        haveSrc = true;
                    }
                }
                case "ip.dst", "ipv6.dst" -> {
                    if (!haveDst) {
                        dstAddr = hash(tree.source(i), tree.offset(i), tree.length(i));
                        haveDst = true;
                    }
                }
                default -> {
                }
            }
        }
        // As tshark's conversations, the key does not depend on direction: an mDNS response often goes from
        // the same address to the same multicast group as its query.
        long source = srcAddr * 31 + srcPort;
        long destination = dstAddr * 31 + dstPort;
        long a = id;
        long b = Math.min(source, destination);
        long c = Math.max(source, destination);
        if (!response) {
            transactions.putQuery(a, b, c, frame.number(), frame.epochSecond(), frame.nanos());
            return false;
        }
        return transactions.findQuery(a, b, c, frame.number());
    }

    private static long hash(ByteView source, int offset, int length) {
        if (source == null) {
            return 0;
        }
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < length; i++) {
            h = (h ^ source.u8(offset + i)) * 0x100000001B3L;
        }
        return h;
    }
}
