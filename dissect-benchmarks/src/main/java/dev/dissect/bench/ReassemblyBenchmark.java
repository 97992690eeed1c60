package dev.dissect.bench;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.net.engine.DissectionEngine;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * Reads and dissects every frame with the engine's session on: TCP flows, {@code tcp.stream}, relative numbers,
 * sequence analysis and defragmentation. One operation is one pass; the session is reset before each pass so every
 * pass sees the capture from its start. Compare with {@link L2L4DecodeBenchmark}; {@code -prof gc} shows what flow
 * tracking allocates (new flows only: in-order segments allocate nothing).
 */
public class ReassemblyBenchmark extends CaptureBenchmark {
    private DissectionEngine engine;
    private Dissection dissection;

    @Setup(Level.Trial)
    public void open() throws IOException {
        capturePath(); // make the default capture now, not while measuring
        engine = DissectionEngine.withDefaults();
        dissection = new Dissection();
    }

    @Benchmark
    public int dissectAll(FrameCounters counters) throws IOException {
        engine.resetSession();
        return dissectCapture(engine, dissection, counters);
    }
}
