package dev.dissect.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.cli.DissectCommand;
import dev.dissect.net.capture.PcapWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command on every hostile file: never a stack trace; every failure is one line on stderr, {@code dissect: …},
 * and exit code 1 (the capture is damaged; every frame before the damage was printed); every readable file exits 0
 * with nothing on stderr, whatever its frames lie about.
 */
class CliHostileTest {
    @TempDir
    Path dir;

    static Stream<Arguments> readerCases() {
        return ReaderCases.all().stream().map(c -> Arguments.of(c.name(), c));
    }

    static Stream<Arguments> engineCases() {
        return EngineCases.all().stream().map(c -> Arguments.of(c.name(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readerCases")
    void damagedFilesGiveOneLineAndExitOne(String name, ReaderCases.Case c) throws IOException {
        Path file = dir.resolve(name + ".cap");
        Files.write(file, c.bytes());
        for (String format : new String[] {"text", "fields"}) {
            Result r = run(file, format);
            assertNoStackTrace(r);
            if (c.expect() == null) {
                assertTrue(r.code == 0 || r.code == 1, "exit " + r.code);
                assertEquals(r.code == 0 ? 0 : 1, r.errLines(), r.err);
            } else if (c.expect().errorOffset() < 0) {
                assertEquals(0, r.code, r.err);
                assertEquals("", r.err);
                assertEquals(c.expect().frames(), r.outLines, "one summary line per frame");
            } else {
                assertEquals(1, r.code, r.err);
                assertEquals(1, r.errLines(), r.err);
                assertTrue(r.err.startsWith("dissect: "), r.err);
                assertTrue(r.err.contains("(at byte offset " + c.expect().errorOffset() + ")"), r.err);
                assertEquals(c.expect().frames(), r.outLines, "every frame before the damage is printed");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engineCases")
    void hostileTrafficExitsZeroWithoutErrors(String name, EngineCases.Case c) throws IOException {
        Path file = dir.resolve(name + ".pcap");
        int frames = write(c, file);
        Result r = run(file, "text");
        assertNoStackTrace(r);
        assertEquals(0, r.code, r.err);
        assertEquals("", r.err);
        assertEquals(frames, r.outLines);
    }

    private static int write(EngineCases.Case c, Path file) throws IOException {
        int[] frames = {0};
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             PcapWriter w = new PcapWriter(out, 1, true)) {
            c.generator().frames(bytes -> {
                frames[0]++;
                try {
                    w.write(1_700_000_000L + frames[0] / 1_000, frames[0] % 1_000 * 1_000_000, bytes.length, bytes, 0,
                            bytes.length);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return frames[0];
    }

    private static void assertNoStackTrace(Result r) {
        assertFalse(r.err.contains("\tat ") || r.err.contains("Exception") || r.err.contains("Error:"), r.err);
    }

    record Result(int code, long outLines, String err) {
        long errLines() {
            return err.lines().count();
        }
    }

    private static Result run(Path file, String format) {
        LineCounter out = new LineCounter();
        StringWriter err = new StringWriter();
        String[] args = format.equals("fields")
                ? new String[] {"-r", file.toString(), "-T", "fields", "-e", "frame.number", "-e", "ip.src"}
                : new String[] {"-r", file.toString()};
        int code = DissectCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.lines, err.toString());
    }

    /** Counts lines and keeps nothing: floods print hundreds of thousands. */
    private static final class LineCounter extends Writer {
        long lines;

        @Override
        public void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
