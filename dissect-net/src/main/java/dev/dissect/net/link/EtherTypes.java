package dev.dissect.net.link;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.DissectorTable;

/**
 * The {@code ethertype} table and Wireshark's {@code ethertype} pseudo-layer, which Ethernet, Linux cooked
 * capture and VLAN tags all go through (so {@code frame.protocols} reads {@code eth:ethertype:ip}).
 */
public final class EtherTypes {
    /** Table name, keyed by the 16-bit EtherType. */
    public static final String TABLE = "ethertype";
    public static final Protocol ETHERTYPE = new Protocol("ethertype", "EtherType", "EtherType");

    /** Wireshark reads type 0 as an Ethernet II frame of unknown type, not as an 802.3 frame of length 0. */
    public static final int UNKNOWN = 0x0000;
    public static final int IPV4 = 0x0800;
    public static final int ARP = 0x0806;
    public static final int VLAN = 0x8100;
    public static final int IPV6 = 0x86DD;
    public static final int QINQ = 0x88A8;
    public static final int QINQ_OLD = 0x9100;
    /** Values up to this one are 802.3 lengths, not EtherTypes. */
    public static final int MAX_802_3_LENGTH = 1500;

    private EtherTypes() {
    }

    /** Adds the {@code ethertype} layer and hands {@code [offset, offset + length)} on by {@code etherType}. */
    static void handOff(DissectionContext ctx, DissectorTable table, int etherType, int offset, int length) {
        Dissection tree = ctx.tree();
        tree.beginLayer(ETHERTYPE, offset, 0);
        ctx.handOff(table, etherType, offset, length);
    }
}
