package dev.dissect.net.ip;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.dissection.FieldFormat;
import dev.dissect.api.field.Base;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.Dissector;
import dev.dissect.api.spi.DissectorTable;
import dev.dissect.net.defrag.IpDefragmenter;
import dev.dissect.net.engine.SessionContext;
import dev.dissect.net.flow.NetworkEndpoints;
import dev.dissect.net.wire.Ipv6FragmentView;

/**
 * The IPv6 fragment header ({@code ipv6.fraghdr}). An atomic fragment (offset 0, no more fragments) is dissected
 * further; other fragments go to the session's defragmenter, and the frame that completes a datagram dissects its
 * payload with {@code ipv6.fragment}, {@code ipv6.fragment.count} and {@code ipv6.reassembled.length}.
 */
public final class Ipv6FragmentDissector implements Dissector {
    public static final Protocol PROTOCOL = new Protocol("ipv6.fraghdr", "Fragment Header for IPv6", "IPv6");
    public static final FieldDef NXT = FieldDef.uint("ipv6.fraghdr.nxt", "Next header", 1, Base.DEC);
    public static final FieldDef OFFSET = FieldDef.uint("ipv6.fraghdr.offset", "Offset", 2, Base.DEC)
            .describedAs("In units of 8 bytes.");
    public static final FieldDef MORE = FieldDef.bool("ipv6.fraghdr.more", "More Fragments");
    public static final FieldDef IDENT = FieldDef.uint("ipv6.fraghdr.ident", "Identification", 4, Base.HEX);
    public static final FieldDef FRAGMENT = FieldDef.frameNumber("ipv6.fragment", "IPv6 Fragment");
    public static final FieldDef FRAGMENT_COUNT = FieldDef.uint("ipv6.fragment.count", "Fragment count", 4,
            Base.DEC);
    public static final FieldDef REASSEMBLED_LENGTH = FieldDef.uint("ipv6.reassembled.length",
            "Reassembled IPv6 length", 4, Base.DEC);
    public static final FieldDef REASSEMBLED_IN = FieldDef.frameNumber("ipv6.reassembled.in",
            "Reassembled IPv6 in frame")
            .describedAs("Only in the second of two passes (tshark -2), on the fragments before the last.");
    public static final FieldDef FRAGMENT_OVERLAP = FieldDef.bool("ipv6.fragment.overlap", "Fragment overlap");
    public static final FieldDef FRAGMENT_OVERLAP_CONFLICT = FieldDef.bool("ipv6.fragment.overlap.conflict",
            "Conflicting data in fragment overlap");
    static final FieldDef[] FIELDS = {NXT, OFFSET, MORE, IDENT, FRAGMENT, FRAGMENT_COUNT, REASSEMBLED_LENGTH,
            REASSEMBLED_IN, FRAGMENT_OVERLAP, FRAGMENT_OVERLAP_CONFLICT};

    public static final DiagnosticDef TRUNCATED = DiagnosticDef.truncated("ipv6.fraghdr.truncated",
            "Fragment header runs past the captured data");

    private final Ipv6FragmentView view = new Ipv6FragmentView();
    private final DissectorTable protocols;

    Ipv6FragmentDissector(DissectorTable protocols) {
        this.protocols = protocols;
    }

    @Override
    public Protocol protocol() {
        return PROTOCOL;
    }

    @Override
    public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
        Dissection tree = ctx.tree();
        tree.beginLayer(PROTOCOL, offset, Math.min(length, Ipv6FragmentView.MIN_LENGTH));
        if (length < Ipv6FragmentView.MIN_LENGTH) {
            tree.diagnose(TRUNCATED, offset, length, null);
            return;
        }
        Ipv6FragmentView frag = view.wrap(data, offset, length);
        int next = frag.nextHeader();
        tree.add(NXT, data, offset, 1, next);
        tree.add(OFFSET, data, offset + 2, 2, frag.fragOffset());
        tree.add(MORE, data, offset + 2, 2, frag.moreFragments());
        tree.add(IDENT, data, offset + Ipv6FragmentView.IDENTIFICATION_OFFSET, 4, frag.identification());
        int payload = offset + Ipv6FragmentView.MIN_LENGTH;
        int payloadLength = length - Ipv6FragmentView.MIN_LENGTH;
        if (frag.fragOffset() == 0 && frag.moreFragments() == 0) {
            ctx.handOff(protocols, next, payload, payloadLength);
            return;
        }
        if (ctx instanceof SessionContext session && session.session().endpoints().ipv6HeaderData() != null) {
            NetworkEndpoints ep = session.session().endpoints();
            IpDefragmenter defrag = session.session().defragmenter();
            ByteView whole = defrag.add(6, ep.ipv6HeaderData(), ep.ipv6HeaderOffset() + 8, ep.ipv6HeaderOffset() + 24,
                    next, frag.identification(), frag.fragOffset() * 8, frag.moreFragments() != 0, data, payload,
                    payloadLength, ctx.frame().number(),
                    ctx.frame().epochSecond() * 1_000_000_000L + ctx.frame().nanos());
            defrag.record(tree, whole, FRAGMENT_OVERLAP, FRAGMENT_OVERLAP_CONFLICT, FRAGMENT, FRAGMENT_COUNT,
                    REASSEMBLED_LENGTH, REASSEMBLED_IN);
            if (whole != null) {
                session.handOff(protocols, defrag.lastNextHeader(), whole, 0, whole.length());
                return;
            }
        }
        tree.info().setLength(0);
        tree.info().append("IPv6 fragment (off=").append(frag.fragOffset() * 8).append(" more=")
                .append(frag.moreFragments() != 0 ? 'y' : 'n').append(" ident=0x");
        FieldFormat.appendHexDigits(tree.info(), frag.identification(), 8).append(" nxt=").append(next).append(')');
        ctx.handOffToData(payload, payloadLength);
    }
}
