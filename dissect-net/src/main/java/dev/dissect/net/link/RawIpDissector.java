package dev.dissect.net.link;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.Dissector;
import dev.dissect.api.spi.DissectorTable;

/**
 * Raw IP (link types 101 and 12): no link header; the IP version nibble picks IPv4 or IPv6.
 */
public final class RawIpDissector implements Dissector {
    public static final Protocol PROTOCOL = new Protocol("raw", "Raw packet data", "Raw");

    private final DissectorTable etherTypes;

    RawIpDissector(DissectorTable etherTypes) {
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
        tree.beginLayer(PROTOCOL, offset, 0);
        if (length < 1) {
            return;
        }
        int version = data.u8(offset) >>> 4;
        if (version == 4) {
            ctx.handOff(etherTypes, EtherTypes.IPV4, offset, length);
        } else if (version == 6) {
            ctx.handOff(etherTypes, EtherTypes.IPV6, offset, length);
        } else {
            ctx.handOffToData(offset, length);
        }
    }
}
