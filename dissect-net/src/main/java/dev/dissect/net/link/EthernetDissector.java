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
import dev.dissect.net.wire.EthernetView;

/**
 * Ethernet II and IEEE 802.3 frames (link type 1). A type field above 1500 is an EtherType and goes through the
 * {@code ethertype} table; at most 1500 it is an 802.3 length and LLC follows.
 */
public final class EthernetDissector implements Dissector {
    public static final Protocol PROTOCOL = new Protocol("eth", "Ethernet II", "Ethernet");
    public static final FieldDef DST = FieldDef.ether("eth.dst", "Destination");
    public static final FieldDef SRC = FieldDef.ether("eth.src", "Source");
    public static final FieldDef ADDR = FieldDef.ether("eth.addr", "Address");
    public static final FieldDef TYPE = FieldDef.uint("eth.type", "Type", 2, Base.HEX);
    public static final FieldDef LEN = FieldDef.uint("eth.len", "Length", 2, Base.DEC);
    static final FieldDef[] FIELDS = {DST, SRC, ADDR, TYPE, LEN};

    public static final DiagnosticDef TRUNCATED = DiagnosticDef.truncated("eth.truncated",
            "Frame too short for an Ethernet header");

    private final EthernetView view = new EthernetView();
    private final DissectorTable etherTypes;
    private final LlcDissector llc;
    private final CiscoFabricPathDissector fabricPath;

    EthernetDissector(DissectorTable etherTypes, LlcDissector llc, CiscoFabricPathDissector fabricPath) {
        this.etherTypes = etherTypes;
        this.llc = llc;
        this.fabricPath = fabricPath;
    }

    @Override
    public Protocol protocol() {
        return PROTOCOL;
    }

    @Override
    public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
        Dissection tree = ctx.tree();
        tree.setProtocolColumn(PROTOCOL.shortName());
        int layer = tree.beginLayer(PROTOCOL, offset, Math.min(length, EthernetView.MIN_LENGTH));
        if (length < EthernetView.MIN_LENGTH) {
            tree.diagnose(TRUNCATED, offset, length, length + " of " + EthernetView.MIN_LENGTH + " bytes");
            return;
        }
        EthernetView eth = view.wrap(data, offset, length);
        if (eth.etherType() == CiscoFabricPathDissector.ETHER_TYPE) {
            tree.setLayerLength(layer, 0); // the FabricPath header owns these bytes, as in Wireshark
            ctx.handOffTo(fabricPath, offset, length);
            return;
        }
        tree.addBytes(DST, data, eth.dstMacOffset(), 6);
        tree.addBytes(ADDR, data, eth.dstMacOffset(), 6);
        tree.addBytes(SRC, data, eth.srcMacOffset(), 6);
        tree.addBytes(ADDR, data, eth.srcMacOffset(), 6);
        int type = eth.etherType();
        int payload = offset + EthernetView.MIN_LENGTH;
        int payloadLength = length - EthernetView.MIN_LENGTH;
        if (type <= EtherTypes.MAX_802_3_LENGTH && type != EtherTypes.UNKNOWN) {
            tree.setLayerLength(layer, EthernetView.MIN_LENGTH);
            tree.add(LEN, data, offset + EthernetView.ETHER_TYPE_OFFSET, 2, type);
            ctx.handOffTo(llc, payload, Math.min(type, payloadLength));
            return;
        }
        tree.add(TYPE, data, offset + EthernetView.ETHER_TYPE_OFFSET, 2, type);
        EtherTypes.handOff(ctx, etherTypes, type, payload, payloadLength);
    }
}
