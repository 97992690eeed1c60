package dev.dissect.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared capture corpus ({@code ../shared/captures}): the captures {@code MANIFEST.tsv} lists as pcap or
 * pcapng, each paired with tshark's output in {@code expected/<path>.tsv}.
 *
 * <p>The folder is {@code ../../shared/captures} from the module (the repository's {@code ../shared}), or wherever
 * the system property or environment variable {@value #OVERRIDE} points.
 *
 * <p>{@code expected/KEYLOGS.tsv} pairs captures with their key logs (capture path, key log path, both relative
 * to the root); for those, tshark's output with that key log is {@code expected/<path>.decrypted.tsv}.
 */
record Corpus(Path root, List<Case> cases) {
    static final String OVERRIDE = "DISSECT_SHARED_CAPTURES";

    /**
     * One capture and tshark's fields for it; {@code name} is the path relative to the corpus root;
     * {@code customBlocks} when the manifest lists pcapng Custom Blocks in it (tshark shows each as a frame).
     */
    record Case(String name, Path capture, Path expected, boolean customBlocks, Path keyLog) {
        /** True for a run with a key log. */
        boolean decrypted() {
            return keyLog != null;
        }

        /**
         * The same capture with its key log, compared with {@code expected/<path>.decrypted.tsv}; null if it has no
         * key log or no such file.
         */
        Case withKeys(Path root, Map<String, Path> keyLogs) {
            Path key = keyLogs.get(name);
            Path expectedDecrypted = root.resolve("expected").resolve(name + ".decrypted.tsv");
            return key == null || !Files.isRegularFile(expectedDecrypted) || !Files.isRegularFile(key) ? null
                    : new Case(name + " (decrypted)", capture, expectedDecrypted, customBlocks, key);
        }
    }

    /** Key logs by capture name, from {@code expected/KEYLOGS.tsv}; empty if there is none. */
    static Map<String, Path> keyLogs(Path root) throws IOException {
        Map<String, Path> out = new HashMap<>();
        Path list = root.resolve("expected").resolve("KEYLOGS.tsv");
        if (!Files.isRegularFile(list)) {
            return out;
        }
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            String[] row = line.split("\t", -1);
            if (row.length >= 2 && !row[0].isBlank()) {
                out.put(row[0], root.resolve(row[1]));
            }
        }
        return out;
    }

    /** Where the corpus should be: the override if set, else {@code ../../shared/captures} from the module. */
    static Path location() {
        String override = System.getProperty(OVERRIDE);
        if (override == null || override.isBlank()) {
            override = System.getenv(OVERRIDE);
        }
        return override != null && !override.isBlank()
                ? Path.of(override)
                : Path.of("..", "..", "shared", "captures").toAbsolutePath().normalize();
    }

    /**
     * Reads {@code MANIFEST.tsv}: every row whose format column starts with {@code pcap} (pcap, pcapng, pcap.gz)
     * and whose expected TSV exists, in manifest order.
     */
    static Corpus load(Path root) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(root.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8)) {
            String[] header = in.readLine().split("\t", -1);
            int pathColumn = column(header, "path");
            int formatColumn = column(header, "format");
            int notesColumn = column(header, "notes");
            for (String line; (line = in.readLine()) != null; ) {
                String[] row = line.split("\t", -1);
                if (row.length <= formatColumn || !row[formatColumn].startsWith("pcap")) {
                    continue;
                }
                String name = row[pathColumn];
                Path expected = root.resolve("expected").resolve(name + ".tsv");
                if (Files.isRegularFile(expected)) {
                    boolean custom = row.length > notesColumn && row[notesColumn].contains("custom×");
                    cases.add(new Case(name, root.resolve(name), expected, custom, null));
                }
            }
        }
        return new Corpus(root, List.copyOf(cases));
    }

    private static int column(String[] header, String name) throws IOException {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        throw new IOException("MANIFEST.tsv has no column '" + name + "'");
    }
}
