package dev.dissect.example.ssp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.testkit.TestFrame;
import dev.dissect.testkit.arbitraries.FlowArbitraries;
import dev.dissect.testkit.arbitraries.SegmentArbitraries;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * SSP through the real engine: found by ServiceLoader, by port, by heuristic and by "decode as"; and a property
 * over whole TCP flows, where the engine's reassembly (not the testkit's driver) orders out-of-order segments.
 */
class SspEngineTest {
    private static final byte[] READING = SspArbitraries.reading(7, 3, 1_700_000_000_000L, 1, 0x80, 21500);

    private static List<String> sspValues(List<TestFrame> frames) {
        DissectionEngine engine = DissectionEngine.withDefaults();
        Dissection d = new Dissection();
        List<String> out = new ArrayList<>();
        for (TestFrame f : frames) {
            engine.dissect(f, d);
            for (int i = 0; i < d.fieldCount(); i++) {
                if (d.fieldDef(i).protocolName().equals("ssp")) {
                    out.add(d.fieldDef(i).name() + "=" + d.valueString(i));
                }
            }
        }
        return out;
    }

    @Test
    void serviceLoaderFindsThePlugin() {
        assertTrue(DissectionEngine.withDefaults().registry().providerIds().contains("example.ssp"));
    }

    @Test
    void udpByPortAndByHeuristic() {
        FlowArbitraries.Flow onPort = new FlowArbitraries.Flow(0x0A000001, 40000, 0x0A000002, SspProvider.PORT, 1);
        FlowArbitraries.Flow elsewhere = new FlowArbitraries.Flow(0x0A000001, 40000, 0x0A000002, 5555, 1);
        assertTrue(sspValues(List.of(onPort.udp(1, READING))).contains("ssp.value=21500"));
        assertTrue(sspValues(List.of(elsewhere.udp(1, READING))).contains("ssp.value=21500"));
    }

    @Test
    void udpDecodeAsTakesAMessageTheHeuristicRefuses() {
        byte[] shortMessage = {'S', 'S', 1, 2, 0, 30};
        FlowArbitraries.Flow flow = new FlowArbitraries.Flow(0x0A000001, 40000, 0x0A000002, 5555, 1);
        DissectionEngine engine = DissectionEngine.withDefaults();
        Dissection d = new Dissection();
        engine.dissect(flow.udp(1, shortMessage), d);
        assertEquals(Dissection.NONE, d.findLayer("ssp"));
        engine.registry().decodeAs("udp.port", 5555, "ssp");
        engine.dissect(flow.udp(1, shortMessage), d);
        assertEquals("ssp.length.bad", d.diagnosticDef(0).name());
    }

    @Provide
    Arbitrary<List<TestFrame>> segmentedFlows() {
        return SegmentArbitraries.streams(SspArbitraries.messages(), 5).flatMap(stream ->
                Combinators.combine(FlowArbitraries.ipv4Flows(SspProvider.PORT), SegmentArbitraries.segmentations(stream))
                        .as((flow, segments) -> flow.tcp(segments, java.util.stream.IntStream.range(0, segments.size())
                                .boxed().toList())));
    }

    @Provide
    Arbitrary<List<TestFrame>> reorderedFlows() {
        return SegmentArbitraries.streams(SspArbitraries.messages(), 5).flatMap(stream ->
                Combinators.combine(FlowArbitraries.ipv4Flows(SspProvider.PORT), SegmentArbitraries.segmentations(stream))
                        .flatAs((flow, segments) -> SegmentArbitraries.orderings(segments.size())
                                .map(order -> flow.tcp(segments, order))));
    }

    /** However the engine receives the segments in order (cut anywhere), the same SSP fields come out. */
    @Property(tries = 200)
    void segmentationDoesNotMatter(@ForAll("segmentedFlows") List<TestFrame> frames) {
        reassemblyOrderDoesNotMatter(frames);
    }

    /**
     * Out of order too. This property found an engine bug (held-over bytes were reused within one frame, so a
     * field recorded from them, such as ssp.name, printed the next message's bytes); StreamHalf now never writes
     * over bytes lent to a dissector in the current frame.
     */
    @Property(tries = 200)
    void reassemblyOrderDoesNotMatter(@ForAll("reorderedFlows") List<TestFrame> frames) {
        List<TestFrame> inOrder = new ArrayList<>(frames);
        // The frames between the handshake and the FIN carry data; their sequence numbers give the stream order.
        List<TestFrame> data = new ArrayList<>(inOrder.subList(3, inOrder.size() - 1));
        data.sort((a, b) -> Long.compareUnsigned(seq(a) - seq(inOrder.get(0)) & 0xFFFF_FFFFL,
                seq(b) - seq(inOrder.get(0)) & 0xFFFF_FFFFL));
        List<TestFrame> sorted = new ArrayList<>(inOrder.subList(0, 3));
        sorted.addAll(data);
        sorted.add(inOrder.get(inOrder.size() - 1));
        assertEquals(sspValues(sorted), sspValues(frames));
    }

    /** The TCP sequence number of an Ethernet/IPv4/TCP test frame. */
    private static long seq(TestFrame f) {
        return f.data().u32(14 + 20 + 4);
    }
}
