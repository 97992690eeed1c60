package dev.dissect.net.reassembly;

/**
 * What sequence analysis found for one segment: tshark's relative numbers, the scaled window and the
 * {@code tcp.analysis.*} flags. One object, owned by the {@link TcpReassembler}, refilled per segment.
 */
public final class TcpSegmentResult {
    public static final int RETRANSMISSION = 1;
    public static final int FAST_RETRANSMISSION = 1 << 1;
    public static final int OUT_OF_ORDER = 1 << 2;
    public static final int LOST_SEGMENT = 1 << 3;
    public static final int DUPLICATE_ACK = 1 << 4;
    public static final int ZERO_WINDOW = 1 << 5;
    public static final int ZERO_WINDOW_PROBE = 1 << 6;
    public static final int KEEP_ALIVE = 1 << 7;
    public static final int WINDOW_UPDATE = 1 << 8;
    public static final int REUSED_PORTS = 1 << 9;
    /** An ACK answering the peer's keep-alive: not a duplicate ACK (Wireshark's {@code keep_alive_ack}). */
    public static final int KEEP_ALIVE_ACK = 1 << 10;
    /** Data the peer had already acknowledged, sent again; always with {@link #RETRANSMISSION}, as tshark shows. */
    public static final int SPURIOUS_RETRANSMISSION = 1 << 11;

    /** {@link #scaleFactor} when the window scale is unknown (no SYN seen), as tshark's -1. */
    public static final int SCALE_UNKNOWN = -1;
    /** {@link #scaleFactor} when the SYNs did not both ask for scaling, as tshark's -2. */
    public static final int SCALE_NONE = -2;
    /** {@link #scaleFactor} on a SYN: the window is never scaled and tshark shows no factor. */
    public static final int SCALE_NOT_SHOWN = Integer.MIN_VALUE;

    public long streamIndex;
    /** 0 when the segment travels client to server, 1 otherwise. */
    public int direction;
    public long seq;
    public long ack;
    public long nextSeq;
    public long windowSize;
    public int scaleFactor;
    public int analysis;
    public int dupAckNum;
    public long dupAckFrame;
    /** The frame this segment acknowledges, 0 when none. */
    public long acksFrame;
    public long ackRttNanos;
    /** The initial RTT (SYN to the ACK of the SYN/ACK), or -1 while unknown. */
    public long initialRttNanos;
    /** The peer's base sequence number, for relative SACK edges; valid when {@link #peerBaseSet}. */
    public int peerBase;
    public boolean peerBaseSet;

    void clear() {
        analysis = 0;
        dupAckNum = 0;
        dupAckFrame = 0;
        acksFrame = 0;
        ackRttNanos = 0;
        initialRttNanos = -1;
    }

    public boolean has(int flag) {
        return (analysis & flag) != 0;
    }
}
