package dev.dissect.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Finds the capture a benchmark reads: the path given as its {@code capture} parameter, or, when that is empty, the
 * default capture, generated on first use into {@code bench/} beside the benchmarks jar (the module's build folder,
 * such as {@code dissect-benchmarks/target/bench/}).
 *
 * <p>Set {@code -Ddissect.bench.dir=DIR} to put the default capture elsewhere.
 */
public final class BenchCapture {
    /** Size of the default capture in 10^6 bytes. */
    public static final long DEFAULT_MEGABYTES = 100;
    /** Seed of the default capture. */
    public static final long DEFAULT_SEED = 1;

    private BenchCapture() {
    }

    /** The capture named by {@code parameter}, or the default capture (generated now if missing) when it is blank. */
    public static Path resolve(String parameter) throws IOException {
        if (parameter != null && !parameter.isBlank()) {
            Path path = Path.of(parameter);
            if (!Files.isRegularFile(path)) {
                throw new IOException("capture " + path + " is not a file");
            }
            return path;
        }
        Path path = benchDirectory().resolve("bench-" + DEFAULT_MEGABYTES + "mb-seed" + DEFAULT_SEED + ".pcap");
        if (!Files.isRegularFile(path)) {
            Files.createDirectories(path.getParent());
            Path partial = Files.createTempFile(path.getParent(), path.getFileName().toString(), ".part");
            try {
                BenchCaptureGenerator.Summary summary = BenchCaptureGenerator.generate(
                        BenchCaptureGenerator.Options.ofMegabytes(partial, DEFAULT_MEGABYTES, DEFAULT_SEED));
                // Pages still being written back slow the first passes over a fresh mapping tenfold; settle them now.
                try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(partial, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                System.err.println("generated " + path + ": " + summary);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        return path;
    }

    private static Path benchDirectory() {
        String configured = System.getProperty("dissect.bench.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            Path code = Path.of(BenchCapture.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // benchmarks.jar and classes/ both sit directly in the module's build folder
            return code.toAbsolutePath().getParent().resolve("bench");
        } catch (URISyntaxException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("cannot locate the build folder; set -Ddissect.bench.dir", e));
        }
    }
}
