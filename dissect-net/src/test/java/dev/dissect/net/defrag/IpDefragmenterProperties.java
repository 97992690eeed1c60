package dev.dissect.net.defrag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.net.reassembly.ReassemblyOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Whatever the order, duplication and consistent overlap of fragments, the datagram comes back; caps hold. */
class IpDefragmenterProperties {

    @Property(tries = 300)
    void anyOrderDuplicationAndOverlapReassembles(@ForAll long seed, @ForAll boolean ipv6,
                                                  @ForAll @IntRange(min = 1, max = 8_000) int size) {
        Random random = new Random(seed);
        byte[] p = new byte[size];
        random.nextBytes(p);
        List<int[]> pieces = new ArrayList<>(); // offsets in 8-byte units as on the wire; the last one ends the datagram
        for (int at = 0; at < size; ) {
            int len = Math.min(size - at, 8 * (1 + random.nextInt(64)));
            pieces.add(new int[] {at, len});
            if (random.nextInt(4) == 0) {
                pieces.add(new int[] {at, len});
            }
            if (random.nextInt(4) == 0 && at + len < size) {
                int from = Math.max(0, at - 8 * random.nextInt(3));
                pieces.add(new int[] {from, Math.min(size - from, len + 8 * (1 + random.nextInt(4)))});
            }
            at += len;
        }
        Collections.shuffle(pieces, random);
        Fragments f = new Fragments(ReassemblyOptions.defaults());
        byte[] whole = null;
        int remaining = pieces.size();
        for (int[] piece : pieces) {
            remaining--;
            byte[] got = f.add(ipv6 ? 6 : 4, 42, p, piece[0], piece[1], piece[0] + piece[1] < size, 0);
            if (got != null) {
                assertNull(whole, "completed once");
                whole = got;
                if (remaining > 0) {
                    break; // later copies would start a new datagram
                }
            }
        }
        assertArrayEquals(p, whole);
        assertFalse(f.defrag.lastConflict());
        assertEquals(0, f.counters.fragmentBytes());
    }

    @Property(tries = 100)
    void capsAreNeverExceeded(@ForAll long seed, @ForAll @LongRange(min = 0, max = 40_000) long cap,
                              @ForAll @IntRange(min = 1, max = 16) int maxDatagrams) {
        Random random = new Random(seed);
        Fragments f = new Fragments(ReassemblyOptions.defaults().withFragmentCaps(maxDatagrams, cap, 5_000_000_000L));
        byte[] p = new byte[20_000];
        random.nextBytes(p);
        for (int i = 0; i < 500; i++) {
            int at = 8 * random.nextInt(2_000);
            int len = Math.min(p.length - at, 1 + random.nextInt(2_000));
            f.add(random.nextBoolean() ? 4 : 6, random.nextInt(30), p, at, len, random.nextInt(8) != 0,
                    i * 50_000_000L);
            assertTrue(f.counters.fragmentBytes() <= cap, f.counters::toString);
            assertTrue(f.defrag.pendingCount() <= maxDatagrams);
        }
        assertTrue(f.counters.fragmentPeakBytes() <= cap);
    }
}
