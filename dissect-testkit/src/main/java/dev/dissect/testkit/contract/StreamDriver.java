package dev.dissect.testkit.contract;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.flow.FlowKey;
import dev.dissect.api.frame.FrameView;
import dev.dissect.api.frame.LinkType;
import dev.dissect.api.stream.StreamContext;
import dev.dissect.api.stream.StreamDirection;
import dev.dissect.api.stream.StreamDissector;
import dev.dissect.testkit.TestFrame;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Feeds one direction of a stream, segment by segment, to a {@link StreamDissector} the way the engine's
 * reassembly does, and observes what it produced: the {@link StreamDissector} contract without an engine.
 *
 * <p>What the engine promises and this driver keeps: bytes in order, unconsumed bytes handed over again with the
 * next segment's after them, another call at once while bytes were consumed and some remain, no call until a
 * {@link StreamContext#requestMore requested} number of bytes is there, everything to
 * {@link StreamDissector#onEnd onEnd} after {@link StreamContext#requestUntilEnd requestUntilEnd}.
 *
 * <p>What it does to catch broken dissectors: each segment is handed over inside random-looking guard bytes (a
 * dissector reading past its slice sees them), and after each frame every byte handed over is overwritten
 * (a dissector that kept a view and reads it later sees garbage). Positions in the observation are stream
 * offsets, so runs over different segmentations compare line by line. The flow is
 * {@code 10.0.0.1:40000 -> 10.0.0.2:9}, client to server; no bytes are lost, so {@code onGap} is not called.
 *
 * @since 0.1
 */
public final class StreamDriver {
    private static final int GUARD = 8;
    private static final byte POISON = (byte) 0xA5;

    private final ProviderRecord declared;
    private final StreamDissector dissector;
    private final Observation observation = new Observation();
    private final Context ctx = new Context();
    private final Map<Class<?>, Object> flowState = new HashMap<>();

    private byte[] pending = new byte[0];
    private long pendingPos;
    private boolean untilEnd;
    private boolean stopped;
    private long needed;
    private long deliverPos;

    private StreamDriver(ProviderRecord declared, StreamDissector dissector) {
        this.declared = declared;
        this.dissector = dissector;
    }

    /** Runs {@code dissector} over {@code segments} (one direction, in order), then ends the stream. */
    public static Observation run(ProviderRecord declared, StreamDissector dissector, List<byte[]> segments) {
        StreamDriver d = new StreamDriver(declared, dissector);
        long number = 1;
        for (byte[] segment : segments) {
            d.segment(number++, segment);
        }
        d.end(number);
        return d.observation;
    }

    private void segment(long number, byte[] segment) {
        byte[] framed = new byte[GUARD + segment.length + GUARD];
        Arrays.fill(framed, 0, GUARD, (byte) 0x5A);
        Arrays.fill(framed, GUARD + segment.length, framed.length, (byte) 0x5A);
        System.arraycopy(segment, 0, framed, GUARD, segment.length);
        TestFrame frame = new TestFrame(number, 0, 0, LinkType.ETHERNET, framed, framed.length);
        Dissection tree = new Dissection();
        tree.reset(frame);
        ctx.frame = frame;
        ctx.tree = tree;
        long pos = deliverPos;
        deliverPos += segment.length;
        if (stopped || segment.length == 0) {
            return;
        }
        byte[] oldPending = pending;
        if (untilEnd || pending.length > 0) {
            if (pending.length == 0) {
                pendingPos = pos;
            }
            pending = concat(pending, segment);
            if (!untilEnd && pending.length >= needed) {
                ByteView view = ByteView.of(pending);
                call(view, 0, pending.length, pendingPos, pending);
            }
        } else {
            call(frame.data(), GUARD, segment.length, pos, framed);
        }
        Arrays.fill(framed, POISON);
        if (oldPending != pending) {
            Arrays.fill(oldPending, POISON);
        }
    }

    private void call(ByteView data, int start, int avail, long pos, byte[] backing) {
        while (avail > 0 && !stopped && !untilEnd && needed <= avail) {
            ctx.begin(pos);
            Dissection tree = ctx.tree;
            int l0 = tree.layerCount();
            int f0 = tree.fieldCount();
            int d0 = tree.diagnosticCount();
            int used;
            try {
                used = dissector.dissect(ctx, data, start, avail);
            } catch (RuntimeException e) {
                observation.problem("dissect threw " + e + " at stream offset " + pos);
                stopped = true;
                return;
            }
            observation.collect(tree, l0, f0, d0, data, start, avail, pos, declared);
            if (used < 0 || used > avail) {
                observation.problem("dissect returned " + used + ", outside 0.." + avail);
                used = Math.max(0, Math.min(used, avail));
            }
            start += used;
            avail -= used;
            pos += used;
            if (ctx.untilEnd) {
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
        // What is left is held over: copied, as the engine does, so the old bytes may be overwritten.
        byte[] rest = new byte[avail];
        System.arraycopy(backing, start, rest, 0, avail);
        pending = rest;
        pendingPos = pos;
    }

    private void end(long number) {
        if (stopped) {
            return;
        }
        TestFrame frame = new TestFrame(number, 0, 0, LinkType.ETHERNET, new byte[0], 0);
        Dissection tree = new Dissection();
        tree.reset(frame);
        ctx.frame = frame;
        ctx.tree = tree;
        ByteView view = ByteView.of(pending.clone());
        ctx.begin(pendingPos);
        try {
            dissector.onEnd(ctx, view, 0, pending.length);
        } catch (RuntimeException e) {
            observation.problem("onEnd threw " + e);
            return;
        }
        observation.collect(tree, 0, 0, 0, view, 0, pending.length, pendingPos, declared);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private final class Context implements StreamContext {
        private final FlowKey flow = new FlowKey(4, 0, new byte[] {10, 0, 0, 1}, 40000, new byte[] {10, 0, 0, 2},
                9);
        FrameView frame;
        Dissection tree;
        private long pos;
        int more;
        boolean untilEnd;

        void begin(long pos) {
            this.pos = pos;
            more = 0;
            untilEnd = false;
        }

        @Override
        public FrameView frame() {
            return frame;
        }

        @Override
        public Dissection tree() {
            return tree;
        }

        @Override
        public FlowKey flow() {
            return flow;
        }

        @Override
        public StreamDirection direction() {
            return StreamDirection.CLIENT_TO_SERVER;
        }

        @Override
        public long streamIndex() {
            return 0;
        }

        @Override
        public long streamOffset() {
            return pos;
        }

        /** Simplified: the current frame's number (the driver does not track which segment carried a byte). */
        @Override
        public long frameOf(int index) {
            return frame.number();
        }

        @Override
        public void requestMore(int n) {
            more = n;
        }

        @Override
        public void requestUntilEnd() {
            untilEnd = true;
        }

        @Override
        public <T> T flowState(Class<T> type, Supplier<? extends T> factory) {
            return type.cast(flowState.computeIfAbsent(type, t -> factory.get()));
        }
    }
}
