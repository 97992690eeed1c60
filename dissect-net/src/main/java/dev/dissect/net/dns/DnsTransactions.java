package dev.dissect.net.dns;

/**
 * Remembers recent queries so that a response can name its query ({@code dns.response_to}) and the time between
 * them ({@code dns.time}), in one pass.
 *
 * <p><b>Memory is bounded and nothing is allocated per message:</b> a direct-mapped table of {@link #CAPACITY}
 * slots of primitives, keyed by (transaction id, the two endpoints' addresses and ports in either order); a newer
 * query whose key falls in the same slot replaces the older one, so under heavy load an old query may be
 * forgotten (its response then carries no {@code dns.response_to}), never matched wrongly unless two different
 * keys agree on every stored part of the key (the addresses are kept as 64-bit hashes).
 *
 * <p>One table per {@link DnsProvider} registration, so its lifetime is that of the engine's registry; no
 * statics. {@code dns.response_in} (on the query) would need the response's frame number before it is read:
 * tshark does a second pass for it; this one-pass table cannot, and the engine offers no second pass yet.
 *
 * <p>Not thread-safe, like the engine that owns it.
 */
final class DnsTransactions {
    static final int CAPACITY = 4096;
    /** A repeated unanswered query within this many seconds is a retransmission of the first. */
    static final long RETRANSMISSION_SECONDS = 5;
    private static final int MASK = CAPACITY - 1;

    private final long[] keyA = new long[CAPACITY];
    private final long[] keyB = new long[CAPACITY];
    private final long[] keyC = new long[CAPACITY];
    private final long[] frame = new long[CAPACITY];
    private final long[] seconds = new long[CAPACITY];
    private final int[] nanos = new int[CAPACITY];
    private final long[] answeredIn = new long[CAPACITY];

    /** Frame number of the matched query after {@link #findQuery}. */
    long queryFrame;
    long querySeconds;
    int queryNanos;

    /**
     * Records a query. A query whose key is already waiting for its answer is a retransmission: the original
     * stays, as tshark keeps the first request of a transaction, if it came less than
     * {@link #RETRANSMISSION_SECONDS} earlier (tshark's retransmission timer); otherwise this is a new transaction.
     */
    void putQuery(long a, long b, long c, long frameNumber, long epochSecond, int nano) {
        int slot = slot(a, b, c);
        if (frame[slot] != 0 && answeredIn[slot] == 0 && keyA[slot] == a && keyB[slot] == b && keyC[slot] == c
                && frame[slot] < frameNumber && epochSecond - seconds[slot] < RETRANSMISSION_SECONDS) {
            return;
        }
        answeredIn[slot] = 0;
        keyA[slot] = a;
        keyB[slot] = b;
        keyC[slot] = c;
        frame[slot] = frameNumber;
        seconds[slot] = epochSecond;
        nanos[slot] = nano;
    }

    /**
     * Looks up the query a response answers; true if found (see {@link #queryFrame}). A second response in a
     * later frame to an answered query is a retransmission and finds nothing, as in tshark; several responses in
     * one frame (DNS over TCP) all find it.
     */
    boolean findQuery(long a, long b, long c, long responseFrame) {
        int slot = slot(a, b, c);
        if (frame[slot] == 0 || keyA[slot] != a || keyB[slot] != b || keyC[slot] != c
                || frame[slot] >= responseFrame
                || (answeredIn[slot] != 0 && answeredIn[slot] != responseFrame)) {
            return false;
        }
        answeredIn[slot] = responseFrame;
        queryFrame = frame[slot];
        querySeconds = seconds[slot];
        queryNanos = nanos[slot];
        return true;
    }

    private static int slot(long a, long b, long c) {
        long h = a * 0x9E3779B97F4A7C15L ^ b * 0xC2B2AE3D27D4EB4FL ^ c * 0x165667B19E3779F9L;
        return (int) (h ^ h >>> 29 ^ h >>> 47) & MASK;
    }
}
