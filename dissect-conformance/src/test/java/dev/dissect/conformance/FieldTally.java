package dev.dissect.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the comparison found for one field over the corpus: counts and the first few disagreements. */
final class FieldTally {
    static final int SAMPLES = 3;

    final String field;
    final boolean implemented;
    long agreed;
    /** Of {@link #agreed}, the cells where the field is present (both sides absent agrees too, and says less). */
    long agreedPresent;
    long differing;
    long skipped;
    final List<String> samples = new ArrayList<>(SAMPLES);
    /** Per capture with differences: how many cells, and the first one. */
    final Map<String, Long> differingByCapture = new LinkedHashMap<>();
    final Map<String, String> firstByCapture = new LinkedHashMap<>();
    /** Every differing cell (capture, frame, ours, tshark's), kept only for the fields named in {@link #DUMP}. */
    final List<String> allCells = new ArrayList<>();

    /** {@code -Ddissect.conformance.cells=frame.protocols,...}: fields whose differing cells all go to cells.tsv. */
    static final List<String> DUMP = List.of(System.getProperty("dissect.conformance.cells", "").split(","));

    FieldTally(String field, boolean implemented) {
        this.field = field;
        this.implemented = implemented;
    }

    long compared() {
        return agreed + differing;
    }

    void differ(String capture, long frame, String ours, String theirs) {
        differing++;
        String sample = capture + "#" + frame + ": " + show(ours) + " | " + show(theirs);
        if (samples.size() < SAMPLES) {
            samples.add(sample);
        }
        differingByCapture.merge(capture, 1L, Long::sum);
        firstByCapture.putIfAbsent(capture, sample);
        if (DUMP.contains(field)) {
            allCells.add(field + "\t" + capture + "\t" + frame + "\t" + ours + "\t" + theirs);
        }
    }

    /** Adds the counts and, while there is room, the samples of another tally of the same field. */
    void add(FieldTally other) {
        agreed += other.agreed;
        agreedPresent += other.agreedPresent;
        differing += other.differing;
        skipped += other.skipped;
        for (String s : other.samples) {
            if (samples.size() < SAMPLES) {
                samples.add(s);
            }
        }
        other.differingByCapture.forEach((c, n) -> differingByCapture.merge(c, n, Long::sum));
        other.firstByCapture.forEach(firstByCapture::putIfAbsent);
        allCells.addAll(other.allCells);
    }

    private static String show(String value) {
        String v = value.isEmpty() ? "(absent)" : value;
        return v.length() > 60 ? v.substring(0, 57) + "..." : v;
    }
}
