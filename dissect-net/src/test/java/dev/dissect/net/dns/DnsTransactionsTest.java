package dev.dissect.net.dns;

import static dev.dissect.net.dns.DnsFrames.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.net.engine.Limits;
import dev.dissect.testkit.DnsMessages;
import dev.dissect.testkit.Packets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queries are found again however their keys fall, and across VLANs as tshark's conversations are. */
class DnsTransactionsTest {
    @Test
    void keysOfOneSlotBothMatch() {
        // Two queries of ndpi's dnscrypt-v1-and-resolver-pings (ids 0x0a6e and 0x0a72 of one flow) that shared a
        // slot of the old direct-mapped table, so the first was lost before its response came.
        long[] first = {2670, 0, 167772161, 0, 876735361, -5024607906591408124L};
        long[] second = {2674, 0, 167772161, 0, 876735361, -2850495186478301180L};
        DnsTransactions t = new DnsTransactions(4_096);
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

    @Test
    void tableRoundsUpToAPowerOfTwo() {
        assertEquals(4, new DnsTransactions(1).capacity());
        assertEquals(8, new DnsTransactions(5).capacity());
        assertEquals(4_096, new DnsTransactions(4_096).capacity());
    }

    @Test
    void aLoweredQueryTableForgetsTheOldestQuery() {
        Limits fourQueries = Limits.defaults().with(DnsLimits.MAX_OPEN_QUERIES, 4);
        assertEquals(List.of("", "2", "3", "4", "5"), responseTo(fourQueries));
        assertEquals(List.of("1", "2", "3", "4", "5"), responseTo(Limits.defaults()));
    }

    /** {@code dns.response_to} of five responses, after five queries from five client ports. */
    private static List<String> responseTo(Limits limits) {
        DnsFrames frames = new DnsFrames(limits);
        Dissection d = new Dissection();
        for (int i = 0; i < 5; i++) {
            byte[] query = DnsMessages.query(0x1000 + i).question("q" + i + ".test", 1).build();
            frames.engineDissect(d, 1 + i, DnsFrames.udp(DnsFrames.CLIENT, DnsFrames.SERVER, 40_000 + i, 53, query));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byte[] response = DnsMessages.response(0x1000 + i).question("q" + i + ".test", 1).build();
            frames.engineDissect(d, 6 + i, DnsFrames.udp(DnsFrames.SERVER, DnsFrames.CLIENT, 53, 40_000 + i, response));
            String to = field(d, "dns.response_to");
            out.add(to == null ? "" : to);
        }
        return out;
    }

    /** The Ethernet frame {@code untagged} with an 802.1Q tag of {@code vid}. */
    private static byte[] tagged(int vid, byte[] untagged) {
        byte[] inner = java.util.Arrays.copyOfRange(untagged, 14, untagged.length);
        return Packets.ethernet(0x001122334455L, 0x66778899aabbL, 0x8100, Packets.vlanTag(0, 0, vid, 0x0800, inner));
    }
}
