package dev.dissect.net.reassembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.buffer.ByteView;
import org.junit.jupiter.api.Test;

/** The out-of-order queue: work per insert is logarithmic, and the walk keeps its overlap semantics. */
class SegmentQueueTest {
    private static final ByteView ONE = ByteView.of(new byte[] {42});

    /** Inserts n one-byte segments in reverse order (the worst case for a front-to-back scan); returns the steps. */
    private static long reverseInserts(int n) {
        SegmentQueue q = new SegmentQueue();
        for (int i = n; i >= 1; i--) {
            long cost = q.cost(i, 1);
            assertEquals(1 + SegmentQueue.CHUNK_OVERHEAD, cost);
            assertFalse(q.insert(i, ONE, 0, 1, i, OverlapPolicy.FIRST_WINS));
        }
        assertEquals(n, q.size());
        assertEquals((long) n * (1 + SegmentQueue.CHUNK_OVERHEAD), q.charged());
        long expect = 1;
        while (!q.isEmpty()) {
            SegmentQueue.Chunk c = q.removeFirst();
            assertEquals(expect++, c.pos);
        }
        assertEquals(0, q.charged());
        return q.steps;
    }

    @Test
    void reverseOrderInsertionIsNLogN() {
        int n = 10_000;
        long steps = reverseInserts(n);
        double nLogN = n * (Math.log(n) / Math.log(2));
        // A front-to-back scan would take about n * n / 2 = 5e7 steps; the tree takes about 8 n log2 n (deterministic).
        assertTrue(steps <= 12 * nLogN, "steps " + steps + " > 12 n log2 n = " + (long) (12 * nLogN));
        // Doubling n roughly doubles the work (quadratic would quadruple it).
        long doubled = reverseInserts(2 * n);
        assertTrue(doubled < 2.5 * steps, "steps " + steps + " for n, " + doubled + " for 2n");
    }

    @Test
    void overlapsAreComparedAndOnlyGapsBecomeChunks() {
        SegmentQueue q = new SegmentQueue();
        q.insert(10, ByteView.of(new byte[] {1, 2, 3}), 0, 3, 1, OverlapPolicy.FIRST_WINS);
        q.insert(20, ByteView.of(new byte[] {4, 5}), 0, 2, 2, OverlapPolicy.FIRST_WINS);
        byte[] span = new byte[15]; // [8, 23)
        for (int i = 0; i < span.length; i++) {
            span[i] = (byte) 9;
        }
        span[10 - 8] = 1; // agrees with the first chunk's first byte
        assertEquals((2 + 7 + 1) + 3L * SegmentQueue.CHUNK_OVERHEAD, q.cost(8, 15));
        assertTrue(q.insert(8, ByteView.of(span), 0, 15, 3, OverlapPolicy.FIRST_WINS));
        assertEquals(5, q.size());
        long[] pos = {8, 10, 13, 20, 22};
        int[] len = {2, 3, 7, 2, 1};
        for (int i = 0; i < pos.length; i++) {
            SegmentQueue.Chunk c = q.removeFirst();
            assertEquals(pos[i], c.pos);
            assertEquals(len[i], c.bytes.length);
            if (c.pos == 10) {
                assertEquals(2, c.bytes[1]); // FIRST_WINS kept the old byte
            }
        }
        assertTrue(q.isEmpty());

        q.insert(10, ByteView.of(new byte[] {1, 2, 3}), 0, 3, 1, OverlapPolicy.LAST_WINS);
        assertTrue(q.insert(11, ByteView.of(new byte[] {7}), 0, 1, 2, OverlapPolicy.LAST_WINS));
        assertEquals(7, q.first().bytes[1]);
        assertEquals(0, q.cost(10, 3));
    }
}
