package dev.dissect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The regression corpus: small loopback captures of our own (see {@code corpus/README.md}) and the command's
 * expected output for each: {@code NAME.fields.tsv}, checked against tshark 4.0 field by field when recorded, and
 * {@code NAME.txt}, the summary lines. TCP's {@code Seq=}, {@code Ack=} and {@code Win=} numbers are masked in the
 * summaries, since the TCP info column is moving to relative numbers.
 */
class CorpusTest {
    private static final Path CORPUS = Path.of("src", "test", "resources", "corpus");

    static Stream<Path> captures() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            files.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).sorted()
                    .forEach(out::add);
        }
        assertFalse(out.isEmpty(), "no captures in " + CORPUS.toAbsolutePath());
        return out.stream();
    }

    private static String baseName(Path capture) {
        String n = capture.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void fieldsAsRecorded(Path capture) throws IOException {
        List<String> args = new ArrayList<>(List.of("-r", capture.toString(), "-T", "fields", "-E", "header=y",
                "-E", "occurrence=a", "-E", "aggregator=,"));
        for (String field : Files.readAllLines(CORPUS.resolve("FIELDS"))) {
            args.add("-e");
            args.add(field);
        }
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(CORPUS.resolve(baseName(capture) + ".fields.tsv")), r.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void summaryLinesAsRecorded(Path capture) throws IOException {
        Cli.Result r = Cli.run("-r", capture.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(maskTcpNumbers(Files.readString(CORPUS.resolve(baseName(capture) + ".txt"))),
                maskTcpNumbers(r.out()));
    }

    static String maskTcpNumbers(String summary) {
        return summary.replaceAll("(Seq|Ack|Win)=\\d+", "$1=N");
    }
}
