package dev.dissect.cli;

import dev.dissect.api.dissection.Dissection;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints {@code -T fields} lines: one per frame, the requested fields in order, each with all (or the first or
 * last) of its occurrences, exactly as tshark formats them.
 */
final class FieldsPrinter implements FramePrinter {
    private final List<String> names;
    private final FieldsFormat format;
    private final Appendable out;
    private final Map<String, Integer> columnOf = new HashMap<>();
    private final StringBuilder[] cells;
    private final int[] counts;
    private final StringBuilder line = new StringBuilder(256);

    FieldsPrinter(List<String> names, FieldsFormat format, Appendable out) {
        this.names = List.copyOf(names);
        this.format = format;
        this.out = out;
        this.cells = new StringBuilder[names.size()];
        this.counts = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            columnOf.putIfAbsent(names.get(i), i);
            cells[i] = new StringBuilder(32);
        }
    }

    @Override
    public void begin() throws IOException {
        if (format.header()) {
            out.append(String.join(String.valueOf(format.separator()), names)).append('\n');
        }
    }

    @Override
    public void print(Dissection d) throws IOException {
        for (int c = 0; c < cells.length; c++) {
            cells[c].setLength(0);
            counts[c] = 0;
        }
        for (int f = 0; f < d.fieldCount(); f++) {
            Integer column = columnOf.get(d.fieldDef(f).name());
            if (column == null) {
                continue;
            }
            int c = column;
            StringBuilder cell = cells[c];
            switch (format.occurrence()) {
                case 'f' -> {
                    if (counts[c] == 0) {
                        d.appendValue(f, cell);
                    }
                }
                case 'l' -> {
                    cell.setLength(0);
                    d.appendValue(f, cell);
                }
                default -> {
                    if (counts[c] > 0) {
                        cell.append(format.aggregator());
                    }
                    d.appendValue(f, cell);
                }
            }
            counts[c]++;
        }
        line.setLength(0);
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                line.append(format.separator());
            }
            // A field requested twice prints twice, as tshark does.
            int c = columnOf.get(names.get(i));
            appendQuoted(cells[c], counts[c] > 0);
        }
        out.append(line).append('\n');
    }

    private void appendQuoted(CharSequence value, boolean present) {
        char q = switch (format.quote()) {
            case 'd' -> '"';
            case 's' -> '\'';
            default -> 0;
        };
        if (q != 0 && present) {
            line.append(q).append(value).append(q);
        } else {
            line.append(value);
        }
    }
}
