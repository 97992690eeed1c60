package dev.dissect.net.link;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.Base;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.DissectorTable;

/**
 * What Linux cooked capture v1 and v2 share: Wireshark shows both as protocol {@code sll} with the same field
 * names, and both end in a protocol number that is an EtherType unless it is one of Linux's small
 * {@code ETH_P_*} values.
 */
final class LinuxCookedFields {
    static final Protocol PROTOCOL = new Protocol("sll", "Linux cooked capture", "SLL");
    static final FieldDef PKTTYPE = FieldDef.uint("sll.pkttype", "Packet type", 2, Base.DEC);
    static final FieldDef HATYPE = FieldDef.uint("sll.hatype", "Link-layer address type", 2, Base.DEC);
    static final FieldDef HALEN = FieldDef.uint("sll.halen", "Link-layer address length", 2, Base.DEC);
    static final FieldDef SRC_ETH = FieldDef.ether("sll.src.eth", "Source");
    static final FieldDef SRC_OTHER = FieldDef.bytes("sll.src.other", "Source");
    static final FieldDef UNUSED = FieldDef.bytes("sll.unused", "Unused");
    static final FieldDef ETYPE = FieldDef.uint("sll.etype", "Protocol", 2, Base.HEX);
    static final FieldDef LTYPE = FieldDef.uint("sll.ltype", "Protocol", 2, Base.HEX);
    static final FieldDef RESERVED = FieldDef.uint("sll.reserved", "Reserved", 2, Base.HEX);
    static final FieldDef IFINDEX = FieldDef.uint("sll.ifindex", "Interface index", 4, Base.DEC);
    static final FieldDef[] FIELDS = {PKTTYPE, HATYPE, HALEN, SRC_ETH, SRC_OTHER, UNUSED, ETYPE, LTYPE, RESERVED,
            IFINDEX};

    static final DiagnosticDef TRUNCATED = DiagnosticDef.truncated("sll.truncated",
            "Too short for a Linux cooked capture header");

    /** ARPHRD_ETHER and friends: a 6-byte source address is a MAC address. */
    private static final int ARPHRD_ETHER = 1;
    /** Linux ETH_P_802_2: the payload is an 802.2 LLC frame. */
    private static final int ETH_P_802_2 = 0x0004;

    private LinuxCookedFields() {
    }

    /** The source address: a MAC address for Ethernet-like hardware, bytes otherwise. */
    static void addSource(Dissection tree, ByteView data, int addrOffset, int hatype, int halen) {
        int shown = Math.min(halen, 8);
        if (hatype == ARPHRD_ETHER && halen == 6) {
            tree.addBytes(SRC_ETH, data, addrOffset, 6);
        } else if (shown > 0) {
            tree.addBytes(SRC_OTHER, data, addrOffset, shown);
        }
        if (shown < 8) {
            tree.addBytes(UNUSED, data, addrOffset + shown, 8 - shown);
        }
    }

    /** Records the protocol field and hands the payload on by it. */
    static void handOffPayload(DissectionContext ctx, DissectorTable etherTypes, LlcDissector llc, ByteView data,
                               int protocolOffset, int protocol, int payload, int payloadLength) {
        Dissection tree = ctx.tree();
        if (protocol > EtherTypes.MAX_802_3_LENGTH) {
            tree.add(ETYPE, data, protocolOffset, 2, protocol);
            EtherTypes.handOff(ctx, etherTypes, protocol, payload, payloadLength);
            return;
        }
        tree.add(LTYPE, data, protocolOffset, 2, protocol);
        if (protocol == ETH_P_802_2) {
            ctx.handOffTo(llc, payload, payloadLength);
        } else {
            ctx.handOffToData(payload, payloadLength);
        }
    }
}
