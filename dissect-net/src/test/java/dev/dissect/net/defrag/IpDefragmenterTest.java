package dev.dissect.net.defrag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.net.reassembly.OverlapPolicy;
import dev.dissect.net.reassembly.ReassemblyCounter;
import dev.dissect.net.reassembly.ReassemblyOptions;
import org.junit.jupiter.api.Test;

/** Datagrams come back whole in any order, overlaps follow the policy, and the caps hold exactly. */
class IpDefragmenterTest {
    private static byte[] payload(int n) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            p[i] = (byte) (i * 7 + 3);
        }
        return p;
    }

    @Test
    void inOrderIpv4() {
        Fragments f = new Fragments(ReassemblyOptions.defaults());
        byte[] p = payload(3000);
        assertNull(f.add(4, 1, p, 0, 1480, true, 0));
        assertNull(f.add(4, 1, p, 1480, 1480, true, 0));
        assertArrayEquals(p, f.add(4, 1, p, 2960, 40, false, 0));
        assertEquals(3, f.defrag.lastFrameCount());
        assertEquals(0, f.defrag.pendingCount());
        assertEquals(0, f.counters.fragmentBytes());
    }

    @Test
    void lastFragmentFirstIpv6() {
        Fragments f = new Fragments(ReassemblyOptions.defaults());
        byte[] p = payload(100);
        assertNull(f.add(6, 9, p, 96, 4, false, 0));
        assertNull(f.add(6, 9, p, 48, 48, true, 0));
        assertArrayEquals(p, f.add(6, 9, p, 0, 48, true, 0));
    }

    @Test
    void overlapFirstWinsByDefaultAndConflictIsReported() {
        Fragments f = new Fragments(ReassemblyOptions.defaults());
        byte[] p = payload(32);
        byte[] other = payload(32);
        other[10] ^= 0x55;
        assertNull(f.add(4, 2, p, 0, 16, true, 0));
        assertNull(f.add(4, 2, other, 8, 16, true, 0));
        assertTrue(f.defrag.lastOverlap());
        assertTrue(f.defrag.lastConflict());
        assertArrayEquals(p, f.add(4, 2, p, 24, 8, false, 0));
        assertEquals(1, f.counters.get(ReassemblyCounter.OVERLAP_CONFLICTS));
    }

    @Test
    void overlapLastWinsWhenAsked() {
        Fragments f = new Fragments(ReassemblyOptions.defaults().withOverlapPolicy(OverlapPolicy.LAST_WINS));
        byte[] p = payload(32);
        byte[] other = payload(32);
        other[10] ^= 0x55;
        f.add(4, 3, p, 0, 16, true, 0);
        f.add(4, 3, other, 8, 16, true, 0);
        byte[] whole = f.add(4, 3, p, 24, 8, false, 0);
        assertEquals(other[10], whole[10]);
    }

    @Test
    void aLastFragmentThatDisagreesOnTheLengthIsDropped() {
        Fragments f = new Fragments(ReassemblyOptions.defaults());
        byte[] p = payload(64);
        f.add(4, 4, p, 32, 32, false, 0);
        assertNull(f.add(4, 4, p, 40, 8, false, 0));
        assertEquals(1, f.counters.get(ReassemblyCounter.FRAGMENTS_DROPPED));
    }

    /** As Wireshark (zeek's ipv4/fragmented-1.pcap): a fragment past the fixed length counts up to that length. */
    @Test
    void aFragmentPastTheLastFragmentsEndCountsUpToIt() {
        Fragments f = new Fragments(ReassemblyOptions.defaults());
        byte[] p = payload(64);
        byte[] longer = payload(96);
        longer[0] ^= 0x55;
        assertNull(f.add(4, 7, p, 0, 16, true, 0));
        assertNull(f.add(4, 7, p, 48, 16, false, 0));
        assertArrayEquals(p, f.add(4, 7, longer, 0, 96, true, 0), "held bytes win, the rest is cut at 64");
        assertEquals(0, f.counters.get(ReassemblyCounter.FRAGMENTS_DROPPED));
        assertTrue(f.defrag.lastConflict());
    }

    @Test
    void idleDatagramsTimeOutOnCaptureTime() {
        Fragments f = new Fragments(ReassemblyOptions.defaults().withFragmentCaps(64, 1 << 20, 1_000_000_000L));
        byte[] p = payload(64);
        f.add(4, 5, p, 0, 32, true, 0);
        assertNull(f.add(4, 6, p, 0, 32, true, 2_000_000_000L));
        assertEquals(1, f.counters.get(ReassemblyCounter.DATAGRAMS_EVICTED_IDLE));
        assertNull(f.add(4, 5, p, 32, 32, false, 2_000_000_000L)); // its first half is gone
    }

    @Test
    void theByteCapHoldsWhenEveryNewDatagramCostsOverhead() {
        // 300 bytes fit one datagram's overhead (256) but not two: the second evicts the first.
        Fragments f = new Fragments(ReassemblyOptions.defaults().withFragmentCaps(64, 300, Long.MAX_VALUE));
        byte[] p = payload(8);
        for (int id = 0; id < 50; id++) {
            f.add(4, id, p, 0, 8, true, 0);
            assertTrue(f.counters.fragmentBytes() <= 300, () -> f.counters.toString());
        }
        assertTrue(f.counters.fragmentPeakBytes() <= 300);
    }

    @Test
    void aCapBelowTheOverheadHoldsNothing() {
        Fragments f = new Fragments(ReassemblyOptions.defaults().withFragmentCaps(64, 100, Long.MAX_VALUE));
        assertNull(f.add(6, 1, payload(8), 0, 8, true, 0));
        assertEquals(0, f.defrag.pendingCount());
        assertEquals(0, f.counters.fragmentPeakBytes());
    }

    @Test
    void tenThousandOverlappingFragmentsStayBounded() {
        long cap = 200_000;
        Fragments f = new Fragments(ReassemblyOptions.defaults().withFragmentCaps(64, cap, Long.MAX_VALUE));
        byte[] p = payload(20_000);
        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            int at = (i * 8) % 19_000;
            f.add(4, 7, p, at, 1_000, true, 0);
            assertTrue(f.counters.fragmentBytes() <= cap);
        }
        byte[] whole = f.add(4, 7, p, 19_000, 1_000, false, 0);
        assertArrayEquals(p, whole);
        assertTrue(f.counters.fragmentPeakBytes() <= cap);
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "linear in the fragments' bytes");
    }
}
