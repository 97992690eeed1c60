package dev.dissect.net.link;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.Dissector;
import dev.dissect.api.spi.DissectorTable;
import dev.dissect.net.wire.LinuxSll2View;

/** Linux cooked capture v2 (link type 276): v1 plus the interface index, protocol first. */
public final class LinuxSll2Dissector implements Dissector {
    private final LinuxSll2View view = new LinuxSll2View();
    private final DissectorTable etherTypes;
    private final LlcDissector llc;

    LinuxSll2Dissector(DissectorTable etherTypes, LlcDissector llc) {
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
        tree.beginLayer(LinuxCookedFields.PROTOCOL, offset, Math.min(length, LinuxSll2View.MIN_LENGTH));
        if (length < LinuxSll2View.MIN_LENGTH) {
            tree.diagnose(LinuxCookedFields.TRUNCATED, offset, length, null);
            return;
        }
        LinuxSll2View sll = view.wrap(data, offset, length);
        tree.add(LinuxCookedFields.RESERVED, data, offset + LinuxSll2View.RESERVED_OFFSET, 2, sll.reserved());
        tree.add(LinuxCookedFields.IFINDEX, data, offset + LinuxSll2View.IF_INDEX_OFFSET, 4, sll.ifIndex());
        tree.add(LinuxCookedFields.HATYPE, data, offset + LinuxSll2View.ARPHRD_TYPE_OFFSET, 2, sll.arphrdType());
        tree.add(LinuxCookedFields.PKTTYPE, data, offset + LinuxSll2View.PACKET_TYPE_OFFSET, 1, sll.packetType());
        tree.add(LinuxCookedFields.HALEN, data, offset + LinuxSll2View.ADDR_LENGTH_OFFSET, 1, sll.addrLength());
        LinuxCookedFields.addSource(tree, data, sll.addrRegionOffset(), sll.arphrdType(), sll.addrLength());
        LinuxCookedFields.handOffPayload(ctx, etherTypes, llc, data, offset + LinuxSll2View.PROTOCOL_OFFSET,
                sll.protocol(), offset + LinuxSll2View.MIN_LENGTH, length - LinuxSll2View.MIN_LENGTH);
    }
}
