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
import dev.dissect.net.wire.LlcSnapView;
import dev.dissect.net.wire.LlcView;

/**
 * IEEE 802.2 LLC after an 802.3 length field. SNAP (DSAP = SSAP = 0xAA) carries an OUI and, for OUI 0, an
 * EtherType that continues through the {@code ethertype} table; other SAPs stay data.
 */
public final class LlcDissector implements Dissector {
    public static final Protocol PROTOCOL = new Protocol("llc", "Logical-Link Control", "LLC");
    public static final FieldDef DSAP = FieldDef.uint("llc.dsap", "DSAP", 1, Base.HEX);
    public static final FieldDef SSAP = FieldDef.uint("llc.ssap", "SSAP", 1, Base.HEX);
    public static final FieldDef CONTROL = FieldDef.uint("llc.control", "Control field", 1, Base.HEX);
    public static final FieldDef OUI = FieldDef.uint("llc.oui", "Organization Code", 3, Base.HEX);
    public static final FieldDef PID = FieldDef.uint("llc.pid", "Protocol ID", 2, Base.HEX);
    static final FieldDef[] FIELDS = {DSAP, SSAP, CONTROL, OUI, PID};

    public static final DiagnosticDef TRUNCATED = DiagnosticDef.truncated("llc.truncated",
            "Too short for an LLC header");

    private static final int SNAP_SAP = 0xAA;

    private final LlcView view = new LlcView();
    private final LlcSnapView snap = new LlcSnapView();
    private final DissectorTable etherTypes;

    LlcDissector(DissectorTable etherTypes) {
        this.etherTypes = etherTypes;
    }

    @Override
    public Protocol protocol() {
        return PROTOCOL;
    }

    @Override
    public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
        Dissection tree = ctx.tree();
        tree.setProtocolColumn(PROTOCOL.shortName());
        int layer = tree.beginLayer(PROTOCOL, offset, Math.min(length, LlcView.MIN_LENGTH));
        if (length < LlcView.MIN_LENGTH) {
            tree.diagnose(TRUNCATED, offset, length, null);
            return;
        }
        LlcView llc = view.wrap(data, offset, length);
        tree.add(DSAP, data, offset + LlcView.DSAP_OFFSET, 1, llc.dsap());
        tree.add(SSAP, data, offset + LlcView.SSAP_OFFSET, 1, llc.ssap());
        tree.add(CONTROL, data, offset + LlcView.CONTROL_OFFSET, 1, llc.control());
        int rest = offset + LlcView.MIN_LENGTH;
        int restLength = length - LlcView.MIN_LENGTH;
        if (llc.dsap() != SNAP_SAP || llc.ssap() != SNAP_SAP) {
            ctx.handOffToData(rest, restLength);
            return;
        }
        if (restLength < LlcSnapView.MIN_LENGTH) {
            tree.diagnose(TRUNCATED, rest, restLength, "SNAP header");
            return;
        }
        LlcSnapView s = snap.wrap(data, rest, restLength);
        tree.setLayerLength(layer, LlcView.MIN_LENGTH + LlcSnapView.MIN_LENGTH);
        int oui = data.u24(s.ouiOffset());
        tree.add(OUI, data, s.ouiOffset(), 3, oui);
        tree.add(PID, data, rest + LlcSnapView.PROTOCOL_ID_OFFSET, 2, s.protocolId());
        int payload = rest + LlcSnapView.MIN_LENGTH;
        int payloadLength = restLength - LlcSnapView.MIN_LENGTH;
        if (oui == 0) {
            ctx.handOff(etherTypes, s.protocolId(), payload, payloadLength);
        } else {
            ctx.handOffToData(payload, payloadLength);
        }
    }
}
