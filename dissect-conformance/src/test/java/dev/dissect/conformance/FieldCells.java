package dev.dissect.conformance;

import dev.dissect.api.dissection.Dissection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Our values for a row of tshark's {@code -T fields -E occurrence=a -E aggregator=,}: every occurrence of a field
 * in dissection order, joined by {@code ,}; empty when the field is absent. The same rule as the CLI's
 * {@code FieldsPrinter}, which is package-private there; columns we do not register stay null.
 */
final class FieldCells {
    private final Map<String, Integer> columnOf = new HashMap<>();
    private final StringBuilder[] cells;
    private final int[] counts;

    FieldCells(List<String> columns, Set<String> registered) {
        cells = new StringBuilder[columns.size()];
        counts = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            if (registered.contains(columns.get(c)) && columnOf.putIfAbsent(columns.get(c), c) == null) {
                cells[c] = new StringBuilder(32);
            }
        }
    }

    /** Fills the cells from one dissected frame. */
    void fill(Dissection d) {
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] != null) {
                cells[c].setLength(0);
            }
            counts[c] = 0;
        }
        for (int f = 0; f < d.fieldCount(); f++) {
            Integer c = columnOf.get(d.fieldDef(f).name());
            if (c != null) {
                if (counts[c]++ > 0) {
                    cells[c].append(',');
                }
                d.appendValue(f, cells[c]);
            }
        }
    }

    /** The cell of column {@code c}, or null when we do not register that field. */
    CharSequence cell(int c) {
        return cells[c];
    }
}
