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
import dev.dissect.net.wire.IpAuthHeaderView;

/** The IP Authentication Header (RFC 4302), in IPv4 and IPv6 alike; what it protects is dissected after it. */
public final class AuthHeaderDissector implements Dissector {
    public static final Protocol PROTOCOL = new Protocol("ah", "Authentication Header", "AH");
    public static final FieldDef NXT = FieldDef.uint("ah.next_header", "Next header", 1, Base.DEC);
    public static final FieldDef LENGTH = FieldDef.uint("ah.length", "Length", 1, Base.DEC);
    public static final FieldDef SPI = FieldDef.uint("ah.spi", "AH SPI", 4, Base.HEX);
    public static final FieldDef SEQUENCE = FieldDef.uint("ah.sequence", "AH Sequence", 4, Base.DEC);
    public static final FieldDef ICV = FieldDef.bytes("ah.icv", "AH ICV");
    static final FieldDef[] FIELDS = {NXT, LENGTH, SPI, SEQUENCE, ICV};

    public static final DiagnosticDef BAD_LENGTH = DiagnosticDef.malformed("ah.length.bad",
            "AH length is shorter than its fixed part or runs past the data");

    private final IpAuthHeaderView view = new IpAuthHeaderView();
    private final DissectorTable protocols;

    AuthHeaderDissector(DissectorTable protocols) {
        this.protocols = protocols;
    }

    @Override
    public Protocol protocol() {
        return PROTOCOL;
    }

    @Override
    public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
        Dissection tree = ctx.tree();
        tree.setProtocolColumn(PROTOCOL.shortName());
        int layer = tree.beginLayer(PROTOCOL, offset, Math.min(length, IpAuthHeaderView.MIN_LENGTH));
        IpAuthHeaderView ah = view.wrap(data, offset, length);
        int size = ah.validate();
        if (length < IpAuthHeaderView.MIN_LENGTH || size < 0) {
            tree.diagnose(BAD_LENGTH, offset, length, null);
            return;
        }
        tree.setLayerLength(layer, size);
        tree.add(NXT, data, offset, 1, ah.nextHeader());
        tree.add(LENGTH, data, offset + 1, 1, ah.payloadLen());
        tree.add(SPI, data, offset + IpAuthHeaderView.SPI_OFFSET, 4, ah.spi());
        tree.add(SEQUENCE, data, offset + IpAuthHeaderView.SEQ_NUM_OFFSET, 4, ah.seqNum());
        tree.addBytes(ICV, data, ah.icvOffset(), ah.icvLength());
        ctx.handOff(protocols, ah.nextHeader(), offset + size, length - size);
    }
}
