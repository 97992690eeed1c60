package dev.dissect.bench;

import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The floor: one operation is one pass over every record of the capture, touching one byte per frame and nothing
 * else. Dissection benchmarks quote their speed against it ("x floor"), as ANCHORS-2026-11-29.md does.
 *
 * <ul>
 *   <li>{@code mappedOnce}: the windows are mapped at setup and reused, the steady-state "iterate records" limit
 *       (about 7.8 M packets/s on the 500 MB anchor capture).</li>
 *   <li>{@code openAndMap}: each pass opens and maps the file, as a reader opened per pass must.</li>
 * </ul>
 * The primary score is passes per second; {@code :packets} and {@code :bytes} give frames and bytes per second.
 */
public class RecordWalkBenchmark extends CaptureBenchmark {
    private PcapRecordWalker mapped;

    @Setup(Level.Trial)
    public void open() throws IOException {
        mapped = PcapRecordWalker.open(capturePath());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        mapped.close();
    }

    @Benchmark
    public long mappedOnce(FrameCounters counters) throws IOException {
        long check = mapped.walk();
        counters.packets += mapped.packets();
        counters.bytes += mapped.frameBytes();
        return check;
    }

    @Benchmark
    public long openAndMap(FrameCounters counters) throws IOException {
        try (PcapRecordWalker walker = PcapRecordWalker.open(capturePath())) {
            long check = walker.walk();
            counters.packets += walker.packets();
            counters.bytes += walker.frameBytes();
            return check;
        }
    }
}
