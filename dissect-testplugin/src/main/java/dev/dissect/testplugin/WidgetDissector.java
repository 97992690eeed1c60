package dev.dissect.testplugin;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.Base;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.HeuristicDissector;

/**
 * The Widget Telemetry Protocol, a made-up protocol over UDP: the two bytes "WT", a version, a message type, a
 * 32-bit sequence number, then the payload.
 *
 * <pre>
 *  0      2         3      4                8
 *  +------+---------+------+----------------+---------
 *  | "WT" | version | type | sequence (u32) | payload …
 *  +------+---------+------+----------------+---------
 * </pre>
 */
public final class WidgetDissector implements HeuristicDissector {
    public static final Protocol PROTOCOL = new Protocol("wtp", "Widget Telemetry Protocol", "WTP");
    public static final FieldDef VERSION = FieldDef.uint("wtp.version", "Version", 1, Base.DEC);
    public static final FieldDef TYPE = FieldDef.uint("wtp.type", "Message type", 1, Base.HEX);
    public static final FieldDef SEQUENCE = FieldDef.uint("wtp.seq", "Sequence number", 4, Base.DEC);
    public static final FieldDef PAYLOAD = FieldDef.bytes("wtp.payload", "Payload");
    static final FieldDef[] FIELDS = {VERSION, TYPE, SEQUENCE, PAYLOAD};
    public static final DiagnosticDef TOO_SHORT = DiagnosticDef.truncated("wtp.short", "Shorter than a WTP header");

    static final int HEADER_LENGTH = 8;
    private static final int MAGIC = 0x5754; // "WT"

    @Override
    public Protocol protocol() {
        return PROTOCOL;
    }

    @Override
    public boolean accepts(ByteView data, int offset, int length) {
        return length >= HEADER_LENGTH && data.u16(offset) == MAGIC && data.u8(offset + 2) == 1;
    }

    @Override
    public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
        Dissection tree = ctx.tree();
        tree.setProtocolColumn(PROTOCOL.shortName());
        tree.beginLayer(PROTOCOL, offset, length);
        if (length < HEADER_LENGTH) {
            tree.diagnose(TOO_SHORT, offset, length, length + " bytes");
            return;
        }
        tree.add(VERSION, data, offset + 2, 1, data.u8(offset + 2));
        tree.add(TYPE, data, offset + 3, 1, data.u8(offset + 3));
        tree.add(SEQUENCE, data, offset + 4, 4, data.u32(offset + 4));
        tree.addBytes(PAYLOAD, data, offset + HEADER_LENGTH, length - HEADER_LENGTH);
        tree.info().setLength(0);
        tree.info().append("Widget message, seq=").append(data.u32(offset + 4));
    }
}
