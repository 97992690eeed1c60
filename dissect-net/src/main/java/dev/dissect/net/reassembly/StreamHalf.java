package dev.dissect.net.reassembly;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.stream.GapAction;
import dev.dissect.api.stream.StreamDissector;
import java.nio.ByteBuffer;

/**
 * Hands one direction's bytes to its stream dissector in order.
 *
 * <pre>
 *   consumed | held over (pending)  | deliverPos | gap | queued (out of order) ...
 * </pre>
 *
 * <p><b>In-order data is never copied</b>: a segment that starts at {@code deliverPos} while nothing is held over
 * goes to the dissector as the frame's own slice. Bytes the dissector leaves unconsumed are copied once into the
 * held-over buffer; out-of-order segments are copied once into the {@link SegmentQueue}. Positions are stream
 * offsets (0 is the byte after the SYN) in 64 bits.
 *
 * <p><b>Bytes lent to a dissector stay put until the next frame.</b> Fields recorded over the held-over buffer
 * (byte and string values) point into it, and the frame's record is read after the whole frame is dissected, when
 * several PDUs may have been completed from held-over bytes. So while a frame is dissected, the part of the buffer
 * lent to a dissector in that frame ({@code [0, pendingLent)}) is never written, moved or compacted: new bytes go
 * after it, or into a new, larger array (the old one lives on through the fields that point into it). The buffer
 * is rewound or compacted only in a later frame. Growth stays within the flow's caps.
 *
 * <p><b>Bytes a dissector will not read are not held</b> ({@link dev.dissect.api.stream.StreamContext#skipMore}):
 * while {@code skipping}, segments only move the position on (and are noted for {@code tcp.segment}); only the
 * message's first bytes (its header) stay held, and the dissector gets them back once the last skipped byte has
 * passed. Bytes lost inside the skipped part are no gap.
 */
final class StreamHalf {
    private static final int SPAN_COST = 16;
    /** How far ahead of the bytes held the buffer may be sized to a message's announced length (a TLS record). */
    private static final int RESERVE_AHEAD = 64 << 10;

    private final TcpReassembler owner;
    final TcpFlow flow;
    final int dir;

    boolean started;
    boolean stopped;
    boolean ended;
    private boolean untilEnd;
    long deliverPos;
    private long needed;
    /** Bytes still to pass over for a skipMore, and how many it asked for in all. */
    private long skipping;
    private long skipTotal;
    /** Where the skipped message starts (its start is held from there). */
    private long skipFrom;

    private byte[] pending;
    private ByteView pendingView;
    private int pendingStart;
    private int pendingLen;
    private long pendingPos;
    /** The frame whose record may point into {@code pending}, and the end of what that frame was lent. */
    private long pendingReferencedBy = -1;
    private int pendingLent;

    private long[] spanPos = new long[4];
    private long[] spanFrame = new long[4];
    private int spanCount;

    final SegmentQueue queue = new SegmentQueue();
    private long charged;

    /** True for a delivery after the flow idled: it starts at the first byte offered, without a gap before it. */
    private final boolean resumes;

    StreamHalf(TcpReassembler owner, TcpFlow flow, int dir, boolean resumes) {
        this.owner = owner;
        this.flow = flow;
        this.dir = dir;
        this.resumes = resumes;
    }

    /** Takes {@code [pos, pos + len)} of this direction, carried by the current frame. */
    void offer(long pos, ByteView data, int off, int len) {
        if (stopped || ended || len <= 0) {
            return;
        }
        if (!started) {
            started = true;
            deliverPos = flow.halves[dir].synSeen && !resumes ? Math.min(flow.halves[dir].isnPos, pos) : pos;
        }
        long end = pos + len;
        while (!stopped) {
            if (end <= deliverPos) {
                return;
            }
            if (pos < deliverPos) {
                int cut = (int) (deliverPos - pos);
                off += cut;
                len -= cut;
                pos = deliverPos;
            }
            if (pos == deliverPos) {
                mergeDeliver(pos, data, off, len);
                drain();
                return;
            }
            long cost = queue.cost(pos, len);
            if (owner.canCharge(flow, cost)) {
                boolean conflict = queue.insert(pos, data, off, len, owner.frameNumber(), owner.options().overlapPolicy());
                owner.counters().add(ReassemblyCounter.SEGMENTS_BUFFERED, 1);
                if (conflict) {
                    owner.conflict();
                }
                recharge();
                return;
            }
            SegmentQueue.Chunk first = queue.first();
            long target = first != null && first.pos < pos ? first.pos : pos;
            owner.counters().add(ReassemblyCounter.BYTES_DROPPED_CAP, target - deliverPos);
            gap(target - deliverPos);
            drain();
        }
    }

    /** Delivers a segment starting at {@code deliverPos}, merging with queued chunks it overlaps. */
    private void mergeDeliver(long pos, ByteView data, int off, int len) {
        long end = pos + len;
        long cur = pos;
        while (cur < end && !stopped) {
            SegmentQueue.Chunk c = queue.first();
            if (c != null && c.pos <= cur) {
                long stop = Math.min(end, c.end());
                if (SegmentQueue.overlap(c, cur, stop, data, off + (int) (cur - pos), owner.options().overlapPolicy())) {
                    owner.conflict();
                }
                queue.removeFirst();
                recharge();
                if (c.end() > deliverPos) {
                    int skip = (int) (deliverPos - c.pos);
                    feed(c.view, skip, c.bytes.length - skip, c.frame);
                }
                cur = Math.max(cur, c.end());
            } else {
                long stop = c == null ? end : Math.min(end, c.pos);
                feed(data, off + (int) (cur - pos), (int) (stop - cur), owner.frameNumber());
                cur = stop;
            }
        }
    }

    /** Delivers queued chunks that have become contiguous. */
    void drain() {
        SegmentQueue.Chunk c;
        while (!stopped && (c = queue.first()) != null && c.pos <= deliverPos) {
            queue.removeFirst();
            recharge();
            if (c.end() > deliverPos) {
                int skip = (int) (deliverPos - c.pos);
                feed(c.view, skip, c.bytes.length - skip, c.frame);
            }
        }
    }

    /** {@code missing} bytes at {@code deliverPos} will never come: tell the dissector, drop what it held. */
    void gap(long missing) {
        owner.counters().add(ReassemblyCounter.GAPS, 1);
        if (skipping > 0) {
            // lost bytes the dissector was not going to read: the message it skips is still whole for it
            long passed = Math.min(missing, skipping);
            deliverPos += passed;
            skipping -= passed;
            missing -= passed;
            if (skipping == 0) {
                finishSkip();
            }
            if (missing == 0 || stopped) {
                return;
            }
        }
        dropPending();
        deliverPos += missing;
        needed = 0;
        untilEnd = false;
        StreamDissector d = flow.dissector;
        GapAction action;
        try {
            owner.context().begin(this, pendingView, 0, deliverPos);
            action = d.onGap(owner.context(), missing);
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        if (action == GapAction.STOP) {
            stop();
        }
    }

    /** Hands bytes at {@code deliverPos} on: straight to the dissector, or through the held-over buffer. */
    private void feed(ByteView data, int off, int len, long frame) {
        if (skipping > 0) {
            int passed = (int) Math.min(len, skipping);
            addSpan(deliverPos, frame);
            deliverPos += passed;
            skipping -= passed;
            recharge();
            if (skipping > 0) {
                return;
            }
            finishSkip();
            off += passed;
            len -= passed;
            if (len == 0 || stopped) {
                return;
            }
        }
        long pos = deliverPos;
        deliverPos += len;
        if (untilEnd || pendingLen > 0) {
            if (!appendPending(data, off, len, pos, frame)) {
                return;
            }
            if (untilEnd || pendingLen < needed) {
                return;
            }
            lend(pendingStart + pendingLen);
            call(pendingView, pendingStart, pendingLen, pendingPos, true);
        } else {
            spanCount = 0;
            addSpan(pos, frame);
            call(data, off, len, pos, false);
        }
    }

    private void call(ByteView data, int start, int avail, long pos, boolean fromPending) {
        StreamDissector d = flow.dissector;
        StreamContextImpl ctx = owner.context();
        // Held-over bytes complete the message the dissector asked for: that one is the reassembled PDU (as
        // tshark's), not the messages after it in the same frame, which the same call may dissect too.
        long reassembled = fromPending && needed > 0 ? needed : Long.MAX_VALUE;
        while (avail > 0 && !stopped && !untilEnd && needed <= avail) {
            ctx.begin(this, data, start, pos);
            int used;
            try {
                used = d.dissect(ctx, data, start, avail);
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            used = Math.max(0, Math.min(used, avail));
            if (used > 0) {
                segments(pos, (int) Math.min(used, reassembled));
                reassembled = Long.MAX_VALUE;
            }
            start += used;
            avail -= used;
            pos += used;
            if (ctx.skip > 0) {
                // hold only the message's first bytes; the rest of what was handed over is passed over too
                int keep = Math.min(ctx.skipKeep, avail);
                skipping = ctx.skip;
                skipTotal = (long) (avail - keep) + ctx.skip;
                skipFrom = pos;
                avail = keep;
                needed = 0;
                break;
            } else if (ctx.untilEnd) {
                untilEnd = true;
                needed = 0;
            } else if (ctx.more > 0) {
                needed = (long) avail + ctx.more;
            } else {
                needed = used == 0 ? avail + 1L : 0;
            }
            if (used == 0) {
                break;
            }
        }
        if (stopped) {
            return;
        }
        dropSpansBefore(pos);
        if (fromPending) {
            pendingStart = start;
            pendingLen = avail;
            pendingPos = pos;
            if (avail == 0 && skipping == 0) {
                spanCount = 0; // appendPending() decides where the next held-over byte goes
            }
            recharge();
        } else if (avail > 0) {
            long frame = frameAt(pos);
            spanCount = 0;
            appendPending(data, start, avail, pos, frame);
        } else {
            // The span feed() noted for this call described bytes that are all consumed. Left behind, it would be
            // charged by the next recharge() without having been checked against the caps.
            spanCount = 0;
        }
    }

    /**
     * The last skipped byte has passed: hands the held start of the message back to the dissector, which consumes
     * it; the message ends at {@code deliverPos}.
     */
    private void finishSkip() {
        long total = skipTotal;
        skipTotal = 0;
        StreamContextImpl ctx = owner.context();
        ByteView view = pendingLen > 0 ? pendingView : owner.emptyView();
        int start = pendingLen > 0 ? pendingStart : 0;
        if (pendingLen > 0) {
            lend(pendingStart + pendingLen);
        }
        ctx.begin(this, view, start, skipFrom);
        ctx.skipped = total;
        try {
            flow.dissector.dissect(ctx, view, start, pendingLen);
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        segments(skipFrom, (int) Math.min(Integer.MAX_VALUE, pendingLen + total));
        pendingStart += pendingLen;
        pendingLen = 0;
        pendingPos = deliverPos;
        needed = 0;
        spanCount = 0;
        recharge();
    }

    /** Copies bytes into the held-over buffer; false if a cap made them (and what was held) be dropped. */
    private boolean appendPending(ByteView data, int off, int len, long pos, long frame) {
        boolean mayCompact = pendingReferencedBy != owner.frameNumber();
        if (pendingLen == 0) {
            pendingPos = pos;
            pendingStart = mayCompact ? 0 : pendingLent; // never over bytes lent in this frame
            spanCount = 0;
        }
        int need = pendingLen + len;
        int capacity = pending == null ? 0 : pending.length;
        long spanExtra = spanCount > 0 && spanFrame[spanCount - 1] == frame ? 0 : SPAN_COST;
        boolean grow = pending == null || (mayCompact ? need : pendingStart + need) > capacity;
        int grown = Math.max(256, need + (need >> 1));
        if (needed > grown && needed - need <= RESERVE_AHEAD) {
            grown = (int) needed; // the dissector said how long its message is: one array, no regrowth per segment
        }
        if (grow && !owner.canCharge(flow, (long) grown - capacity + spanExtra)) {
            grown = need;
        }
        if (!owner.canCharge(flow, (grow ? (long) grown - capacity : 0) + spanExtra)) {
            long dropped = pendingLen + len;
            owner.counters().add(ReassemblyCounter.BYTES_DROPPED_CAP, dropped);
            dropPending();
            needed = 0;
            untilEnd = false;
            tellGap(dropped);
            return false;
        }
        if (grow) {
            byte[] bigger = new byte[grown];
            if (pendingLen > 0) {
                System.arraycopy(pending, pendingStart, bigger, 0, pendingLen);
            }
            pending = bigger; // the old array stays as it is for fields that point into it
            pendingView = new ByteView().wrap(ByteBuffer.wrap(bigger), 0, grown);
            pendingStart = 0;
            pendingLent = 0;
        } else if (mayCompact && pendingStart + need > capacity) {
            System.arraycopy(pending, pendingStart, pending, 0, pendingLen);
            pendingStart = 0;
        }
        data.copyTo(off, pending, pendingStart + pendingLen, len);
        pendingLen += len;
        addSpan(pos, frame);
        recharge();
        return true;
    }

    /** Notes that {@code pending} up to {@code end} is handed to the dissector in the current frame. */
    private void lend(int end) {
        long frame = owner.frameNumber();
        pendingLent = pendingReferencedBy == frame ? Math.max(pendingLent, end) : end;
        pendingReferencedBy = frame;
    }

    /** Reports bytes dropped under a cap as a gap of the same size (positions already advanced). */
    private void tellGap(long dropped) {
        owner.counters().add(ReassemblyCounter.GAPS, 1);
        try {
            owner.context().begin(this, pendingView, 0, deliverPos);
            if (flow.dissector.onGap(owner.context(), dropped) == GapAction.STOP) {
                stop();
            }
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** This direction ended (FIN reached, RST, or the flow closes): flush with gaps, then {@code onEnd}. */
    void end() {
        if (ended) {
            return;
        }
        while (!stopped && !queue.isEmpty()) {
            gap(queue.first().pos - deliverPos);
            drain();
        }
        ended = true;
        if (!stopped) {
            StreamContextImpl ctx = owner.context();
            try {
                if (pendingLen > 0) {
                    lend(pendingStart + pendingLen);
                    ctx.begin(this, pendingView, pendingStart, pendingPos);
                    flow.dissector.onEnd(ctx, pendingView, pendingStart, pendingLen);
                } else {
                    ctx.begin(this, owner.emptyView(), 0, deliverPos);
                    flow.dissector.onEnd(ctx, owner.emptyView(), 0, 0);
                }
            } catch (RuntimeException e) {
                fail(e);
            }
        }
        release();
    }

    private void fail(RuntimeException e) {
        owner.counters().add(ReassemblyCounter.STREAM_DISSECTOR_FAILURES, 1);
        Dissection tree = owner.tree();
        if (tree != null) {
            tree.diagnose(ReassemblyFields.STREAM_DISSECTOR_FAILED, 0, 0,
                    flow.dissector.protocol().filterName() + ": " + e);
        }
        stop();
    }

    private void stop() {
        stopped = true;
        release();
    }

    /** Frees every buffered byte (the flow is going, or this direction stopped). */
    void release() {
        queue.clear();
        dropPending();
        pending = null;
        pendingView = null;
        pendingLent = 0;
        spanPos = null; // a long message's spans may have grown the tables: a closed direction keeps none
        spanFrame = null;
        recharge();
    }

    private void dropPending() {
        pendingLen = 0;
        pendingStart = 0;
        spanCount = 0;
        skipping = 0;
        skipTotal = 0;
        if (pending != null && pending.length > 65_536) {
            pending = null;
            pendingView = null;
            pendingLent = 0;
        }
        recharge();
    }

    private void recharge() {
        long now = queue.charged() + (pending == null ? 0 : pending.length) + (long) spanCount * SPAN_COST;
        owner.charge(flow, now - charged);
        charged = now;
    }

    // ---------------------------------------------------------------- frames of bytes

    private void addSpan(long pos, long frame) {
        if (spanCount > 0 && spanFrame[spanCount - 1] == frame) {
            return;
        }
        if (spanPos == null) {
            spanPos = new long[4];
            spanFrame = new long[4];
        }
        if (spanCount == spanPos.length) {
            spanPos = java.util.Arrays.copyOf(spanPos, spanCount * 2);
            spanFrame = java.util.Arrays.copyOf(spanFrame, spanCount * 2);
        }
        spanPos[spanCount] = pos;
        spanFrame[spanCount] = frame;
        spanCount++;
    }

    private void dropSpansBefore(long pos) {
        int keep = 0;
        while (keep + 1 < spanCount && spanPos[keep + 1] <= pos) {
            keep++;
        }
        if (keep > 0) {
            System.arraycopy(spanPos, keep, spanPos, 0, spanCount - keep);
            System.arraycopy(spanFrame, keep, spanFrame, 0, spanCount - keep);
            spanCount -= keep;
        }
    }

    /** The frame that carried stream byte {@code pos}; the current frame if unknown. */
    long frameAt(long pos) {
        for (int i = spanCount - 1; i >= 0; i--) {
            if (spanPos[i] <= pos) {
                return spanFrame[i];
            }
        }
        return owner.frameNumber();
    }

    /**
     * Records {@code tcp.segment} and friends when a consumed PDU came from more than one frame; in the first of two
     * passes, notes the PDU's earlier frames for {@code tcp.reassembled_in}.
     */
    private void segments(long pos, int used) {
        long end = pos + used;
        int first = -1;
        int count = 0;
        for (int i = 0; i < spanCount; i++) {
            long spanEnd = i + 1 < spanCount ? spanPos[i + 1] : Long.MAX_VALUE;
            if (spanEnd > pos && spanPos[i] < end) {
                if (first < 0) {
                    first = i;
                }
                count++;
            }
        }
        if (count == 0 || (count == 1 && spanFrame[first] == owner.frameNumber())) {
            return;
        }
        ReassembledIn links = ReassembledIn.collecting(owner.store());
        if (links != null) {
            for (int i = first; i < first + count; i++) {
                if (spanFrame[i] != owner.frameNumber()) {
                    links.pdus().putIfAbsent(spanFrame[i], flow.streamIndex, owner.frameNumber());
                }
            }
        }
        Dissection tree = owner.tree();
        for (int i = first; i < first + count; i++) {
            tree.add(ReassemblyFields.SEGMENT, null, 0, 0, spanFrame[i]);
        }
        tree.add(ReassemblyFields.SEGMENT_COUNT, null, 0, 0, count);
        tree.add(ReassemblyFields.REASSEMBLED_LENGTH, null, 0, 0, used);
    }
}
