package dev.dissect.net.transport;

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
import dev.dissect.net.wire.UdpView;

/** UDP (RFC 768); the payload goes to the {@code udp.port} table through the engine's port dispatch. */
public final class UdpDissector implements Dissector {
    public static final Protocol PROTOCOL = new Protocol("udp", "User Datagram Protocol", "UDP");
    public static final FieldDef SRCPORT = FieldDef.uint("udp.srcport", "Source Port", 2, Base.DEC);
    public static final FieldDef DSTPORT = FieldDef.uint("udp.dstport", "Destination Port", 2, Base.DEC);
    public static final FieldDef PORT = FieldDef.uint("udp.port", "Source or Destination Port", 2, Base.DEC);
    public static final FieldDef LENGTH = FieldDef.uint("udp.length", "Length", 2, Base.DEC);
    public static final FieldDef CHECKSUM = FieldDef.uint("udp.checksum", "Checksum", 2, Base.HEX);
    static final FieldDef[] FIELDS = {SRCPORT, DSTPORT, PORT, LENGTH, CHECKSUM};
    /** Table name, keyed by port. */
    public static final String TABLE = "udp.port";

    public static final DiagnosticDef TRUNCATED = DiagnosticDef.truncated("udp.truncated",
            "Too short for a UDP header");
    public static final DiagnosticDef BAD_LENGTH = DiagnosticDef.malformed("udp.length.bad",
            "Bad length value");
    static final DiagnosticDef[] DIAGNOSTICS = {TRUNCATED, BAD_LENGTH};

    private final UdpView view = new UdpView();
    private final DissectorTable ports;

    UdpDissector(DissectorTable ports) {
        this.ports = ports;
    }

    @Override
    public Protocol protocol() {
        return PROTOCOL;
    }

    @Override
    public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
        Dissection tree = ctx.tree();
        tree.setProtocolColumn(PROTOCOL.shortName());
        tree.beginLayer(PROTOCOL, offset, Math.min(length, UdpView.MIN_LENGTH));
        if (length < UdpView.MIN_LENGTH) {
            // As Wireshark: each field whose bytes were captured, then stop.
            if (length >= UdpView.SRC_PORT_OFFSET + 2) {
                tree.add(SRCPORT, data, offset, 2, data.u16(offset + UdpView.SRC_PORT_OFFSET));
            }
            if (length >= UdpView.DST_PORT_OFFSET + 2) {
                tree.add(DSTPORT, data, offset + 2, 2, data.u16(offset + UdpView.DST_PORT_OFFSET));
            }
            if (length >= UdpView.LENGTH_OFFSET + 2) {
                tree.add(LENGTH, data, offset + UdpView.LENGTH_OFFSET, 2, data.u16(offset + UdpView.LENGTH_OFFSET));
            }
            tree.diagnose(TRUNCATED, offset, length, length + " of " + UdpView.MIN_LENGTH + " bytes");
            return;
        }
        UdpView udp = view.wrap(data, offset, length);
        int src = udp.srcPort();
        int dst = udp.dstPort();
        int udpLength = udp.length();
        tree.add(SRCPORT, data, offset, 2, src);
        tree.add(DSTPORT, data, offset + 2, 2, dst);
        tree.add(PORT, data, offset, 2, src);
        tree.add(PORT, data, offset + 2, 2, dst);
        tree.add(LENGTH, data, offset + UdpView.LENGTH_OFFSET, 2, udpLength);
        // RFC 2675: over IPv6, a length of 0 is a jumbogram's (the payload runs to the end); Wireshark takes it so.
        boolean jumbogram = udpLength == 0 && ctx instanceof SessionContext s
                && s.session().endpoints().valid() && s.session().endpoints().ipVersion() == 6;
        if (udpLength < UdpView.MIN_LENGTH && !jumbogram) {
            // As Wireshark: a bogus length ends the layer before the checksum, and nothing is handed on.
            tree.diagnose(BAD_LENGTH, offset + UdpView.LENGTH_OFFSET, 2, udpLength + " < 8");
            if (tree.infoWanted()) {
                tree.info().setLength(0);
                tree.info().append(src).append(" \u2192 ").append(dst).append(" [BAD UDP LENGTH ").append(udpLength)
                        .append(" < 8]");
            }
            return;
        }
        tree.add(CHECKSUM, data, offset + UdpView.CHECKSUM_OFFSET, 2, udp.checksum());
        int payloadLength = jumbogram ? length - UdpView.MIN_LENGTH : Math.min(udpLength, length) - UdpView.MIN_LENGTH;
        if (tree.infoWanted()) {
            StringBuilder info = tree.info();
            info.setLength(0);
            info.append(src).append(" \u2192 ").append(dst).append(" Len=")
                    .append(Math.max(0, udpLength - UdpView.MIN_LENGTH));
        }
        if (payloadLength > 0) {
            ctx.handOffByPorts(ports, src, dst, offset + UdpView.MIN_LENGTH, payloadLength);
        }
    }
}
