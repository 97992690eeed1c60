package dev.dissect.cli;

import dev.dissect.api.frame.FrameView;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A progress line on standard error while a long capture is read: bytes read of the total (when the total is
 * known) and frames per second, redrawn in place at most twice a second, after the first second, and erased at
 * the end.
 *
 * <p><b>Silent unless standard error is a terminal.</b> Java cannot ask {@code isatty(2)} directly
 * ({@code System.console()} is about standard input and output as well), so on Linux we read where
 * {@code /proc/self/fd/2} points: {@code /dev/pts/N} or {@code /dev/ttyN} is a terminal, a pipe or file is not.
 * The system property {@code -Ddissect.progress=true|false} or the environment variable
 * {@code DISSECT_PROGRESS=1|0} overrides the guess (e.g. {@code DISSECT_JAVA_OPTS=-Ddissect.progress=true}).
 */
final class Progress {
    private static final long CHECK_EVERY_FRAMES = 1024;
    private static final long FIRST_DELAY_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 500_000_000L;
    private static final double MIB = 1024.0 * 1024.0;

    private final PrintWriter err;
    private final long totalBytes;
    private final long start = System.nanoTime();
    private long nextDraw = start + FIRST_DELAY_NANOS;
    private long frames;
    private boolean drawn;

    private Progress(PrintWriter err, long totalBytes) {
        this.err = err;
        this.totalBytes = totalBytes;
    }

    /** A progress line for reading {@code input} ({@code -} for standard input), or null if it should be silent. */
    static Progress forInput(String input, PrintWriter err, boolean stderrIsOurs) {
        if (!enabled(stderrIsOurs)) {
            return null;
        }
        long total = -1;
        if (!"-".equals(input)) {
            try {
                Path p = Path.of(input);
                byte[] head = new byte[2];
                try (var in = Files.newInputStream(p)) {
                    int n = in.readNBytes(head, 0, 2);
                    boolean gzip = n == 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
                    total = gzip ? -1 : Files.size(p); // offsets in a gzip file are of the inflated stream
                }
            } catch (IOException | RuntimeException e) {
                total = -1;
            }
        }
        return new Progress(err, total);
    }

    static boolean enabled(boolean stderrIsOurs) {
        String prop = System.getProperty("dissect.progress");
        if (prop != null) {
            return Boolean.parseBoolean(prop);
        }
        String env = System.getenv("DISSECT_PROGRESS");
        if (env != null) {
            return env.equals("1") || env.equalsIgnoreCase("true");
        }
        return stderrIsOurs && stderrIsTerminal();
    }

    /** True if file descriptor 2 is a terminal, as far as Linux's /proc tells; false where /proc is missing. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Counts a frame; now and then redraws the line. */
    void frame(FrameView frame) {
        if (++frames % CHECK_EVERY_FRAMES != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now < nextDraw) {
            return;
        }
        nextDraw = now + REDRAW_NANOS;
        double seconds = (now - start) / 1e9;
        long read = frame.fileOffset() + frame.capturedLength();
        String bytes = totalBytes > 0
                ? String.format(Locale.ROOT, "%.1f of %.1f MiB (%d%%)", read / MIB, totalBytes / MIB,
                        Math.min(100, read * 100 / totalBytes))
                : String.format(Locale.ROOT, "%.1f MiB", read / MIB);
        err.print(String.format(Locale.ROOT, "\rdissect: %s, %d frames, %.0f frames/s\u001b[K", bytes, frames,
                frames / seconds));
        err.flush();
        drawn = true;
    }

    /** Erases the line if one was drawn. */
    void finish() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
