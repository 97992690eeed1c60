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
import dev.dissect.net.wire.VlanView;

/**
 * An IEEE 802.1Q tag (EtherType 0x8100), and 802.1ad service tags (0x88a8, 0x9100) for QinQ. Stacked tags are
 * simply one layer each; the engine bounds how many.
 */
public final class VlanDissector implements Dissector {
    public static final Protocol PROTOCOL = new Protocol("vlan", "802.1Q Virtual LAN", "802.1Q");
    public static final FieldDef PRIORITY = FieldDef.uint("vlan.priority", "Priority", 2, Base.DEC);
    public static final FieldDef DEI = FieldDef.uint("vlan.dei", "DEI", 2, Base.DEC);
    public static final FieldDef ID = FieldDef.uint("vlan.id", "ID", 2, Base.DEC);
    public static final FieldDef ETYPE = FieldDef.uint("vlan.etype", "Type", 2, Base.HEX);
    public static final FieldDef LEN = FieldDef.uint("vlan.len", "Length", 2, Base.DEC);
    static final FieldDef[] FIELDS = {PRIORITY, DEI, ID, ETYPE, LEN};

    public static final DiagnosticDef TRUNCATED = DiagnosticDef.truncated("vlan.truncated",
            "Too short for an 802.1Q tag");

    private final VlanView view = new VlanView();
    private final DissectorTable etherTypes;
    private final LlcDissector llc;

    VlanDissector(DissectorTable etherTypes, LlcDissector llc) {
        this.etherTypes = etherTypes;
        this.llc = llc;
    }

    @Override
    public Protocol protocol() {
        return PROTOCOL;
    }

    @Override
    public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
        Dissection tree = ctx.tree();
        tree.setProtocolColumn(PROTOCOL.shortName());
        tree.beginLayer(PROTOCOL, offset, Math.min(length, VlanView.MIN_LENGTH));
        if (length < VlanView.MIN_LENGTH) {
            tree.diagnose(TRUNCATED, offset, length, null);
            return;
        }
        VlanView tag = view.wrap(data, offset, length);
        tree.add(PRIORITY, data, offset, 2, tag.priority());
        tree.add(DEI, data, offset, 2, tag.dei());
        tree.add(ID, data, offset, 2, tag.vid());
        int type = tag.etherType();
        int payload = offset + VlanView.MIN_LENGTH;
        int payloadLength = length - VlanView.MIN_LENGTH;
        if (type <= EtherTypes.MAX_802_3_LENGTH) {
            tree.add(LEN, data, offset + VlanView.ETHER_TYPE_OFFSET, 2, type);
            ctx.handOffTo(llc, payload, Math.min(type, payloadLength));
            return;
        }
        tree.add(ETYPE, data, offset + VlanView.ETHER_TYPE_OFFSET, 2, type);
        EtherTypes.handOff(ctx, etherTypes, type, payload, payloadLength);
    }
}
