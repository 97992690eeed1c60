package dev.dissect.net.reassembly;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.flow.FlowTable;
import dev.dissect.net.flow.NetworkEndpoints;
import dev.dissect.net.flow.SessionStore;

/**
 * TCP flows of one session: {@code tcp.stream} numbers, relative sequence numbers, Wireshark's sequence analysis,
 * and in-order delivery of each direction's bytes to a stream dissector.
 *
 * <p><b>In-order data is never copied.</b> A segment that continues its stream goes to the stream dissector as the
 * frame's own slice; only out-of-order segments and bytes a dissector leaves for later are copied.
 * <b>Memory is bounded.</b> Flows are capped ({@link ReassemblyOptions#maxFlows()}, least recently active evicted
 * first) and time out on capture time; buffered bytes are capped per flow and in total, and what a cap forces out
 * is reported to the stream dissector as a gap and counted. <b>Finding a flow allocates nothing</b>; a new flow
 * costs a few small objects.
 *
 * <p>A flow idle for {@link ReassemblyOptions#flowIdleTimeoutNanos()} of capture time has its streams ended (held
 * bytes flushed with gaps, {@code onEnd}, buffers freed) but keeps its {@code tcp.stream} number and sequence
 * analysis, as Wireshark, which has no idle timeout, keeps the conversation: if it speaks again, numbering goes on
 * and each direction's bytes go to a new delivery from where they resume. Idle flows cost no buffers and are the
 * first evicted when the flow cap is reached.
 *
 * <p>Sequence analysis follows Wireshark's {@code tcp_analyze_sequence_number} (packet-tcp.c) in order and
 * conditions: zero-window probe, zero window, lost segment, keep-alive, window update, duplicate ACK, then
 * fast retransmission / spurious retransmission (every byte already acknowledged) / out-of-order (the segment came
 * within the initial RTT, or 3 ms, of the highest one) / retransmission.
 *
 * <p>Not thread-safe: one per session, and the engine is single-threaded per session.
 */
public final class TcpReassembler {
    static final int FIN = 0x001;
    static final int SYN = 0x002;
    static final int RST = 0x004;
    static final int ACK = 0x010;
    private static final long OUT_OF_ORDER_DEFAULT_NANOS = 3_000_000L;
    private static final long FAST_RETRANSMISSION_NANOS = 20_000_000L;

    private final ReassemblyOptions options;
    private final ReassemblyCounters counters;
    private final SessionStore store;
    private final FlowTable<TcpFlow> table;
    private final TcpSegmentResult result = new TcpSegmentResult();
    private final StreamContextImpl context = new StreamContextImpl(this);
    private final ByteView empty = ByteView.of(new byte[0]);
    private long nextStreamIndex;
    /** Flows heard from within the idle timeout, least recently active first. */
    private TcpFlow oldest;
    private TcpFlow newest;
    /** Idle flows (streams ended, nothing buffered), kept for their number and analysis; first idled first. */
    private TcpFlow oldestIdle;
    private TcpFlow newestIdle;

    private FrameView frame;
    private Dissection tree;
    private long frameNumber;
    private long now;
    private int currentDir;

    public TcpReassembler(ReassemblyOptions options, ReassemblyCounters counters) {
        this(options, counters, new SessionStore());
    }

    /** A reassembler whose stream dissectors see {@code store} as their session's ({@link SessionStore.Scope}). */
    public TcpReassembler(ReassemblyOptions options, ReassemblyCounters counters, SessionStore store) {
        this.options = options;
        this.counters = counters;
        this.store = store;
        this.table = new FlowTable<>(options.maxFlows());
    }

    public ReassemblyOptions options() {
        return options;
    }

    public ReassemblyCounters counters() {
        return counters;
    }

    /** The session's store of dissector state: what outlives flows ({@code StreamContext.sessionState}). */
    public SessionStore store() {
        return store;
    }

    /** Flows tracked now. */
    public int flowCount() {
        return table.size();
    }

    /** What analysis found for the last segment. */
    public TcpSegmentResult result() {
        return result;
    }

    /**
     * Finds or makes the segment's flow, runs sequence analysis and fills {@link #result()}.
     *
     * @param wsShift       the window-scale option's shift on a SYN, or -1 if absent
     * @param payloadLength the segment's length as reported (IP's length less the headers), captured or not
     * @param analyze       false for a segment whose header runs past its reported length: it only gets its
     *                      {@code tcp.stream}, as in Wireshark
     */
    public TcpFlow segment(NetworkEndpoints endpoints, FrameView frame, Dissection tree, int srcPort, int dstPort,
                           int flags, long seqRaw, long ackRaw, int windowRaw, int wsShift, int payloadLength,
                           boolean analyze) {
        this.frame = frame;
        this.tree = tree;
        this.frameNumber = frame.number();
        this.now = frame.epochSecond() * 1_000_000_000L + frame.nanos();
        expire();
        boolean low = endpoints.buildKey(srcPort, dstPort);
        long[] key = endpoints.key();
        TcpFlow flow = table.get(key);
        boolean syn = (flags & SYN) != 0;
        boolean ackFlag = (flags & ACK) != 0;
        int seq = (int) seqRaw;
        int ack = (int) ackRaw;
        result.clear();
        if (flow != null && syn && !ackFlag) {
            TcpHalf h = flow.halves[low == flow.clientIsLow ? 0 : 1];
            // As Wireshark: a SYN whose sequence number is not the direction's base starts a new connection, even on
            // a flow that never closed.
            if (h.synSeen ? h.isn != seq : flow.closed() || h.baseSet && h.base != seq) {
                remove(flow, flow.closed());
                counters.add(ReassemblyCounter.FLOWS_REUSED, 1);
                result.analysis |= TcpSegmentResult.REUSED_PORTS;
                flow = null;
            }
        }
        if (flow == null) {
            if (table.size() >= options.maxFlows()) {
                counters.add(ReassemblyCounter.FLOWS_EVICTED_CAP, 1);
                remove(oldestIdle != null ? oldestIdle : oldest);
            }
            boolean sourceIsClient = !(syn && ackFlag);
            flow = new TcpFlow(key.clone(), nextStreamIndex++, sourceIsClient == low,
                    endpoints.flowKey(srcPort, dstPort, sourceIsClient));
            table.put(flow.tableKey, flow);
            counters.add(ReassemblyCounter.FLOWS_CREATED, 1);
        }
        touch(flow);
        int dir = low == flow.clientIsLow ? 0 : 1;
        currentDir = dir;
        result.streamIndex = flow.streamIndex;
        if (analyze) {
            analyze(flow, dir, flags, seq, ack, windowRaw, wsShift, payloadLength);
        }
        return flow;
    }

    private void analyze(TcpFlow flow, int dir, int flags, int seq, int ack, int windowRaw, int wsShift, int seglen) {
        TcpHalf fwd = flow.halves[dir];
        TcpHalf rev = flow.halves[1 - dir];
        boolean syn = (flags & SYN) != 0;
        boolean fin = (flags & FIN) != 0;
        boolean rst = (flags & RST) != 0;
        boolean ackFlag = (flags & ACK) != 0;
        boolean sfr = syn || fin || rst;

        if (syn && ackFlag && fwd.baseSet && seq != fwd.shownBase) {
            // As Wireshark: a SYN-ACK whose sequence number is not the direction's base reuses the ports; the
            // direction is numbered from it from now on (each such SYN-ACK moves the base again), while analysis
            // goes on comparing sequence numbers as before (the SYN-ACK may be "lost segment" or a retransmission).
            fwd.shownBase = seq;
            result.analysis |= TcpSegmentResult.REUSED_PORTS;
            if (fwd.stream == null || !fwd.stream.started) {
                fwd.isnPos = fwd.unwrap(seq); // and its bytes are delivered from there, as tshark reassembles them
            }
        }
        if (syn) {
            windowScaling(fwd, rev, wsShift, ackFlag);
            if (!fwd.synSeen) {
                fwd.synSeen = true;
                fwd.isn = seq;
                if (!fwd.baseSet) {
                    // As Wireshark, the base is set once: a SYN-ACK after this direction's first segment moved
                    // only the shown base (above), and analysis keeps comparing with what came before.
                    fwd.base = seq;
                    fwd.shownBase = seq;
                    fwd.baseSet = true;
                }
                fwd.isnPos = fwd.unwrap(seq);
                if (!ackFlag) {
                    flow.synTime = now;
                }
            } else if (!ackFlag && flow.initialRtt < 0) {
                flow.synTime = now; // the initial RTT runs from the last SYN sent, retransmissions included
            }
        } else if (!fwd.baseSet) {
            fwd.base = seq - 1;
            fwd.shownBase = fwd.base;
            fwd.baseSet = true;
        }
        if (ackFlag && !rev.baseSet) {
            rev.base = ack - 1;
            rev.shownBase = rev.base;
            rev.baseSet = true;
        }
        if (!syn && ackFlag && dir == 0 && flow.initialRtt < 0 && flow.synTime >= 0 && rev.synSeen) {
            flow.initialRtt = now - flow.synTime;
        }

        long seqPos = fwd.unwrap(seq);
        long ackPos = ackFlag ? rev.unwrap(ack) : 0;
        result.streamIndex = flow.streamIndex;
        result.direction = dir;
        result.seq = (seq - fwd.shownBase) & 0xFFFF_FFFFL;
        // Without the ACK flag tshark shows the field as it is (relative numbers apply to acknowledgments only).
        result.ack = ackFlag ? (ack - rev.shownBase) & 0xFFFF_FFFFL : ack & 0xFFFF_FFFFL;
        result.nextSeq = (seq - fwd.shownBase + seglen + (syn || fin ? 1 : 0)) & 0xFFFF_FFFFL;
        result.peerBase = rev.shownBase;
        result.peerBaseSet = rev.baseSet;
        result.initialRttNanos = flow.initialRtt;

        long window = windowRaw;
        if (syn) {
            result.scaleFactor = TcpSegmentResult.SCALE_NOT_SHOWN;
        } else if (fwd.wsShift == TcpHalf.WS_NONE) {
            result.scaleFactor = TcpSegmentResult.SCALE_NONE;
        } else if (fwd.wsShift == TcpHalf.WS_UNKNOWN) {
            result.scaleFactor = TcpSegmentResult.SCALE_UNKNOWN;
        } else {
            // This direction's SYN gave its shift; as Wireshark, it applies unless the SYNs said otherwise (see
            // windowScaling), even if the peer's SYN was not seen.
            result.scaleFactor = 1 << fwd.wsShift;
            window = (long) windowRaw << fwd.wsShift;
        }
        result.windowSize = window;

        int a = 0;
        if (seglen == 1 && fwd.nextSet && seqPos == fwd.nextPos && rev.window == 0) {
            a |= TcpSegmentResult.ZERO_WINDOW_PROBE;
        }
        if (window == 0 && !sfr) {
            a |= TcpSegmentResult.ZERO_WINDOW;
        }
        // Wireshark compares 32-bit numbers by their signed difference, so one exactly 2^31 before the next is
        // also after it (fuzz-72.pcap#30): lost and, below, not advanced at once.
        if (fwd.hasNext() && (seqPos > fwd.nextPos || seqPos - fwd.nextPos == Integer.MIN_VALUE) && !rst) {
            a |= TcpSegmentResult.LOST_SEGMENT;
        }
        if ((seglen == 0 || seglen == 1) && fwd.nextSet && seqPos == fwd.nextPos - 1 && !sfr) {
            a |= TcpSegmentResult.KEEP_ALIVE;
        }
        boolean sameState = seglen == 0 && window != 0 && fwd.nextSet && seqPos == fwd.nextPos && ackFlag
                && fwd.lastAckSet && ack == fwd.lastAck && !sfr;
        // Windows are compared as the header carries them, unscaled, as Wireshark: a SYN-ACK's window and the same
        // number in the next ACK are the same window, though only the second is scaled (tcp-simple-gap2).
        if (sameState && windowRaw != fwd.window) {
            a |= TcpSegmentResult.WINDOW_UPDATE;
        }
        if (sameState && windowRaw == fwd.window && (rev.lastAnalysis & TcpSegmentResult.KEEP_ALIVE) != 0) {
            a |= TcpSegmentResult.KEEP_ALIVE_ACK;
        } else if (sameState && windowRaw == fwd.window) {
            a |= TcpSegmentResult.DUPLICATE_ACK;
            fwd.dupAckNum++;
            result.dupAckNum = fwd.dupAckNum;
            result.dupAckFrame = fwd.lastNonDupAckFrame;
        }
        if ((seglen > 0 || syn || fin) && (a & TcpSegmentResult.KEEP_ALIVE) == 0) {
            boolean notAdvanced = fwd.hasNext() && seqPos < fwd.nextPos
                    && !(seglen > 1 && seqPos == fwd.nextPos - 1); // data after a zero-window probe's byte
            // Times are compared unsigned, as Wireshark's guint64: a segment stamped before the one it is measured
            // from (captures merged from several interfaces) is never "soon after" it.
            long sinceAck = now - rev.lastAckTime;
            long since = now - fwd.nextTime;
            long threshold = flow.initialRtt > 0 ? flow.initialRtt : OUT_OF_ORDER_DEFAULT_NANOS;
            if (notAdvanced && rev.dupAckNum >= 2 && rev.lastAckSet && rev.lastAck == seq
                    && Long.compareUnsigned(sinceAck, FAST_RETRANSMISSION_NANOS) < 0) {
                a |= TcpSegmentResult.FAST_RETRANSMISSION | TcpSegmentResult.RETRANSMISSION;
            } else if (seglen > 0 && rev.lastAckSet && rev.lastAck != 0 && seq + seglen - rev.lastAck <= 0) {
                // Every byte was acknowledged already, whether or not it advances the sequence (the ACK may have
                // covered segments the capture missed); Wireshark checks this before out-of-order.
                a |= TcpSegmentResult.SPURIOUS_RETRANSMISSION | TcpSegmentResult.RETRANSMISSION;
            } else if (notAdvanced && Long.compareUnsigned(since, threshold) < 0
                    && fwd.nextPos != seqPos + seglen + (syn || fin ? 1 : 0)) {
                // Compared with where this segment ends counting SYN and FIN, as Wireshark: a FIN sent again is a
                // retransmission however soon it comes, a SYN long overtaken is out of order.
                a |= TcpSegmentResult.OUT_OF_ORDER;
            } else if (notAdvanced) {
                a |= TcpSegmentResult.RETRANSMISSION;
            }
        }
        result.analysis |= a;
        fwd.lastAnalysis = a;

        long end = seqPos + seglen + (syn || fin ? 1 : 0);
        if ((!fwd.hasNext() || end > fwd.nextPos) && (a & (TcpSegmentResult.ZERO_WINDOW_PROBE
                | TcpSegmentResult.KEEP_ALIVE)) == 0) {
            fwd.nextSet = true;
            fwd.nextPos = end;
            fwd.nextTime = now;
        }
        // What an ACK may later acknowledge: as Wireshark, only a segment reaching past every one before it (a
        // zero-window probe too; a keep-alive never), so a FIN after a probe is not a second entry for one byte.
        if ((seglen > 0 || syn || fin) && end > fwd.maxSentEnd && (a & TcpSegmentResult.KEEP_ALIVE) == 0) {
            fwd.maxSentEnd = end;
            fwd.sent(end, frameNumber, now);
        }
        if (ackFlag) {
            rev.acked(ackPos, now, result);
            // As Wireshark, only a new acknowledgment number starts the count again: window updates and keep-alive
            // ACKs between duplicates do not (weibo.pcap#75 is a fast retransmission after three of them).
            if (!fwd.lastAckSet || ack != fwd.lastAck) {
                fwd.dupAckNum = 0;
                fwd.lastNonDupAckFrame = frameNumber;
            }
            fwd.lastAck = ack;
            fwd.lastAckSet = true;
            fwd.lastAckTime = now;
        }
        fwd.window = windowRaw;
        if (fin && !fwd.finSeen) {
            fwd.finSeen = true;
            fwd.finPos = seqPos + seglen - 1;
            flow.finSeen = true;
        }
        if (rst) {
            flow.rstSeen = true;
        }
    }

    /**
     * Window scaling as Wireshark decides it on each SYN: the option, when present, sets this direction's shift
     * (every SYN, retransmissions and new ISNs too). A direction with no shift yet means scaling is off both ways
     * (the peer's SYN-ACK may be missed); a SYN-ACK answering a SYN without the option does not scale either. Each
     * direction's window then follows its own shift only: in webex.pcap a SYN with the option, sent again after a
     * SYN-ACK without it, scales the client's window again, and tshark shows it so.
     */
    private static void windowScaling(TcpHalf fwd, TcpHalf rev, int wsShift, boolean synAck) {
        if (wsShift >= 0) {
            fwd.wsShift = Math.min(wsShift, 14);
        }
        if (fwd.wsShift == TcpHalf.WS_UNKNOWN) {
            fwd.wsShift = TcpHalf.WS_NONE;
            rev.wsShift = TcpHalf.WS_NONE;
        } else if (synAck && rev.wsShift == TcpHalf.WS_NONE) {
            fwd.wsShift = TcpHalf.WS_NONE;
        }
    }

    /**
     * Hands the segment's payload to the flow's stream dissector (which must be set), in order, then ends a
     * direction on its FIN once every byte before it arrived, or once the peer acknowledged the FIN (the receiver
     * had every byte, so holes left are capture losses, reported as gaps), and both on RST.
     *
     * @param data the frame, holding the payload at {@code [offset, offset + length)}
     */
    public void deliver(TcpFlow flow, ByteView data, int offset, int length, long seqRaw, long ackRaw, int flags) {
        int dir = currentDir;
        TcpHalf fwd = flow.halves[dir];
        if (flow.dissector == null) {
            return;
        }
        if (fwd.streamEnded) {
            // both directions ended: late segments (retransmissions) have nothing more to deliver; the last ACKs
            // empty the tables of unacknowledged segments, which then go
            fwd.compact();
            flow.halves[1 - dir].compact();
            return;
        }
        if (fwd.stream == null) {
            fwd.stream = new StreamHalf(this, flow, dir, fwd.streamResumes);
        }
        StreamHalf s = fwd.stream;
        if (length > 0) {
            ReassembledIn links = ReassembledIn.collected(store);
            long in = links == null ? 0 : links.pdus().get(frameNumber, flow.streamIndex);
            if (in != 0 && tree != null) {
                tree.add(ReassemblyFields.REASSEMBLED_IN, null, 0, 0, in);
            }
            long pos = fwd.unwrap((int) seqRaw) - 1;
            s.offer(pos, data, offset, length);
        }
        if (fwd.finSeen && s.started && s.deliverPos >= fwd.finPos) {
            s.end();
        }
        TcpHalf rev = flow.halves[1 - dir];
        if ((flags & ACK) != 0 && rev.finSeen && rev.stream != null && rev.stream.started
                && rev.unwrap((int) ackRaw) - 1 > rev.finPos) {
            rev.stream.end();
        }
        if ((flags & RST) != 0) {
            s.end();
            StreamHalf other = flow.halves[1 - dir].stream;
            if (other != null) {
                other.end();
            }
        }
        flow.compactIfEnded();
    }

    // ---------------------------------------------------------------- flows: LRU, idle timeout, eviction

    private void expire() {
        while (oldest != null && now - oldest.lastSeen > options.flowIdleTimeoutNanos()) {
            counters.add(ReassemblyCounter.FLOWS_EVICTED_IDLE, 1);
            idle(oldest);
        }
    }

    /** Ends an idle flow's streams and moves it to the idle list; its number and analysis stay. */
    private void idle(TcpFlow f) {
        unlink(f);
        linkNewest(f, true);
        for (TcpHalf h : f.halves) {
            if (h.stream != null) {
                h.stream.end();
                h.stream = null;
                h.streamResumes = true;
            }
        }
    }

    private void touch(TcpFlow f) {
        f.lastSeen = Math.max(f.lastSeen, now);
        if (newest == f) {
            return;
        }
        unlink(f);
        linkNewest(f, false);
    }

    /** Appends {@code f} (in no list) to the active list, or the idle one. */
    private void linkNewest(TcpFlow f, boolean idle) {
        TcpFlow last = idle ? newestIdle : newest;
        f.idle = idle;
        f.older = last;
        if (last != null) {
            last.newer = f;
        }
        if (idle) {
            newestIdle = f;
            oldestIdle = oldestIdle == null ? f : oldestIdle;
        } else {
            newest = f;
            oldest = oldest == null ? f : oldest;
        }
    }

    /** Takes {@code f} out of the list it is in (active or idle). */
    private void unlink(TcpFlow f) {
        if (f.older != null) {
            f.older.newer = f.newer;
        } else if (f.idle ? oldestIdle == f : oldest == f) {
            if (f.idle) {
                oldestIdle = f.newer;
            } else {
                oldest = f.newer;
            }
        }
        if (f.newer != null) {
            f.newer.older = f.older;
        } else if (f.idle ? newestIdle == f : newest == f) {
            if (f.idle) {
                newestIdle = f.older;
            } else {
                newest = f.older;
            }
        }
        f.older = null;
        f.newer = null;
        f.idle = false;
    }

    /** Forgets a flow (evicted, or its ports reused once it closed), flushing its streams. */
    private void remove(TcpFlow f) {
        remove(f, true);
    }

    /**
     * Forgets a flow. With {@code flush}, each direction still open is ended first, so its stream dissector gets
     * what is held (with gaps for holes) and {@code onEnd}; fields it records then go to the frame being dissected,
     * the one that caused the eviction. Without (a connection replaced by a new SYN before it closed), what its
     * streams held is dropped silently, as tshark never shows an unfinished connection's held bytes then.
     */
    private void remove(TcpFlow f, boolean flush) {
        unlink(f);
        table.remove(f.tableKey);
        for (TcpHalf h : f.halves) {
            if (h.stream != null && flush) {
                h.stream.end();
            } else if (h.stream != null) {
                h.stream.release();
            }
        }
    }

    // ---------------------------------------------------------------- for StreamHalf

    boolean canCharge(TcpFlow flow, long bytes) {
        return flow.buffered + bytes <= options.maxBufferedBytesPerFlow()
                && counters.tcpBufferedBytes() + bytes <= options.maxBufferedBytes();
    }

    void charge(TcpFlow flow, long delta) {
        flow.buffered += delta;
        counters.tcpBuffered(delta);
    }

    void conflict() {
        counters.add(ReassemblyCounter.OVERLAP_CONFLICTS, 1);
        if (tree != null) {
            tree.add(ReassemblyFields.SEGMENT_OVERLAP, null, 0, 0, 1);
            tree.add(ReassemblyFields.SEGMENT_OVERLAP_CONFLICT, null, 0, 0, 1);
        }
    }

    StreamContextImpl context() {
        return context;
    }

    FrameView frame() {
        return frame;
    }

    Dissection tree() {
        return tree;
    }

    long frameNumber() {
        return frameNumber;
    }

    ByteView emptyView() {
        return empty;
    }
}
