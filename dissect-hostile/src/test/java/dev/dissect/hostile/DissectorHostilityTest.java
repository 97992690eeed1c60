package dev.dissect.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.hostile.EngineCases.Case;
import dev.dissect.hostile.EngineCases.Kind;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.net.reassembly.ReassemblyCounter;
import dev.dissect.net.reassembly.ReassemblyCounters;
import dev.dissect.net.reassembly.ReassemblyOptions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The defined behaviour of the dissectors on {@link EngineCases}: no dissector throws (the engine would record
 * {@code frame.dissector_failed}), lies become diagnostics and the next frame is dissected normally, nesting stops
 * at the engine's layer limit or the DER guard, floods stay within the documented caps, slow paths complete.
 */
class DissectorHostilityTest {
    /**
     * The one lie that is defined as not diagnosed: an IPv4 total length beyond the frame is clipped to the bytes
     * captured (as a snaplen-cut packet is), and the layers above see only those.
     */
    private static final String CLIPPED = "ipv4-total-length-beyond-frame";

    static Stream<Case> cases() {
        return EngineCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void noDissectorThrowsAndLiesAreDiagnosed(Case c) {
        EngineRun run = EngineRun.of(c);
        assertEquals(0, run.failures, () -> "a dissector threw: " + run.messages);
        // The engine bounds dissector calls; each call begins at most a few layers (VLAN: the tag and its ethertype).
        assertTrue(run.maxLayers <= 2 * DissectionEngine.MAX_LAYERS + 2, "layers " + run.maxLayers);
        if (c.kind() == Kind.LENGTH_LIE && !CLIPPED.equals(c.name())) {
            assertTrue(!run.diagnostics.isEmpty(), "the lie is diagnosed");
            if (!c.name().startsWith("tls-")) {
                assertEquals(0, run.diagnosticsPerFrame.get(run.frames - 1), () -> "the honest frame after the lie"
                        + " is dissected normally: " + run.messages);
            }
        }
    }

    @Test
    void totalLengthBeyondTheFrameIsClippedToTheFrame() {
        EngineRun run = EngineRun.of(EngineCases.named(CLIPPED));
        assertEquals("1 → 2 Len=8", run.info.get(0), "UDP is dissected from the captured bytes");
    }

    @Test
    void deepNestingStopsAtTheLayerLimit() {
        for (String name : new String[] {"vlan-x10000", "ip-in-ip-x1000", "ipv6-5000-extension-headers"}) {
            EngineRun run = EngineRun.of(EngineCases.named(name));
            assertTrue(run.said("frame.depth_limit"), name + ": " + run.diagnostics);
        }
    }

    @Test
    void deepDerIsRefusedBeforeTheRecursiveParser() {
        EngineRun run = EngineRun.of(EngineCases.named("tls-certificate-der-10000-deep"));
        assertTrue(run.saidMessageContaining("nested deeper than 32"), run.messages::toString);
    }

    @Test
    void halfOpenFlowsStayWithinTheFlowCap() {
        ReassemblyOptions small = ReassemblyOptions.defaults().withMaxFlows(10_000);
        EngineRun run = EngineRun.of(EngineCases.named("flood-200000-half-open-tcp"), small);
        assertEquals(10_000, run.peakFlows);
        ReassemblyCounters counters = run.engine.session().counters();
        assertEquals(EngineCases.HALF_OPEN_FLOWS - 10_000, counters.get(ReassemblyCounter.FLOWS_EVICTED_CAP),
                counters::toString);
        // With the defaults (262,144 flows) all 200,000 are held, in this suite's 256 MiB heap.
        EngineRun defaults = EngineRun.of(EngineCases.named("flood-200000-half-open-tcp"));
        assertEquals(EngineCases.HALF_OPEN_FLOWS, defaults.peakFlows);
    }

    @Test
    void neverCompletedDatagramsStayWithinTheFragmentCaps() {
        ReassemblyOptions defaults = ReassemblyOptions.defaults();
        EngineRun run = EngineRun.of(EngineCases.named("flood-100000-never-completed-datagrams"));
        ReassemblyCounters counters = run.engine.session().counters();
        assertEquals(defaults.maxDatagrams(), run.peakDatagrams);
        assertTrue(counters.fragmentPeakBytes() <= defaults.maxFragmentBytes(), counters::toString);
        assertEquals(EngineCases.NEVER_COMPLETED_DATAGRAMS - defaults.maxDatagrams(),
                counters.get(ReassemblyCounter.DATAGRAMS_EVICTED_CAP), counters::toString);
    }

    @Test
    void unansweredQueriesAreDissectedInBoundedState() {
        EngineRun run = EngineRun.of(EngineCases.named("flood-100000-unanswered-dns-queries"));
        assertEquals(EngineCases.UNANSWERED_QUERIES, run.frames);
        assertEquals(0, run.failures);
    }

    @Test
    void aHandshakeInOneByteRecordsIsReassembled() {
        EngineRun run = EngineRun.of(EngineCases.named("tls-handshake-in-100000-one-byte-records"));
        assertTrue(run.info.stream().anyMatch(i -> i.contains("Client Hello")), "the hello is dissected");
        assertTrue(run.diagnostics.isEmpty(), run.messages::toString);
    }

    @Test
    void tenThousandOverlappingFragmentsMakeOneDatagram() {
        EngineRun run = EngineRun.of(EngineCases.named("ip-10000-overlapping-fragments"));
        ReassemblyCounters counters = run.engine.session().counters();
        assertEquals(1, counters.get(ReassemblyCounter.DATAGRAMS_REASSEMBLED), counters::toString);
        assertEquals(0, run.engine.session().defragmenter().pendingCount());
    }

    @Test
    void aSequenceGapLargerThanTheBuffersIsAGapNotAnAllocation() {
        EngineRun run = EngineRun.of(EngineCases.named("tcp-52MB-sequence-gap"));
        ReassemblyCounters counters = run.engine.session().counters();
        assertTrue(counters.tcpPeakBufferedBytes() <= ReassemblyOptions.defaults().maxBufferedBytesPerFlow(),
                counters::toString);
    }
}
