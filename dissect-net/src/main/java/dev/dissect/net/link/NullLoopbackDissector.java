package dev.dissect.net.link;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.Base;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.Dissector;
import dev.dissect.api.spi.DissectorTable;
import dev.dissect.net.wire.NullLoopbackView;

/**
 * BSD loopback (link type 0, NULL) and OpenBSD loopback (108, LOOP): a 4-byte address family, then IP.
 *
 * <p>NULL stores the family in the capturing host's byte order, which the file does not record; like Wireshark we
 * take a value whose low 16 bits are zero (and high ones not) as byte-swapped. LOOP is always network order. A
 * value above 1500 is no family at all: Wireshark reads the header's last two bytes as an EtherType then.
 */
public final class NullLoopbackDissector implements Dissector {
    public static final Protocol PROTOCOL = new Protocol("null", "Null/Loopback", "NULL");
    public static final FieldDef FAMILY = FieldDef.uint("null.family", "Family", 4, Base.DEC);
    public static final FieldDef TYPE = FieldDef.uint("null.type", "Type", 2, Base.HEX)
            .describedAs("An EtherType where the family should be (a header too large for an address family).");
    static final FieldDef[] FIELDS = {FAMILY, TYPE};
    /** Table name, keyed by the BSD address family (2 for IPv4; 24, 28, 30 for IPv6 depending on the BSD). */
    public static final String TABLE = "null.family";

    public static final DiagnosticDef TRUNCATED = DiagnosticDef.truncated("null.truncated",
            "Too short for a loopback header");

    private final NullLoopbackView view = new NullLoopbackView();
    private final DissectorTable families;
    private final DissectorTable etherTypes;
    private final boolean hostOrder;

    /**
     * @param hostOrder true for link type NULL (family in the capturing host's order), false for LOOP
     */
    NullLoopbackDissector(DissectorTable families, DissectorTable etherTypes, boolean hostOrder) {
        this.families = families;
        this.etherTypes = etherTypes;
        this.hostOrder = hostOrder;
    }

    @Override
    public Protocol protocol() {
        return PROTOCOL;
    }

    @Override
    public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
        Dissection tree = ctx.tree();
        tree.setProtocolColumn(PROTOCOL.shortName());
        tree.beginLayer(PROTOCOL, offset, Math.min(length, NullLoopbackView.MIN_LENGTH));
        if (length < NullLoopbackView.MIN_LENGTH) {
            tree.diagnose(TRUNCATED, offset, length, null);
            return;
        }
        long family = view.wrap(data, offset, length).family();
        if (hostOrder && (family & 0xFFFF) == 0 && family != 0) {
            family = Integer.reverseBytes((int) family) & 0xFFFF_FFFFL;
        }
        if (family > EtherTypes.MAX_802_3_LENGTH) {
            // No address family is that large: as Wireshark, the header carries an EtherType (its last two bytes),
            // handed straight to the EtherType table without an ethertype layer.
            int type = data.u16(offset + 2);
            tree.add(TYPE, data, offset + 2, 2, type);
            ctx.handOff(etherTypes, type, offset + NullLoopbackView.MIN_LENGTH, length - NullLoopbackView.MIN_LENGTH);
            return;
        }
        tree.add(FAMILY, data, offset, 4, family);
        ctx.handOff(families, family, offset + NullLoopbackView.MIN_LENGTH, length - NullLoopbackView.MIN_LENGTH);
    }
}
