package dev.dissect.bench;

/**
 * Writes DNS queries and answers (RFC 1035 section 4) for one question, with compression pointers as resolvers use
 * them.
 *
 * <pre>
 * query:   header | qname qtype IN
 * answer:  header | qname qtype IN | [C00C CNAME IN ttl len canonical-name] | ptr qtype IN ttl len address
 *          where ptr is C00C, or points at the canonical name when there is one (a pointer to a name
 *          that is itself inside a record)
 * </pre>
 */
final class DnsMessages {
    static final int HEADER_LENGTH = 12;
    static final int TYPE_A = 1;
    static final int TYPE_CNAME = 5;
    static final int TYPE_AAAA = 28;
    static final int CLASS_IN = 1;
    private static final int FLAGS_QUERY_RD = 0x0100;
    private static final int FLAGS_RESPONSE_RD_RA = 0x8180;
    private static final int POINTER = 0xC000;

    private DnsMessages() {
    }

    /** Writes a recursive query for the wire-encoded {@code qname} at {@code offset}; returns its length. */
    static int query(FrameBuilder out, int offset, int id, byte[] qname, int qtype) {
        header(out, offset, id, FLAGS_QUERY_RD, 0);
        return question(out, offset, qname, qtype) - offset;
    }

    /**
     * Writes the answer to {@link #query}: an optional CNAME record to {@code canonicalName} (wire-encoded, or null),
     * then one address record of {@code address.length} bytes. Returns its length.
     */
    static int answer(FrameBuilder out, int offset, int id, byte[] qname, int qtype, byte[] canonicalName,
            byte[] address, int ttl) {
        header(out, offset, id, FLAGS_RESPONSE_RD_RA, canonicalName != null ? 2 : 1);
        int p = question(out, offset, qname, qtype);
        int ownerPointer = POINTER | HEADER_LENGTH;
        if (canonicalName != null) {
            p = resourceRecord(out, p, ownerPointer, TYPE_CNAME, ttl, canonicalName.length);
            ownerPointer = POINTER | (p - offset);
            System.arraycopy(canonicalName, 0, out.frame, p, canonicalName.length);
            p += canonicalName.length;
        }
        p = resourceRecord(out, p, ownerPointer, qtype, ttl, address.length);
        System.arraycopy(address, 0, out.frame, p, address.length);
        return p + address.length - offset;
    }

    private static void header(FrameBuilder out, int offset, int id, int flags, int answers) {
        out.put16(offset, id);
        out.put16(offset + 2, flags);
        out.put16(offset + 4, 1);
        out.put16(offset + 6, answers);
        out.put16(offset + 8, 0);
        out.put16(offset + 10, 0);
    }

    private static int question(FrameBuilder out, int offset, byte[] qname, int qtype) {
        int p = offset + HEADER_LENGTH;
        System.arraycopy(qname, 0, out.frame, p, qname.length);
        p += qname.length;
        out.put16(p, qtype);
        out.put16(p + 2, CLASS_IN);
        return p + 4;
    }

    /** Writes owner pointer, type, class, TTL and RDLENGTH; returns where RDATA starts. */
    private static int resourceRecord(FrameBuilder out, int p, int ownerPointer, int type, int ttl, int rdLength) {
        out.put16(p, ownerPointer);
        out.put16(p + 2, type);
        out.put16(p + 4, CLASS_IN);
        out.put32(p + 6, ttl);
        out.put16(p + 10, rdLength);
        return p + 12;
    }
}
