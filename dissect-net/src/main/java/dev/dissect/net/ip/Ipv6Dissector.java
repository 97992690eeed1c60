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
import dev.dissect.net.engine.SessionContext;
import dev.dissect.net.wire.Ipv6View;

/**
 * The IPv6 fixed header (RFC 8200). Extension headers are dissectors of their own in the {@code ip.proto} table
 * (as in Wireshark), so a chain of them is a chain of layers that the engine bounds.
 */
public final class Ipv6Dissector implements Dissector {
    public static final Protocol PROTOCOL = new Protocol("ipv6", "Internet Protocol Version 6", "IPv6");
    public static final FieldDef VERSION = FieldDef.uint("ipv6.version", "Version", 1, Base.DEC);
    public static final FieldDef TCLASS = FieldDef.uint("ipv6.tclass", "Traffic Class", 4, Base.HEX);
    public static final FieldDef TCLASS_DSCP = FieldDef.uint("ipv6.tclass.dscp", "Differentiated Services Codepoint", 4, Base.DEC);
    public static final FieldDef TCLASS_ECN = FieldDef.uint("ipv6.tclass.ecn", "Explicit Congestion Notification", 4, Base.DEC);
    public static final FieldDef FLOW = FieldDef.uint("ipv6.flow", "Flow Label", 3, Base.HEX);
    public static final FieldDef PLEN = FieldDef.uint("ipv6.plen", "Payload Length", 2, Base.DEC);
    public static final FieldDef NXT = FieldDef.uint("ipv6.nxt", "Next Header", 1, Base.DEC);
    public static final FieldDef HLIM = FieldDef.uint("ipv6.hlim", "Hop Limit", 1, Base.DEC);
    public static final FieldDef SRC = FieldDef.ipv6("ipv6.src", "Source Address");
    public static final FieldDef DST = FieldDef.ipv6("ipv6.dst", "Destination Address");
    public static final FieldDef ADDR = FieldDef.ipv6("ipv6.addr", "Source or Destination Address");
    static final FieldDef[] FIELDS = {VERSION, TCLASS, TCLASS_DSCP, TCLASS_ECN, FLOW, PLEN, NXT, HLIM, SRC, DST,
            ADDR};

    public static final DiagnosticDef TRUNCATED = DiagnosticDef.truncated("ipv6.truncated",
            "Header runs past the captured data");
    public static final DiagnosticDef BAD_VERSION = DiagnosticDef.malformed("ipv6.version.bad",
            "IPv6 version field is not 6");
    static final DiagnosticDef[] DIAGNOSTICS = {TRUNCATED, BAD_VERSION};

    /** The fixed header's length. */
    static final int HEADER_LENGTH = Ipv6View.MIN_LENGTH;

    private final Ipv6View view = new Ipv6View();
    private final DissectorTable protocols;

    Ipv6Dissector(DissectorTable protocols) {
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
        tree.beginLayer(PROTOCOL, offset, Math.min(length, Ipv6View.MIN_LENGTH));
        if (length < Ipv6View.MIN_LENGTH) {
            truncatedHeader(tree, data, offset, length);
            tree.diagnose(TRUNCATED, offset, length, length + " of " + Ipv6View.MIN_LENGTH + " bytes");
            return;
        }
        Ipv6View ip = view.wrap(data, offset, length);
        tree.add(Ipv4Dissector.VERSION, data, offset, 1, ip.version());
        tree.add(VERSION, data, offset, 1, ip.version());
        if (ip.version() != 6) {
            tree.diagnose(BAD_VERSION, offset, 1, "version " + ip.version());
            return;
        }
        int tclass = ip.trafficClass();
        tree.add(TCLASS, data, offset, 4, tclass);
        tree.add(TCLASS_DSCP, data, offset, 4, tclass >>> 2);
        tree.add(TCLASS_ECN, data, offset, 4, tclass & 3);
        tree.add(FLOW, data, offset + 1, 3, ip.flowLabel());
        int payloadLength = ip.payloadLength();
        tree.add(PLEN, data, offset + Ipv6View.PAYLOAD_LENGTH_OFFSET, 2, payloadLength);
        int next = ip.nextHeader();
        tree.add(NXT, data, offset + Ipv6View.NEXT_HEADER_OFFSET, 1, next);
        tree.add(HLIM, data, offset + Ipv6View.HOP_LIMIT_OFFSET, 1, ip.hopLimit());
        tree.addBytes(SRC, data, ip.srcAddrOffset(), 16);
        tree.addBytes(ADDR, data, ip.srcAddrOffset(), 16);
        tree.addBytes(DST, data, ip.dstAddrOffset(), 16);
        tree.addBytes(ADDR, data, ip.dstAddrOffset(), 16);
        if (ctx instanceof SessionContext session) {
            session.session().endpoints().ipv6(data, ip.srcAddrOffset(), ip.dstAddrOffset(), tree);
            session.session().endpoints().ipv6Header(data, offset);
        }
        int available = length - Ipv6View.MIN_LENGTH;
        int reportedAvailable = Math.max(length, ctx.reportedLength()) - Ipv6View.MIN_LENGTH;
        // A payload length of 0 means a jumbogram (RFC 2675) or offload: take what was captured.
        int payload = payloadLength == 0 ? available : Math.min(payloadLength, available);
        int payloadReported = payloadLength == 0 ? reportedAvailable : Math.min(payloadLength, reportedAvailable);
        if (next == IpProtocols.IPV6_NO_NEXT) {
            return;
        }
        ctx.handOff(protocols, next, offset + Ipv6View.MIN_LENGTH, payload, payloadReported);
    }

    /** As Wireshark: every field of a cut header whose bytes were captured, in order, then nothing more. */
    private static void truncatedHeader(Dissection tree, ByteView data, int offset, int length) {
        if (length < 1) {
            return;
        }
        int version = data.u8(offset) >>> 4;
        tree.add(Ipv4Dissector.VERSION, data, offset, 1, version);
        tree.add(VERSION, data, offset, 1, version);
        if (length < Ipv6View.PAYLOAD_LENGTH_OFFSET) {
            return;
        }
        long word = data.u32(offset);
        int tclass = (int) (word >>> 20) & 0xFF;
        tree.add(TCLASS, data, offset, 4, tclass);
        tree.add(TCLASS_DSCP, data, offset, 4, tclass >>> 2);
        tree.add(TCLASS_ECN, data, offset, 4, tclass & 3);
        tree.add(FLOW, data, offset + 1, 3, word & 0xFFFFF);
        if (length >= Ipv6View.PAYLOAD_LENGTH_OFFSET + 2) {
            tree.add(PLEN, data, offset + Ipv6View.PAYLOAD_LENGTH_OFFSET, 2,
                    data.u16(offset + Ipv6View.PAYLOAD_LENGTH_OFFSET));
        }
        if (length > Ipv6View.NEXT_HEADER_OFFSET) {
            tree.add(NXT, data, offset + Ipv6View.NEXT_HEADER_OFFSET, 1, data.u8(offset + Ipv6View.NEXT_HEADER_OFFSET));
        }
        if (length > Ipv6View.HOP_LIMIT_OFFSET) {
            tree.add(HLIM, data, offset + Ipv6View.HOP_LIMIT_OFFSET, 1, data.u8(offset + Ipv6View.HOP_LIMIT_OFFSET));
        }
        if (length >= Ipv6View.SRC_ADDR_OFFSET + 16) {
            tree.addBytes(SRC, data, offset + Ipv6View.SRC_ADDR_OFFSET, 16);
            tree.addBytes(ADDR, data, offset + Ipv6View.SRC_ADDR_OFFSET, 16);
        }
    }
}
