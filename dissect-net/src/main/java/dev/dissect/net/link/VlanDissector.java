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
 * A VLAN tag: IEEE 802.1Q customer tags (EtherType 0x8100, and the pre-standard QinQ 0x9100), protocol
 * {@code vlan}, and IEEE 802.1ad service tags (0x88a8), protocol {@code ieee8021ad}, as Wireshark names them. Both
 * have the same layout; stacked tags are one layer each, and the engine bounds how many.
 */
public final class VlanDissector implements Dissector {
    public static final Protocol VLAN = new Protocol("vlan", "802.1Q Virtual LAN", "802.1Q");
    public static final FieldDef PRIORITY = FieldDef.uint("vlan.priority", "Priority", 2, Base.DEC);
    public static final FieldDef DEI = FieldDef.bool("vlan.dei", "DEI");
    public static final FieldDef ID = FieldDef.uint("vlan.id", "ID", 2, Base.DEC);
    public static final FieldDef ETYPE = FieldDef.uint("vlan.etype", "Type", 2, Base.HEX);
    public static final FieldDef LEN = FieldDef.uint("vlan.len", "Length", 2, Base.DEC);
    static final FieldDef[] VLAN_FIELDS = {PRIORITY, DEI, ID, ETYPE, LEN};

    public static final Protocol IEEE8021AD = new Protocol("ieee8021ad", "IEEE 802.1ad", "802.1ad");
    public static final FieldDef AD_PRIORITY = FieldDef.uint("ieee8021ad.priority", "Priority", 2, Base.DEC);
    public static final FieldDef AD_DEI = FieldDef.uint("ieee8021ad.dei", "DEI", 2, Base.DEC);
    public static final FieldDef AD_ID = FieldDef.uint("ieee8021ad.id", "ID", 2, Base.DEC);
    static final FieldDef[] IEEE8021AD_FIELDS = {AD_PRIORITY, AD_DEI, AD_ID};

    public static final DiagnosticDef TRUNCATED = DiagnosticDef.truncated("vlan.truncated",
            "Too short for a VLAN tag");

    private final VlanView view = new VlanView();
    private final Protocol protocol;
    private final FieldDef priority;
    private final FieldDef dei;
    private final FieldDef id;
    /** Null for 802.1ad, which shows its EtherType only through the ethertype layer. */
    private final FieldDef etype;
    private final DissectorTable etherTypes;
    private final LlcDissector llc;

    private VlanDissector(Protocol protocol, FieldDef priority, FieldDef dei, FieldDef id, FieldDef etype,
                          DissectorTable etherTypes, LlcDissector llc) {
        this.protocol = protocol;
        this.priority = priority;
        this.dei = dei;
        this.id = id;
        this.etype = etype;
        this.etherTypes = etherTypes;
        this.llc = llc;
    }

    /** An 802.1Q customer tag ({@code vlan}). */
    static VlanDissector customerTag(DissectorTable etherTypes, LlcDissector llc) {
        return new VlanDissector(VLAN, PRIORITY, DEI, ID, ETYPE, etherTypes, llc);
    }

    /** An 802.1ad service tag ({@code ieee8021ad}). */
    static VlanDissector serviceTag(DissectorTable etherTypes, LlcDissector llc) {
        return new VlanDissector(IEEE8021AD, AD_PRIORITY, AD_DEI, AD_ID, null, etherTypes, llc);
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
        Dissection tree = ctx.tree();
        tree.setProtocolColumn(protocol.shortName());
        tree.beginLayer(protocol, offset, Math.min(length, VlanView.MIN_LENGTH));
        if (length < VlanView.MIN_LENGTH) {
            tree.diagnose(TRUNCATED, offset, length, null);
            return;
        }
        VlanView tag = view.wrap(data, offset, length);
        tree.add(priority, data, offset, 2, tag.priority());
        tree.add(dei, data, offset, 2, tag.dei());
        tree.add(id, data, offset, 2, tag.vid());
        int type = tag.etherType();
        int typeAt = offset + VlanView.ETHER_TYPE_OFFSET;
        int payload = offset + VlanView.MIN_LENGTH;
        int payloadLength = length - VlanView.MIN_LENGTH;
        if (etype != null && type <= EtherTypes.MAX_802_3_LENGTH) {
            tree.add(LEN, data, typeAt, 2, type);
            ctx.handOffTo(llc, payload, Math.min(type, payloadLength));
            return;
        }
        if (etype != null) {
            tree.add(etype, data, typeAt, 2, type);
        }
        EtherTypes.handOff(ctx, etherTypes, type, payload, payloadLength);
    }
}
