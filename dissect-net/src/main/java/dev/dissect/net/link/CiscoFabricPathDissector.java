package dev.dissect.net.link;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.Base;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.Dissector;
import dev.dissect.net.wire.CiscoFabricPathView;

/**
 * Cisco FabricPath (EtherType 0x8903). As in Wireshark, it takes the whole outer header, so the outer Ethernet
 * layer shows no fields of its own, and the inner Ethernet frame is dissected after it.
 */
public final class CiscoFabricPathDissector implements Dissector {
    public static final Protocol PROTOCOL = new Protocol("cfp", "Cisco FabricPath", "CFP");
    public static final FieldDef ETYPE = FieldDef.uint("cfp.etype", "EtherType", 2, Base.HEX);
    public static final FieldDef FTAG = FieldDef.uint("cfp.ftag", "FTAG", 2, Base.DEC);
    public static final FieldDef TTL = FieldDef.uint("cfp.ttl", "TTL", 2, Base.DEC);
    static final FieldDef[] FIELDS = {ETYPE, FTAG, TTL};
    /** The EtherType that marks a FabricPath frame. */
    public static final int ETHER_TYPE = 0x8903;
    private static final int FCS_LENGTH = 4;

    public static final DiagnosticDef TRUNCATED = DiagnosticDef.truncated("cfp.truncated",
            "Too short for a FabricPath header");

    private final CiscoFabricPathView view = new CiscoFabricPathView();
    private EthernetDissector inner;

    /** The dissector of the encapsulated frame (set once, when the link layer is registered). */
    void innerFrames(EthernetDissector ethernet) {
        this.inner = ethernet;
    }

    @Override
    public Protocol protocol() {
        return PROTOCOL;
    }

    @Override
    public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
        Dissection tree = ctx.tree();
        tree.setProtocolColumn(PROTOCOL.shortName());
        tree.beginLayer(PROTOCOL, offset, Math.min(length, CiscoFabricPathView.MIN_LENGTH));
        if (length < CiscoFabricPathView.MIN_LENGTH) {
            tree.diagnose(TRUNCATED, offset, length, null);
            return;
        }
        CiscoFabricPathView cfp = view.wrap(data, offset, length);
        tree.add(ETYPE, data, offset + CiscoFabricPathView.ETHER_TYPE_OFFSET, 2, cfp.etherType());
        tree.add(FTAG, data, offset + CiscoFabricPathView.FTAG_OFFSET, 2, cfp.ftag());
        tree.add(TTL, data, offset + CiscoFabricPathView.FTAG_OFFSET, 2, cfp.ttl());
        // Wireshark takes the last 4 bytes as the FabricPath frame check sequence, not as part of the inner frame.
        int inner = length - CiscoFabricPathView.MIN_LENGTH - FCS_LENGTH;
        ctx.handOffTo(this.inner, offset + CiscoFabricPathView.MIN_LENGTH, Math.max(0, inner));
    }
}
