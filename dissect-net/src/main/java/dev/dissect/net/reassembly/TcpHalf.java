package dev.dissect.net.reassembly;

/**
 * One direction of a TCP flow as the sender shows it: base for relative numbers, what Wireshark's sequence analysis
 * keeps ({@code nextseq}, {@code lastack}, window, duplicate-ACK count), and the sender's unacknowledged segments
 * for {@code tcp.analysis.acks_frame}.
 *
 * <p>Positions ({@code nextPos}) are relative sequence numbers unwrapped to 64 bits: 0 is the SYN, so wraparound
 * of the 32-bit numbers never confuses ordering.
 */
final class TcpHalf {
    static final int WS_UNKNOWN = -1;
    static final int WS_NONE = -2;
    private static final int UNACKED_CAPACITY = 16;

    boolean baseSet;
    /** Where positions count from: the first base, kept for analysis and delivery. */
    int base;
    /** Wireshark's {@code base_seq}, which relative numbers are shown from: {@link #base} until a SYN-ACK moves it. */
    int shownBase;
    boolean synSeen;
    int isn;
    /** The position of the SYN this direction's bytes are delivered after (0 unless a SYN-ACK moved the base). */
    long isnPos;
    int wsShift = WS_UNKNOWN;

    boolean nextSet;
    long nextPos;
    long nextTime;

    boolean lastAckSet;
    int lastAck;
    /** Capture time of this direction's last ACK (nanoseconds): fast retransmissions are measured from it. */
    long lastAckTime;
    /** The window field of this direction's last segment, unscaled. */
    int window = -1;
    int dupAckNum;
    long lastNonDupAckFrame;
    /** The analysis flags of this direction's last segment. */
    int lastAnalysis;

    /** This direction's stream ended and its {@link StreamHalf} was let go with the flow's other one. */
    boolean streamEnded;
    boolean finSeen;
    long finPos;

    private long[] unackedEnd;
    private long[] unackedFrame;
    private long[] unackedTime;
    private int unackedHead;
    private int unackedCount;

    /** Delivery to a stream dissector; null until one is attached, and again after the flow idled. */
    StreamHalf stream;
    /** The flow idled with a delivery under way: the next one starts where the bytes resume, not at 0. */
    boolean streamResumes;

    /**
     * True if this direction has a next sequence number as Wireshark's analysis sees one: Wireshark keeps it as a raw
     * 32-bit number where 0 means none, so a segment that ends exactly at raw 0 (a RST with sequence number 0) leaves
     * the direction without one, and the next segment is neither lost nor a retransmission.
     */
    boolean hasNext() {
        return nextSet && base + (int) nextPos != 0;
    }

    /** The 64-bit position of raw sequence number {@code seq} near the current next position. */
    long unwrap(int seq) {
        int rel = seq - base;
        long ref = nextSet ? nextPos : 0;
        return ref + (rel - (int) ref);
    }

    /** Remembers a segment that ends at {@code end}, for matching a later ACK. */
    /** The furthest end of a segment recorded by {@link #sent}. */
    long maxSentEnd = Long.MIN_VALUE;

    void sent(long end, long frame, long time) {
        if (unackedEnd == null) {
            unackedEnd = new long[UNACKED_CAPACITY];
            unackedFrame = new long[UNACKED_CAPACITY];
            unackedTime = new long[UNACKED_CAPACITY];
        }
        if (unackedCount == UNACKED_CAPACITY) {
            unackedHead = (unackedHead + 1) % UNACKED_CAPACITY;
            unackedCount--;
        }
        int i = (unackedHead + unackedCount) % UNACKED_CAPACITY;
        unackedEnd[i] = end;
        unackedFrame[i] = frame;
        unackedTime[i] = time;
        unackedCount++;
    }

    /**
     * Forgets the segments that {@code ackPos} acknowledges entirely and reports the last of them into
     * {@code out} ({@code acksFrame}, {@code ackRttNanos}); leaves {@code out} alone when none.
     */
    void acked(long ackPos, long now, TcpSegmentResult out) {
        while (unackedCount > 0 && unackedEnd[unackedHead] <= ackPos) {
            out.acksFrame = unackedFrame[unackedHead];
            out.ackRttNanos = now - unackedTime[unackedHead];
            unackedHead = (unackedHead + 1) % UNACKED_CAPACITY;
            unackedCount--;
        }
    }

    /** Frees the table of unacknowledged segments when it is empty (a closed connection's); made again if needed. */
    void compact() {
        if (unackedCount == 0) {
            unackedEnd = null;
            unackedFrame = null;
            unackedTime = null;
            unackedHead = 0;
        }
    }
}
