package dev.dissect.net.dns;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.HeuristicDissector;
import dev.dissect.net.wire.DnsView;

/**
 * DNS over UDP on a port nobody registered (resolvers on 443 or 8053, DNSCrypt certificate queries), recognised by
 * its header the way tshark 4.0's {@code dns} heuristic on {@code udp} recognises it.
 *
 * <p><b>Header only, and tshark's bounds exactly.</b> A payload is DNS when it is longer than the 12-byte header,
 * its opcode is 0 (standard query), and its counts are those of a plain query or a small response:
 * <pre>
 *   query    (QR=0): qdcount == 1, ancount == 0, nscount == 0, arcount &lt;= 10
 *   response (QR=1): qdcount &lt;= 1, ancount &lt;= 100, nscount &lt;= 10, arcount &lt;= 10
 * </pre>
 * Nothing past the header is looked at: a message that passes and then fails to parse is still dissected as DNS
 * (with its diagnostics), as tshark shows it as a malformed DNS packet. Tighter checks would disagree with tshark
 * on those frames; looser ones would claim more random payloads than tshark does. Measured on the shared corpus
 * (deliberate-differences.md, DNS section) it claims no frame that tshark does not.
 *
 * <p>Asked only after the port tables ({@code PortDispatch}): ports 53, 5353 and 5355 never get here.
 */
public final class DnsHeuristic implements HeuristicDissector {
    /** tshark's bound on answers in a response it takes for DNS by heuristic. */
    static final int MAX_ANSWERS = 100;
    /** tshark's bound on authority records. */
    static final int MAX_AUTHORITY = 10;
    /** tshark's bound on additional records, queries and responses alike. */
    static final int MAX_ADDITIONAL = 10;

    /** Length of a NetBIOS name's label: 16 bytes, each as two letters. */
    static final int NETBIOS_LABEL = 32;
    /** Bytes of a NetBIOS label that may be other than {@code A}-{@code P} (a quarter: damage, not a DNS label). */
    static final int NETBIOS_DAMAGE = 8;

    private static final int F_RESPONSE = 0x8000;
    private static final int F_OPCODE = 0x7800;

    private final DnsMessageDissector messages;

    /** A heuristic that dissects what it accepts with {@code messages} (so matching is shared with port 53). */
    public DnsHeuristic(DnsMessageDissector messages) {
        this.messages = messages;
    }

    @Override
    public Protocol protocol() {
        return DnsFlavor.DNS.protocol();
    }

    @Override
    public boolean accepts(ByteView data, int offset, int length) {
        if (length <= DnsMessageDissector.HEADER_LENGTH) {
            return false;
        }
        int flags = data.u16(offset + DnsView.FLAGS_OFFSET);
        if ((flags & F_OPCODE) != 0) {
            return false;
        }
        int qd = data.u16(offset + DnsView.QDCOUNT_OFFSET);
        int an = data.u16(offset + DnsView.ANCOUNT_OFFSET);
        int ns = data.u16(offset + DnsView.NSCOUNT_OFFSET);
        int ar = data.u16(offset + DnsView.ARCOUNT_OFFSET);
        if (ar > MAX_ADDITIONAL) {
            return false;
        }
        boolean plausible = (flags & F_RESPONSE) == 0
                ? qd == 1 && an == 0 && ns == 0
                : qd <= 1 && an <= MAX_ANSWERS && ns <= MAX_AUTHORITY;
        return plausible && !netbiosName(data, offset + DnsMessageDissector.HEADER_LENGTH, offset + length);
    }

    /**
     * True if the first name looks like a NetBIOS name in first-level encoding (RFC 1001 section 14.1): a 32-byte
     * label of letters {@code A} to {@code P}, at most {@link #NETBIOS_DAMAGE} of them damaged (a label cut short
     * by the end of the datagram is judged by what is there). NBNS (UDP 137) uses
     * DNS's message format, and tshark dissects it as NBNS by port before any heuristic runs; without an NBNS
     * dissector of ours, such a message (fuzzed ones in the corpus included) would otherwise be taken for DNS.
     */
    static boolean netbiosName(ByteView data, int at, int end) {
        if (at >= end || data.u8(at) != NETBIOS_LABEL) {
            return false;
        }
        int damaged = 0;
        for (int i = at + 1, last = Math.min(at + NETBIOS_LABEL, end - 1); i <= last; i++) {
            int c = data.u8(i);
            if ((c < 'A' || c > 'P') && ++damaged > NETBIOS_DAMAGE) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
        messages.dissectMessage(ctx, data, offset, length, DnsFlavor.DNS);
    }
}
