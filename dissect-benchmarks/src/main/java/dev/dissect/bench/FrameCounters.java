package dev.dissect.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Secondary JMH results of a whole-capture benchmark: frames and captured bytes per second, beside the primary
 * passes per second. JMH prints them as {@code BENCHMARK:packets} and {@code BENCHMARK:bytes}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class FrameCounters {
    /** Frames handled in this iteration. */
    public long packets;
    /** Captured frame bytes handled in this iteration. */
    public long bytes;

    @Setup(Level.Iteration)
    public void clear() {
        packets = 0;
        bytes = 0;
    }
}
