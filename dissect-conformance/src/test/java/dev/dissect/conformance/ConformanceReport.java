package dev.dissect.conformance;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The Markdown report: one row per field, then the captures, with what failed marked. */
final class ConformanceReport {
    private ConformanceReport() {
    }

    /** The per-field table; fields in {@code mustAgree} are marked {@code must}. */
    static String fieldTable(Collection<FieldTally> tallies, Set<String> mustAgree) {
        StringBuilder out = new StringBuilder();
        out.append("| field | status | compared | agreed | of them present | differing | skipped (deliberate)"
                + " | first differences (capture#frame: ours \\| tshark) |\n|---|---|--:|--:|--:|--:|--:|---|\n");
        for (FieldTally t : tallies) {
            String status = !t.implemented ? "not implemented"
                    : (mustAgree.contains(t.field) ? "must, " : "") + (t.differing == 0 ? "agrees" : "differs");
            out.append("| ").append(t.field).append(" | ").append(status).append(" | ");
            if (t.implemented) {
                out.append(t.compared()).append(" | ").append(t.agreed).append(" | ").append(t.agreedPresent)
                        .append(" | ").append(t.differing)
                        .append(" | ").append(t.skipped).append(" | ")
                        .append(String.join("<br>", t.samples).replace("|", "\\|"));
            } else {
                out.append(" |  |  |  |  | ");
            }
            out.append(" |\n");
        }
        return out.toString();
    }

    /** For diagnosis: per field, every capture with differing cells, how many, and the first. */
    static String differencesByCapture(Collection<FieldTally> tallies) {
        StringBuilder out = new StringBuilder("field\tcapture\tcells differing\tfirst (capture#frame: ours | tshark)\n");
        for (FieldTally t : tallies) {
            t.differingByCapture.forEach((capture, n) -> out.append(t.field).append('\t').append(capture)
                    .append('\t').append(n).append('\t').append(t.firstByCapture.get(capture)).append('\n'));
        }
        return out.toString();
    }

    /** One row per capture: {@code all} for the file, or only the failed and damaged ones for the console. */
    static String captureTable(List<CaptureComparison.Result> results, boolean all) {
        StringBuilder out = new StringBuilder();
        out.append("| capture | frames (ours / tshark) | outcome | ms | detail |\n|---|--:|---|--:|---|\n");
        for (CaptureComparison.Result r : results) {
            if (!all && !r.failed() && r.outcome() == CaptureComparison.Outcome.OK) {
                continue;
            }
            String outcome = r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (r.frameCountDiffers() ? ", frame count differs" : "")
                    + (r.frameCountExcuse() != null ? " (deliberate: " + r.frameCountExcuse() + ")" : "")
                    + (r.failed() ? " **FAIL**" : "");
            out.append("| ").append(r.capture().name()).append(" | ").append(r.ourFrames()).append(" / ")
                    .append(r.theirFrames()).append(" | ").append(outcome).append(" | ").append(r.millis())
                    .append(" | ").append(r.detail().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }
}
