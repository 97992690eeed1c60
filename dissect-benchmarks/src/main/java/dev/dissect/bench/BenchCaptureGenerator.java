package dev.dissect.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Writes a deterministic benchmark capture: a classic pcap file (microseconds, little-endian, Ethernet) of clients
 * behind one gateway looking names up over UDP/53 and fetching from HTTP servers over TCP.
 *
 * <p><b>Same options, same bytes:</b> a seed fixes the file byte for byte on any JVM. <b>Fast:</b> hundreds of MB
 * per second, so 500 MB takes seconds.
 *
 * <p>Mix: 85 % of connections over IPv4 and 15 % over IPv6, 5 % of them 802.1Q-tagged, 60 % preceded by a DNS
 * lookup; new connections arrive as a Poisson process of {@value #FLOWS_PER_SECOND} per second and run for
 * round-trip times of 5 to 150 ms, so a few hundred are open at once. {@link Flow} tells what a connection does.
 * The capture ends where the limit falls, as one stopped with {@code tcpdump -c} does: connections open then are cut.
 *
 * <pre>
 * java -cp benchmarks.jar dev.dissect.bench.BenchCaptureGenerator --out FILE [--packets N | --target-mb M] [--seed S]
 * </pre>
 */
public final class BenchCaptureGenerator {
    /** Mean arrival rate of new connections. */
    public static final double FLOWS_PER_SECOND = 500;
    /** 2025-11-29 08:00:00 UTC, the first arrival. */
    static final long START_MICROS = 1_764_403_200_000_000L;
    private static final long POOL_SEED_SALT = 0x5EED_F00D_CAFEL;

    /** What to write: stop after {@code packets} frames or once the file reaches {@code targetBytes}, whichever first. */
    public record Options(Path out, long packets, long targetBytes, long seed) {
        public Options {
            if (packets <= 0 || targetBytes <= 0) {
                throw new IllegalArgumentException("packets=" + packets + " targetBytes=" + targetBytes);
            }
        }

        /** {@code megabytes} of 10^6 bytes, no packet limit. */
        public static Options ofMegabytes(Path out, long megabytes, long seed) {
            return new Options(out, Long.MAX_VALUE, megabytes * 1_000_000L, seed);
        }

        /** Exactly {@code packets} frames. */
        public static Options ofPackets(Path out, long packets, long seed) {
            return new Options(out, packets, Long.MAX_VALUE, seed);
        }
    }

    /** What was written. */
    public record Summary(long packets, long bytes, int flows, long millis) {
        @Override
        public String toString() {
            return String.format("%,d packets, %,d bytes, %,d connections, %,d ms", packets, bytes, flows, millis);
        }
    }

    private BenchCaptureGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            usage(System.err, e.getMessage());
            System.exit(2);
            return;
        }
        Summary summary = generate(options);
        System.err.println(options.out() + ": " + summary);
    }

    /** Writes the capture to {@code options.out()}, replacing any file there. */
    public static Summary generate(Options options) throws IOException {
        Path parent = options.out().toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return generate(options, Files.newOutputStream(options.out()));
    }

    /** Writes the capture to {@code out}, which is closed at the end. */
    public static Summary generate(Options options, OutputStream out) throws IOException {
        long started = System.nanoTime();
        PayloadPool pool = new PayloadPool(options.seed() ^ POOL_SEED_SALT);
        FrameBuilder frame = new FrameBuilder();
        SplittableRandom arrivals = new SplittableRandom(options.seed());
        PriorityQueue<Flow> open = new PriorityQueue<>(
                Comparator.comparingLong(Flow::nextMicros).thenComparingInt(flow -> flow.id));
        long nextArrival = START_MICROS;
        int flows = 0;
        long packets = 0;
        long bytes;
        try (BenchPcapWriter writer = new BenchPcapWriter(out)) {
            while (packets < options.packets() && writer.bytesWritten() < options.targetBytes()) {
                Flow head = open.peek();
                if (head == null || nextArrival <= head.nextMicros()) {
                    open.add(new Flow(flows++, options.seed(), nextArrival));
                    nextArrival += 1 + (long) Flow.exponential(arrivals, 1_000_000 / FLOWS_PER_SECOND);
                    continue;
                }
                open.poll();
                Flow.Packet packet = head.next();
                int length = head.write(packet, frame, pool);
                writer.write(packet.micros, frame.frame, length);
                packets++;
                if (head.hasNext()) {
                    open.add(head);
                }
            }
            bytes = writer.bytesWritten();
        }
        return new Summary(packets, bytes, flows, (System.nanoTime() - started) / 1_000_000);
    }

    static Options parse(String[] args) {
        Path out = null;
        long packets = Long.MAX_VALUE;
        long targetBytes = Long.MAX_VALUE;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + arg);
            }
            String value = args[++i];
            try {
                switch (arg) {
                    case "--out" -> out = Path.of(value);
                    case "--packets" -> packets = Long.parseLong(value);
                    case "--target-mb" -> targetBytes = Math.multiplyExact(Long.parseLong(value), 1_000_000L);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("bad number for " + arg + ": " + value);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out is required");
        }
        if (packets == Long.MAX_VALUE && targetBytes == Long.MAX_VALUE) {
            targetBytes = 500_000_000L;
        }
        return new Options(out, packets, targetBytes, seed);
    }

    private static void usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("usage: BenchCaptureGenerator --out FILE [--packets N] [--target-mb M] [--seed S]");
        err.println("  stops at N packets or M x 10^6 bytes, whichever comes first (default: --target-mb 500);"
                + " seed defaults to 1");
    }
}
