package dev.dissect.tls.ladder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link LadderBuilder} keeps of one frame, or of a run of frames folded into one arrow: a TCP segment's
 * header facts and TLS record types, or a DNS message. Plain mutable holder, owned by the builder.
 */
final class FrameFacts {
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int ACK = 0x10;

    long frame;
    long firstFrame;
    long lastFrame;
    long second;
    int nanos;
    byte[] src = new byte[0];
    byte[] dst = new byte[0];
    int srcPort;
    int dstPort;

    // TCP
    long stream = -1;
    int flags;
    long seq;
    long ack;
    long len;
    boolean hasSeq;
    int[] contentTypes = new int[0];
    int[] handshakeTypes = new int[0];
    int[] suites = new int[0];
    int[] supportedVersions = new int[0];
    int[] keyShareGroups = new int[0];
    String verdict;
    /** Encrypted records (type 23) taken, without keys, for the TLS 1.3 handshake (server flight, client Finished). */
    int inferredHandshakeRecords;
    /** Encrypted records (type 23) counted as application data; for a run, the sum. */
    int applicationRecords;
    int runFrames = 1;

    // DNS
    boolean dns;
    boolean response;
    int dnsId;
    String queryName;
    int queryType = -1;
    int rcode;
    long responseTo;
    final List<String> answers = new ArrayList<>(1);

    boolean isTcp() {
        return stream >= 0;
    }

    boolean control() {
        return (flags & (SYN | FIN | RST)) != 0;
    }

    boolean bareAck() {
        return !control() && len == 0 && contentTypes.length == 0;
    }

    /** Carries only application data records and segments of them: may be folded with its neighbours. */
    boolean dataOnly() {
        if (control() || len == 0 || inferredHandshakeRecords > 0) {
            return false;
        }
        for (int t : contentTypes) {
            if (t != 23) {
                return false;
            }
        }
        return true;
    }

    /** A segment of a record completed in a later frame: payload, but no record ended here. */
    boolean continuation() {
        return !control() && len > 0 && contentTypes.length == 0;
    }

    boolean sameSender(FrameFacts o) {
        return srcPort == o.srcPort && Arrays.equals(src, o.src);
    }

    boolean has(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** Folds the next frame of a run into this one: the arrow keeps this frame's time and sequence number. */
    void absorbFollowing(FrameFacts next) {
        lastFrame = next.lastFrame;
        ack = next.ack;
        len += next.len;
        applicationRecords += next.applicationRecords;
        runFrames += next.runFrames;
    }

    /** Folds the segments that came before into this frame, which completed the message they carried. */
    void absorbPreceding(FrameFacts before) {
        firstFrame = before.firstFrame;
        seq = before.seq;
        len += before.len;
        runFrames += before.runFrames;
    }
}
