package dev.dissect.net.link;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.Dissector;
import dev.dissect.api.spi.DissectorTable;
import dev.dissect.net.wire.LinuxSllView;

/** Linux cooked capture v1 (link type 113, {@code tcpdump -i any} before libpcap 1.10). */
public final class LinuxSllDissector implements Dissector {
    /** Netlink messages captured on a netlink monitor interface. */
    private static final int ARPHRD_NETLINK = 824;

    private final LinuxSllView view = new LinuxSllView();
    private final DissectorTable etherTypes;
    private final LlcDissector llc;

    LinuxSllDissector(DissectorTable etherTypes, LlcDissector llc) {
        this.etherTypes = etherTypes;
        this.llc = llc;
    }

    @Override
    public Protocol protocol() {
        return LinuxCookedFields.PROTOCOL;
    }

    @Override
    public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
        Dissection tree = ctx.tree();
        tree.setProtocolColumn(LinuxCookedFields.PROTOCOL.shortName());
        tree.beginLayer(LinuxCookedFields.PROTOCOL, offset, Math.min(length, LinuxSllView.MIN_LENGTH));
        if (length < LinuxSllView.MIN_LENGTH) {
            tree.diagnose(LinuxCookedFields.TRUNCATED, offset, length, null);
            return;
        }
        LinuxSllView sll = view.wrap(data, offset, length);
        if (sll.arphrdType() == ARPHRD_NETLINK) {
            // The whole cooked header belongs to netlink here (Wireshark hands it over before adding sll fields).
            ctx.handOffToData(offset, length);
            return;
        }
        tree.add(LinuxCookedFields.PKTTYPE, data, offset + LinuxSllView.PACKET_TYPE_OFFSET, 2, sll.packetType());
        tree.add(LinuxCookedFields.HATYPE, data, offset + LinuxSllView.ARPHRD_TYPE_OFFSET, 2, sll.arphrdType());
        tree.add(LinuxCookedFields.HALEN, data, offset + LinuxSllView.ADDR_LENGTH_OFFSET, 2, sll.addrLength());
        LinuxCookedFields.addSource(tree, data, sll.addrRegionOffset(), sll.arphrdType(), sll.addrLength());
        LinuxCookedFields.handOffPayload(ctx, etherTypes, llc, data, offset + LinuxSllView.PROTOCOL_OFFSET,
                sll.protocol(), offset + LinuxSllView.MIN_LENGTH, length - LinuxSllView.MIN_LENGTH);
    }
}
