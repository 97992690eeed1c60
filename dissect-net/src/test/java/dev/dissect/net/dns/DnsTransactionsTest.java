package dev.dissect.net.dns;

import static dev.dissect.net.dns.DnsFrames.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.testkit.DnsMessages;
import dev.dissect.testkit.Packets;
import org.junit.jupiter.api.Test;

/** Queries are found again however their keys fall, and across VLANs as tshark's conversations are. */
class DnsTransactionsTest {
    @Test
    void keysOfOneSlotBothMatch() {
        // Two queries of ndpi's dnscrypt-v1-and-resolver-pings (ids 0x0a6e and 0x0a72 of one flow) that shared a
        // slot of the old direct-mapped table, so the first was lost before its response came.
        long[] first = {2670, 0, 167772161, 0, 876735361, -5024607906591408124L};
        long[] second = {2674, 0, 167772161, 0, 876735361, -2850495186478301180L};
        DnsTransactions t = new DnsTransactions();
        t.putQuery(first, 213, 3606, 0, false);
        t.putQuery(second, 215, 3606, 0, false);
        assertTrue(t.findQuery(first, 219));
        assertEquals(213, t.queryFrame);
        assertTrue(t.findQuery(second, 220));
        assertEquals(215, t.queryFrame);
    }

    @Test
    void aResponseOnAnotherVlanMatches() {
        // zeek's sshfp-trunc: the query on VLAN 34, the response on VLAN 47.
        DnsFrames frames = new DnsFrames();
        byte[] query = DnsMessages.query(0x9fd4).question("mon.lbl.gov", 44).build();
        byte[] response = DnsMessages.response(0x9fd4).question("mon.lbl.gov", 44).build();
        Dissection d = new Dissection();
        frames.engineDissect(d, 1, tagged(34, DnsFrames.udp(DnsFrames.CLIENT, DnsFrames.SERVER, 54109, 53, query)));
        frames.engineDissect(d, 2, tagged(47, DnsFrames.udp(DnsFrames.SERVER, DnsFrames.CLIENT, 53, 54109, response)));
        assertEquals("1", field(d, "dns.response_to"));
    }

    /** The Ethernet frame {@code untagged} with an 802.1Q tag of {@code vid}. */
    private static byte[] tagged(int vid, byte[] untagged) {
        byte[] inner = java.util.Arrays.copyOfRange(untagged, 14, untagged.length);
        return Packets.ethernet(0x001122334455L, 0x66778899aabbL, 0x8100, Packets.vlanTag(0, 0, vid, 0x0800, inner));
    }
}
