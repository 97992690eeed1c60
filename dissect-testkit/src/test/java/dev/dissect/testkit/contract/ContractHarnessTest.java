package dev.dissect.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.field.Base;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.Dissector;
import dev.dissect.api.spi.DissectorProvider;
import dev.dissect.api.stream.FramingStreamDissector;
import dev.dissect.api.stream.LengthPrefixFramer;
import dev.dissect.api.stream.StreamContext;
import dev.dissect.testkit.arbitraries.GuardedSlice;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harnesses catch what the contracts promise to catch: each broken dissector here is reported. */
class ContractHarnessTest {
    private static final Protocol TOY = new Protocol("toy", "Toy", "TOY");
    private static final FieldDef FIRST = FieldDef.uint("toy.first", "First byte", 1, Base.DEC);
    private static final FieldDef UNDECLARED = FieldDef.uint("toy.secret", "Not declared", 1, Base.DEC);
    private static final GuardedSlice SLICE = new GuardedSlice(new byte[] {9, 9}, new byte[] {1, 2, 3}, new byte[] {7});

    private static ProviderRecord declared(Dissector d) {
        DissectorProvider p = new DissectorProvider() {
            @Override
            public String id() {
                return "test.toy";
            }

            @Override
            public void register(dev.dissect.api.spi.Registrar r) {
                r.protocol(TOY, FIRST);
                r.add("udp.port", 1, d);
            }
        };
        return ProviderRecord.of(p);
    }

    private abstract static class Toy implements Dissector {
        @Override
        public Protocol protocol() {
            return TOY;
        }
    }

    private static List<String> problems(Dissector d) {
        return PacketHarness.run(declared(d), d, SLICE).problems();
    }

    @Test
    void aWellBehavedDissectorHasNoProblems() {
        assertEquals(List.of(), problems(new Toy() {
            @Override
            public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
                ctx.tree().beginLayer(TOY, offset, length);
                if (length > 0) {
                    ctx.tree().add(FIRST, data, offset, 1, data.u8(offset));
                }
            }
        }));
    }

    @Test
    void readingPastTheSliceIsReported() {
        List<String> p = problems(new Toy() {
            @Override
            public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
                ctx.tree().beginLayer(TOY, offset, length);
                ctx.tree().add(FIRST, data, offset + length, 1, data.u8(offset + length));
            }
        });
        assertTrue(p.stream().anyMatch(s -> s.contains("read outside its slice")), p::toString);
        assertTrue(p.stream().anyMatch(s -> s.contains("outside the slice")), p::toString);
    }

    @Test
    void undeclaredFieldsAndExceptionsAreReported() {
        List<String> p = problems(new Toy() {
            @Override
            public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
                ctx.tree().beginLayer(TOY, offset, length);
                ctx.tree().add(UNDECLARED, data, offset, 1, 0);
                throw new IllegalStateException("boom");
            }
        });
        assertTrue(p.stream().anyMatch(s -> s.contains("toy.secret is emitted but not declared")), p::toString);
        assertTrue(p.stream().anyMatch(s -> s.contains("threw java.lang.IllegalStateException: boom")), p::toString);
    }

    /** Frames of one length byte and that many bytes; the broken variant keeps the view to read it later. */
    private static final class Framed extends FramingStreamDissector {
        private final boolean keepsTheView;
        private ByteView kept;
        private int keptAt;

        Framed(boolean keepsTheView) {
            super(LengthPrefixFramer.of(0, 1, 0, 255));
            this.keepsTheView = keepsTheView;
        }

        @Override
        public Protocol protocol() {
            return TOY;
        }

        @Override
        protected void dissectFrame(StreamContext ctx, ByteView data, int offset, int length) {
            ctx.tree().beginLayer(TOY, offset, length);
            int first = length > 1 ? data.u8(offset + 1) : 0;
            if (keepsTheView && kept != null) {
                first = kept.u8(keptAt); // a byte of an earlier call: no longer valid
            }
            ctx.tree().add(FIRST, data, offset, 1, first);
            kept = data;
            keptAt = offset + 1;
        }
    }

    private static List<String> streamLines(Framed d, List<byte[]> segments) {
        Observation o = StreamDriver.run(declared(new Toy() {
            @Override
            public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
            }
        }), d, segments);
        assertEquals(List.of(), o.problems());
        return o.lines();
    }

    @Test
    void segmentationIsInvisibleToAGoodStreamDissector() {
        byte[] stream = {2, 10, 11, 1, 20, 3, 30, 31, 32};
        List<String> whole = streamLines(new Framed(false), List.of(stream));
        List<String> cut = streamLines(new Framed(false), List.of(new byte[] {2, 10}, new byte[] {11, 1, 20, 3},
                new byte[] {30}, new byte[] {31, 32}));
        assertEquals(whole, cut);
        assertEquals(6, whole.size());
    }

    @Test
    void aStreamDissectorThatKeepsViewsIsCaughtBySegmentation() {
        byte[] stream = {2, 10, 11, 1, 20, 3, 30, 31, 32};
        List<String> whole = streamLines(new Framed(true), List.of(stream));
        List<String> cut = streamLines(new Framed(true), List.of(new byte[] {2, 10, 11}, new byte[] {1, 20},
                new byte[] {3, 30, 31, 32}));
        assertTrue(!whole.equals(cut), () -> whole + " vs " + cut);
    }
}
