package dev.dissect.net.ip;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.Base;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.Dissector;
import dev.dissect.api.spi.DissectorTable;
import dev.dissect.net.wire.Ipv6ExtHeaderView;

/**
 * The IPv6 extension headers that share the "next header, length in 8-octet units" layout: hop-by-hop options
 * ({@code ipv6.hopopts}), routing ({@code ipv6.routing}) and destination options ({@code ipv6.dstopts}).
 * One class, three instances, each with its own protocol and field names.
 */
public final class Ipv6OptionsDissector implements Dissector {
    public static final DiagnosticDef TRUNCATED = DiagnosticDef.truncated("ipv6.exthdr.truncated",
            "Extension header runs past the captured data");
    public static final DiagnosticDef BAD_OPTION_LENGTH = DiagnosticDef.malformed("ipv6.opt.len.bad",
            "Option runs past the end of its extension header");
    private static final int PAD1 = 0;
    private static final int HOME_ADDRESS = 0xC9;

    private final Ipv6ExtHeaderView view = new Ipv6ExtHeaderView();
    private final Protocol protocol;
    private final FieldDef nextField;
    private final FieldDef lengthField;
    private final FieldDef lengthBytesField;
    private final DissectorTable protocols;

    /** Whether the header's body is a list of type-length-value options (hop-by-hop and destination options). */
    private final boolean options;

    private Ipv6OptionsDissector(Protocol protocol, DissectorTable protocols, boolean options) {
        this.protocol = protocol;
        this.options = options;
        String p = protocol.filterName();
        this.nextField = FieldDef.uint(p + ".nxt", "Next Header", 1, Base.DEC);
        this.lengthField = FieldDef.uint(p + ".len", "Length", 1, Base.DEC);
        this.lengthBytesField = FieldDef.uint(p + ".len_oct", "Length in bytes", 2, Base.DEC);
        this.protocols = protocols;
    }

    static Ipv6OptionsDissector hopByHop(DissectorTable protocols) {
        return new Ipv6OptionsDissector(new Protocol("ipv6.hopopts", "IPv6 Hop-by-Hop Option", "IPv6"), protocols,
                true);
    }

    static Ipv6OptionsDissector routing(DissectorTable protocols) {
        return new Ipv6OptionsDissector(new Protocol("ipv6.routing", "Routing Header for IPv6", "IPv6"), protocols,
                false);
    }

    static Ipv6OptionsDissector destinationOptions(DissectorTable protocols) {
        return new Ipv6OptionsDissector(new Protocol("ipv6.dstopts", "Destination Options for IPv6", "IPv6"),
                protocols, true);
    }

    FieldDef[] fields() {
        return new FieldDef[] {nextField, lengthField, lengthBytesField};
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
        Dissection tree = ctx.tree();
        int layer = tree.beginLayer(protocol, offset, Math.min(length, Ipv6ExtHeaderView.MIN_LENGTH));
        if (length < Ipv6ExtHeaderView.MIN_LENGTH) {
            tree.diagnose(TRUNCATED, offset, length, null);
            return;
        }
        Ipv6ExtHeaderView ext = view.wrap(data, offset, length);
        int next = ext.nextHeader();
        int size = (ext.hdrExtLen() + 1) * 8;
        tree.add(nextField, data, offset, 1, next);
        tree.add(lengthField, data, offset + 1, 1, ext.hdrExtLen());
        tree.add(lengthBytesField, data, offset + 1, 1, size);
        if (size > length) {
            tree.diagnose(TRUNCATED, offset, length, size + " bytes declared, " + length + " available");
            return;
        }
        tree.setLayerLength(layer, size);
        if (options && !optionsFit(tree, data, offset + Ipv6ExtHeaderView.MIN_LENGTH, offset + size)) {
            return; // as Wireshark, whose option loop throws there: nothing after this header is dissected
        }
        if (next == IpProtocols.IPV6_NO_NEXT) {
            return;
        }
        ctx.handOff(protocols, next, offset + size, length - size);
    }

    /** Walks the options (RFC 8200 4.2); false, with a diagnostic, if one runs past {@code end}. */
    private static boolean optionsFit(Dissection tree, ByteView data, int start, int end) {
        int at = start;
        while (at < end) {
            if (data.u8(at) == PAD1) {
                at++;
                continue;
            }
            // Wireshark reads a Home Address option's 16-byte address whatever its length says (RFC 6275 6.3).
            int size = at + 2 > end ? 2 : data.u8(at) == HOME_ADDRESS ? 18 : 2 + data.u8(at + 1);
            if (at + size > end) {
                tree.diagnose(BAD_OPTION_LENGTH, at, end - at, "option type " + data.u8(at));
                return false;
            }
            at += size;
        }
        return true;
    }
}
