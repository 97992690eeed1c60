package dev.dissect.net.dns;


/**
 * Remembers recent queries so that a response can name its query ({@code dns.response_to}) and the time between
 * them ({@code dns.time}), in one pass.
 *
 * <p><b>Memory is bounded and nothing is allocated per message:</b> a table of
 * {@link DnsLimits#MAX_OPEN_QUERIES} slots of primitives, {@link #WAYS}-way set-associative. The key is
 * {@link #KEY_LONGS} longs: the transaction id with the transport, then the conversation as the engine knows it (for UDP the canonical flow key of
 * {@code NetworkEndpoints}, which is the same both ways, without the VLAN; for TCP the {@code tcp.stream} number).
 * Keys are compared whole, so two conversations never share a match. A new query whose set is full replaces the
 * oldest query of the set, so under heavy load an old query may be forgotten (its response then carries no
 * {@code dns.response_to}).
 *
 * <p>One table per capture: it lives in the session's store ({@link DnsSessionState}), so a new capture starts
 * empty. Not thread-safe, like the engine that owns it.
 */
final class DnsTransactions {
    /** Slots a key may use: its set of four (a direct-mapped table lost queries to collisions on the corpus). */
    static final int WAYS = 4;
    /** Longs in a key: transaction id and transport, then five of conversation. */
    static final int KEY_LONGS = 6;
    /** A repeated unanswered query within this many seconds is a retransmission of the first. */
    static final long RETRANSMISSION_SECONDS = 5;
    private final int mask;
    private final long[] keys;
    private final long[] frame;
    private final long[] seconds;
    private final int[] nanos;
    private final long[] answeredIn;
    private final boolean[] severalResponses;

    /** Frame number of the matched query after {@link #findQuery}. */
    long queryFrame;
    long querySeconds;
    int queryNanos;

    /** A table of {@code capacity} slots, rounded up to a power of two. */
    DnsTransactions(int capacity) {
        int slots = Math.max(WAYS, Integer.highestOneBit(Math.max(1, capacity - 1)) << 1);
        mask = slots - 1;
        keys = new long[slots * KEY_LONGS];
        frame = new long[slots];
        seconds = new long[slots];
        nanos = new int[slots];
        answeredIn = new long[slots];
        severalResponses = new boolean[slots];
    }

    /** How many queries the table holds. */
    int capacity() {
        return mask + 1;
    }

    /**
     * Records a query. A query whose key is already waiting for its answer is a retransmission: the original
     * stays, as tshark keeps the first request of a transaction, if it came less than
     * {@link #RETRANSMISSION_SECONDS} earlier (tshark's retransmission timer); otherwise this is a new transaction.
     *
     * @param several a zone transfer (AXFR, IXFR): every response matches, as tshark lets them
     */
    void putQuery(long[] key, long frameNumber, long epochSecond, int nano, boolean several) {
        int set = set(key);
        int slot = find(set, key);
        if (slot >= 0) {
            if (answeredIn[slot] == 0 && frame[slot] < frameNumber
                    && epochSecond - seconds[slot] < RETRANSMISSION_SECONDS) {
                return;
            }
        } else {
            slot = set; // an empty way, else the oldest query of the set gives way
            for (int w = 0; w < WAYS; w++) {
                if (frame[set + w] == 0) {
                    slot = set + w;
                    break;
                }
                if (frame[set + w] < frame[slot]) {
                    slot = set + w;
                }
            }
        }
        answeredIn[slot] = 0;
        severalResponses[slot] = several;
        System.arraycopy(key, 0, keys, slot * KEY_LONGS, KEY_LONGS);
        frame[slot] = frameNumber;
        seconds[slot] = epochSecond;
        nanos[slot] = nano;
    }

    /**
     * Looks up the query a response answers; true if found (see {@link #queryFrame}). A second response in a
     * later frame to an answered query is a retransmission and finds nothing, as in tshark; several responses in
     * one frame (DNS over TCP) all find it, and so do the responses of a zone transfer.
     */
    boolean findQuery(long[] key, long responseFrame) {
        int slot = find(set(key), key);
        if (slot < 0 || frame[slot] >= responseFrame
                || (answeredIn[slot] != 0 && answeredIn[slot] != responseFrame && !severalResponses[slot])) {
            return false;
        }
        answeredIn[slot] = responseFrame;
        queryFrame = frame[slot];
        querySeconds = seconds[slot];
        queryNanos = nanos[slot];
        return true;
    }

    /** The slot of {@code key} in the set starting at {@code set}, or -1. */
    private int find(int set, long[] key) {
        for (int w = 0; w < WAYS; w++) {
            if (frame[set + w] != 0 && same(set + w, key)) {
                return set + w;
            }
        }
        return -1;
    }

    private boolean same(int slot, long[] key) {
        int at = slot * KEY_LONGS;
        for (int i = 0; i < KEY_LONGS; i++) {
            if (keys[at + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first slot of the set {@code key} belongs to. */
    private int set(long[] key) {
        long h = 0;
        for (int i = 0; i < KEY_LONGS; i++) {
            h = (h ^ key[i]) * 0x9E3779B97F4A7C15L;
        }
        return (int) (h ^ h >>> 29 ^ h >>> 47) & mask & -WAYS;
    }
}
