package dev.dissect.bench;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.engine.DissectionEngine;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * Reads and dissects every frame of the capture through L2 to L4 (and whatever else is registered) with the default
 * engine: one operation is one pass over the file, opened through {@link dev.dissect.net.capture.Captures#open(java.nio.file.Path)} as a user would.
 * Compare {@code :packets} with {@link RecordWalkBenchmark} on the same capture for "x floor".
 *
 * <p>The {@link Dissection}s are reused across frames and passes, so {@code -prof gc} shows what dissection
 * allocates per pass ({@code gc.alloc.rate.norm}, in bytes per operation; divide by the packet count for bytes per
 * frame).
 */
public class L2L4DecodeBenchmark extends CaptureBenchmark {
    private DissectionEngine engine;
    private DissectionEngine stateless;
    private Dissection allFields;
    private Dissection layersOnly;

    @Setup(Level.Trial)
    public void open() throws IOException {
        capturePath(); // make the default capture now, not while measuring
        engine = DissectionEngine.withDefaults();
        stateless = DissectionEngine.withDefaults().trackSessions(false);
        allFields = new Dissection();
        layersOnly = new Dissection();
        layersOnly.recordNoFields();
        layersOnly.setInfoWanted(false);
    }

    /** Every field of every layer recorded and the info column built: what {@code tshark -V} needs. */
    @Benchmark
    public int dissectAll(FrameCounters counters) throws IOException {
        return dissectCapture(engine, allFields, counters);
    }

    /**
     * Every layer found, checked and handed on, with no field recorded and no info column: the cost of decoding
     * L2-L4 for a caller that reads values through the generated views or asks for a few fields.
     */
    @Benchmark
    public int layersOnly(FrameCounters counters) throws IOException {
        return dissectCapture(engine, layersOnly, counters);
    }

    /**
     * Every frame on its own ({@link DissectionEngine#trackSessions(boolean) trackSessions(false)}): headers decoded
     * and checked layer by layer with no flow, reassembly or defragmentation state, no field recorded. The job of
     * gopacket's DecodingLayerParser, to compare with it.
     */
    @Benchmark
    public int headersOnly(FrameCounters counters) throws IOException {
        return dissectCapture(stateless, layersOnly, counters);
    }

}
