package dev.dissect.testkit.contract;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.FrameView;
import dev.dissect.api.frame.LinkType;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.Dissector;
import dev.dissect.api.spi.DissectorTable;
import dev.dissect.api.spi.HeuristicDissector;
import dev.dissect.testkit.TestFrame;
import dev.dissect.testkit.arbitraries.GuardedSlice;

/**
 * Runs one packet dissector on one slice, as the engine would, without an engine: for property tests and for
 * plugin authors who check a dissector by hand.
 *
 * <pre>{@code
 * Observation o = PacketHarness.run(ProviderRecord.of(new SspProvider()), new SspDissector(), slice);
 * assertEquals(List.of(), o.problems());
 * }</pre>
 *
 * <p>Hand-offs are recorded as a line ({@code handoff udp.port 53 @8+20}), not followed.
 *
 * @since 0.1
 */
public final class PacketHarness {
    private PacketHarness() {
    }

    /**
     * Dissects the slice inside its guard bytes, then the slice alone in a view that holds nothing else, and
     * reports every contract violation: an exception, a read outside the slice (the exact run throws, or the two
     * runs differ because the guards were read), a field, layer or diagnostic outside the slice, or one not
     * declared by the provider.
     */
    public static Observation run(ProviderRecord declared, Dissector dissector, GuardedSlice slice) {
        Observation guarded = once(declared, dissector, slice.guardedBytes(), slice.offset(), slice.length());
        Observation exact = once(declared, dissector, slice.slice().clone(), 0, slice.length());
        for (String p : exact.problems()) {
            if (!guarded.problems().contains(p)) {
                guarded.problem(p);
            }
        }
        if (exact.problems().isEmpty() && guarded.problems().isEmpty() && !exact.lines().equals(guarded.lines())) {
            guarded.problem("the result depends on bytes outside the slice: with guard bytes\n  "
                    + String.join("\n  ", guarded.lines()) + "\nwithout\n  " + String.join("\n  ", exact.lines()));
        }
        if (dissector instanceof HeuristicDissector h) {
            try {
                boolean a = h.accepts(ByteView.of(slice.guardedBytes()), slice.offset(), slice.length());
                boolean b = h.accepts(ByteView.of(slice.slice().clone()), 0, slice.length());
                if (a != b) {
                    guarded.problem("accepts() depends on bytes outside the slice (" + a + " with guards, " + b
                            + " without)");
                }
            } catch (RuntimeException e) {
                guarded.problem("accepts() threw " + e);
            }
        }
        return guarded;
    }

    /** Dissects {@code [offset, offset + length)} of {@code bytes} once. */
    public static Observation once(ProviderRecord declared, Dissector dissector, byte[] bytes, int offset,
                                   int length) {
        TestFrame frame = TestFrame.of(LinkType.ETHERNET, bytes);
        ByteView view = frame.data();
        Dissection tree = new Dissection();
        tree.reset(frame);
        Context ctx = new Context(frame, tree, offset);
        Observation o = new Observation();
        try {
            dissector.dissect(ctx, view, offset, length);
        } catch (IndexOutOfBoundsException e) {
            o.problem(offset == 0 && length == bytes.length
                    ? "read outside its slice (a view holding only the slice threw " + e.getMessage() + ")"
                    : "threw " + e);
        } catch (RuntimeException e) {
            o.problem("threw " + e);
        }
        o.collect(tree, 0, 0, 0, view, offset, length, 0, declared);
        if (ctx.handOff != null) {
            o.line(ctx.handOff);
            if (ctx.handOffOffset < offset || ctx.handOffLength < 0
                    || ctx.handOffOffset + (long) ctx.handOffLength > offset + (long) length) {
                o.problem("hands off [" + ctx.handOffOffset + ", " + (ctx.handOffOffset + (long) ctx.handOffLength)
                        + ") outside the slice [" + offset + ", " + (offset + (long) length) + ")");
            }
        }
        String info = tree.infoText();
        if (!info.isEmpty()) {
            o.line("info " + info);
        }
        if (!tree.protocolColumn().isEmpty()) {
            o.line("column " + tree.protocolColumn());
        }
        return o;
    }

    private static final class Context implements DissectionContext {
        private final FrameView frame;
        private final Dissection tree;
        String handOff;
        int handOffOffset;
        int handOffLength;
        private final int base;

        Context(FrameView frame, Dissection tree, int base) {
            this.frame = frame;
            this.tree = tree;
            this.base = base;
        }

        @Override
        public FrameView frame() {
            return frame;
        }

        @Override
        public Dissection tree() {
            return tree;
        }

        private void record(String what, int offset, int length) {
            handOff = "handoff " + what + " @" + (offset - base) + "+" + length;
            handOffOffset = offset;
            handOffLength = length;
        }

        @Override
        public void handOff(DissectorTable table, long key, int offset, int length) {
            record(table.name() + " " + key, offset, length);
        }

        @Override
        public void handOffByPorts(DissectorTable table, int sourcePort, int destinationPort, int offset,
                                   int length) {
            record(table.name() + " " + sourcePort + "/" + destinationPort, offset, length);
        }

        @Override
        public void handOffToData(int offset, int length) {
            record("data", offset, length);
        }

        @Override
        public void handOffTo(Dissector next, int offset, int length) {
            record(next.protocol().filterName(), offset, length);
        }
    }
}
