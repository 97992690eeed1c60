package dev.dissect.bench;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.engine.DissectionEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every whole-capture benchmark shares: the {@code capture} parameter and the run settings. One operation is
 * one pass over the capture; subclasses add frames and bytes to {@link FrameCounters} so JMH also reports them per
 * second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class CaptureBenchmark {
    /** A capture file; empty for the default capture generated into the build folder ({@link BenchCapture}). */
    @Param("")
    public String capture;

    private Path path;

    /** The capture to read, generating the default one on first use. */
    protected Path capturePath() throws IOException {
        if (path == null) {
            path = BenchCapture.resolve(capture);
        }
        return path;
    }

    /**
     * One pass: opens the capture as a user would, dissects every frame into {@code d}, and adds the frames and bytes
     * to {@code counters}. Returns the layers seen, so the JIT cannot drop the work.
     */
    protected final int dissectCapture(DissectionEngine engine, Dissection d, FrameCounters counters)
            throws IOException {
        int layers = 0;
        long packets = 0;
        long bytes = 0;
        try (CaptureSource source = Captures.open(capturePath())) {
            for (FrameView frame; (frame = source.next()) != null; ) {
                engine.dissect(frame, d);
                layers += d.layerCount();
                packets++;
                bytes += frame.capturedLength();
            }
        }
        counters.packets += packets;
        counters.bytes += bytes;
        return layers;
    }
}
