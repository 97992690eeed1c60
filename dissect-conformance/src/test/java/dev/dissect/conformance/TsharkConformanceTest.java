package dev.dissect.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.net.engine.DissectorRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Our {@code -T fields} values against tshark 4.0.17's over the shared capture corpus, field by field.
 *
 * <p>Prints (and writes to {@code target/conformance/report.md}) a table per field and the captures that failed.
 * <b>Fails</b> when a field of {@code must-agree.txt} disagrees on any cell that the rules of
 * {@code deliberate-differences.md} do not skip, when a capture makes us crash (an exception other than
 * {@code CaptureFormatException} escapes the reader or the engine) or hang (runs past the time limit), or when we
 * read a different number of frames than tshark. Fields we do not register are listed as not implemented.
 *
 * <p>Captures that {@code expected/KEYLOGS.tsv} pairs with a key log run twice: as they are (against
 * {@code NAME.tsv}) and decrypted with that key log (against {@code NAME.decrypted.tsv}); the decrypted runs have
 * their own field table ("Fields, decrypted"), and {@code must-agree.txt} holds in both.
 *
 * <p>Skipped, and says so, when the corpus is absent: the repository's own tests never depend on it.
 */
class TsharkConformanceTest {
    /** Per capture; a capture that takes longer is reported as a hang. */
    private static final long TIME_LIMIT_SECONDS = Long.getLong("dissect.conformance.timeLimitSeconds", 30);

    @Test
    void agreesWithTshark() throws Exception {
        Path root = Corpus.location();
        if (!Files.isRegularFile(root.resolve("MANIFEST.tsv"))) {
            String why = "tshark conformance suite SKIPPED: no capture corpus at " + root
                    + " (the repository's ../shared/captures; set " + Corpus.OVERRIDE + " to use another folder)";
            System.out.println(why);
            Assumptions.abort(why);
        }
        long start = System.nanoTime();
        Corpus corpus = Corpus.load(root);
        Set<String> mustAgree = readList("must-agree.txt");
        DissectorRegistry registry = DissectionEngine.withDefaults().registry();
        Set<String> registered = Set.copyOf(registry.fields().keySet());
        Set<String> protocols = Set.copyOf(registry.protocols().keySet());

        Map<String, FieldTally> totals = new LinkedHashMap<>();
        Map<String, FieldTally> decryptedTotals = new LinkedHashMap<>();
        List<CaptureComparison.Result> results = new ArrayList<>();
        Map<String, Path> keyLogs = Corpus.keyLogs(root);
        List<Corpus.Case> runs = new ArrayList<>();
        for (Corpus.Case c : corpus.cases()) {
            runs.add(c);
            Corpus.Case withKeys = c.withKeys(root, keyLogs);
            if (withKeys != null) {
                runs.add(withKeys);
            }
        }
        ExecutorService worker = newWorker();
        try {
            for (Corpus.Case c : runs) {
                CaptureComparison.Result r;
                Future<CaptureComparison.Result> run = worker.submit(new CaptureComparison(c, registered, protocols));
                try {
                    r = run.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    run.cancel(true);
                    worker.shutdownNow(); // the stuck thread is a daemon: abandoned, not waited for
                    worker = newWorker();
                    r = new CaptureComparison.Result(c, CaptureComparison.Outcome.HANG,
                            "no result after " + TIME_LIMIT_SECONDS + " s", 0, 0, TIME_LIMIT_SECONDS * 1000, Map.of());
                } catch (ExecutionException e) {
                    r = new CaptureComparison.Result(c, CaptureComparison.Outcome.CRASH, e.getCause().toString(),
                            0, 0, 0, Map.of());
                }
                results.add(r);
                Map<String, FieldTally> into = c.decrypted() ? decryptedTotals : totals;
                r.tallies().forEach((name, t) ->
                        into.computeIfAbsent(name, n -> new FieldTally(n, t.implemented)).add(t));
            }
        } finally {
            worker.shutdownNow();
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        List<String> failures = failures(results, totals, mustAgree, "");
        failures.addAll(failures(List.of(), decryptedTotals, mustAgree, " (decrypted)"));
        long frames = results.stream().mapToLong(CaptureComparison.Result::theirFrames).sum();
        String summary = String.format("tshark conformance: %d captures, %d frames (tshark's), %d s; corpus %s%n",
                results.size(), frames, seconds, root);
        String fields = ConformanceReport.fieldTable(totals.values(), mustAgree);
        String decryptedFields = ConformanceReport.fieldTable(decryptedTotals.values(), mustAgree);
        System.out.println(summary);
        System.out.println(fields);
        System.out.println("Fields, decrypted (" + (runs.size() - corpus.cases().size())
                + " captures with key logs):\n");
        System.out.println(decryptedFields);
        System.out.println("Captures that failed or were damaged:\n");
        System.out.println(ConformanceReport.captureTable(results, false));
        writeReport("# tshark conformance\n\n" + summary + "\n## Fields\n\n" + fields
                + "\n## Fields, decrypted\n\n" + decryptedFields + "\n## Captures\n\n"
                + ConformanceReport.captureTable(results, true) + "\n## Failures\n\n"
                + (failures.isEmpty() ? "none\n" : "- " + String.join("\n- ", failures) + "\n"),
                ConformanceReport.differencesByCapture(totals.values())
                + ConformanceReport.differencesByCapture(decryptedTotals.values()).lines().skip(1)
                        .map(l -> l + "\n").reduce("", String::concat),
                cells(totals.values(), "") + cells(decryptedTotals.values(), " (decrypted)"));
        assertTrue(failures.isEmpty(), () -> failures.size() + " conformance failures:\n" + String.join("\n", failures));
    }

    private static List<String> failures(List<CaptureComparison.Result> results, Map<String, FieldTally> totals,
                                         Set<String> mustAgree, String run) {
        List<String> failures = new ArrayList<>();
        for (CaptureComparison.Result r : results) {
            if (r.failed()) {
                failures.add(r.capture().name() + ": " + r.outcome()
                        + (r.frameCountDiffers() ? ", " + r.ourFrames() + " frames, tshark " + r.theirFrames() : "")
                        + (r.detail().isEmpty() ? "" : ": " + r.detail()));
            }
        }
        for (String field : mustAgree) {
            FieldTally t = totals.get(field);
            if (t == null || !t.implemented) {
                if (run.isEmpty() || t != null) {
                    failures.add("must-agree field " + field + run + " is "
                            + (t == null ? "not in the TSVs" : "not implemented"));
                }
            } else if (t.differing > 0) {
                failures.add("must-agree field " + field + run + " differs on " + t.differing + " of " + t.compared()
                        + " cells, e.g. " + t.samples);
            }
        }
        return failures;
    }

    /** One field name a line; {@code #} starts a comment. */
    private static Set<String> readList(String resource) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        try (InputStream in = TsharkConformanceTest.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                int hash = line.indexOf('#');
                String name = (hash < 0 ? line : line.substring(0, hash)).strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Writes {@code report.md} and, beside it, {@code differences.tsv}. */
    private static void writeReport(String markdown, String differences, String cells) throws IOException {
        String where = System.getProperty("dissect.conformance.report", "target/conformance/report.md");
        Path file = Path.of(where).toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        Files.writeString(file.resolveSibling("differences.tsv"), differences, StandardCharsets.UTF_8);
        if (!cells.isEmpty()) {
            Files.writeString(file.resolveSibling("cells.tsv"), cells, StandardCharsets.UTF_8);
        }
        System.out.println("Report written to " + file + " (every differing capture per field: differences.tsv)");
    }

    /** Every differing cell of the fields named by {@code dissect.conformance.cells}, one a line. */
    private static String cells(Iterable<FieldTally> tallies, String run) {
        StringBuilder out = new StringBuilder();
        for (FieldTally t : tallies) {
            for (String cell : t.allCells) {
                out.append(cell).append(run).append('\n');
            }
        }
        return out.toString();
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "conformance-capture");
            t.setDaemon(true);
            return t;
        });
    }
}
