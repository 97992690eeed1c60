package dev.dissect.testkit.contract;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.stream.FramingStreamDissector;
import java.util.ArrayList;
import java.util.List;

/**
 * What a dissector produced, in a form that does not depend on where its bytes lay: one line per layer, field and
 * diagnostic, with positions counted from the start of the slice (or of the stream), plus the contract violations
 * seen while reading them.
 *
 * <p>Lines are made while the bytes are still valid (field values are printed at once), so an observation can be
 * compared after the views were re-pointed or overwritten.
 *
 * @since 0.1
 */
public final class Observation {
    private final List<String> lines = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    /** The lines seen so far, for example {@code field ssp.length = 12 @4+2}. */
    public List<String> lines() {
        return lines;
    }

    /** Contract violations seen so far; empty when the dissector kept the contract. */
    public List<String> problems() {
        return problems;
    }

    void line(String line) {
        lines.add(line);
    }

    void problem(String problem) {
        problems.add(problem);
    }

    /**
     * Reads what {@code tree} gained since the marks: layers from {@code layer0}, fields from {@code field0},
     * diagnostics from {@code diag0}. Positions in {@code view} map to {@code pos - sliceStart + basePos}.
     */
    void collect(Dissection tree, int layer0, int field0, int diag0, ByteView view, int sliceStart, int sliceLength,
                 long basePos, ProviderRecord declared) {
        long sliceEnd = (long) sliceStart + sliceLength;
        // Layer by layer, each followed by its own fields and diagnostics: the order does not depend on whether
        // several messages were dissected in one call or in several.
        for (int layer = layer0 - 1; layer < tree.layerCount(); layer++) {
            if (layer >= layer0) {
                layer(tree, layer, sliceStart, sliceEnd, basePos, declared);
            }
            for (int i = field0; i < tree.fieldCount(); i++) {
                if (tree.fieldLayer(i) == layer || layer == layer0 - 1 && tree.fieldLayer(i) < layer0) {
                    field(tree, i, view, sliceStart, sliceEnd, basePos, declared);
                }
            }
            for (int i = diag0; i < tree.diagnosticCount(); i++) {
                if (tree.diagnosticLayer(i) == layer || layer == layer0 - 1 && tree.diagnosticLayer(i) < layer0) {
                    diagnostic(tree, i, sliceStart, sliceEnd, basePos, declared);
                }
            }
        }
    }

    private void layer(Dissection tree, int i, int sliceStart, long sliceEnd, long basePos, ProviderRecord declared) {
        String name = tree.layerProtocol(i).filterName();
        int off = tree.layerOffset(i);
        int len = tree.layerLength(i);
        lines.add("layer " + name + " @" + (off - sliceStart + basePos) + "+" + len);
        if (!declared.protocols().containsKey(name)) {
            problems.add("layer " + name + " is not a protocol the provider declared");
        }
        if (off < sliceStart || len < 0 || off + (long) len > sliceEnd) {
            problems.add("layer " + name + " covers [" + off + ", " + (off + (long) len)
                    + ") outside the slice [" + sliceStart + ", " + sliceEnd + ")");
        }
    }

    private void field(Dissection tree, int i, ByteView view, int sliceStart, long sliceEnd, long basePos,
                       ProviderRecord declared) {
        FieldDef def = tree.fieldDef(i);
        ByteView src = tree.source(i);
        int off = tree.offset(i);
        int len = tree.length(i);
        String value;
        try {
            value = tree.valueString(i);
        } catch (RuntimeException e) {
            value = "<unprintable: " + e + ">";
            problems.add("field " + def.name() + " cannot be printed: " + e);
        }
        String where = src == null ? "" : " @" + (src == view ? off - sliceStart + basePos : "other:" + off) + "+" + len;
        lines.add("field " + def.name() + " = " + value + where);
        if (!declared.declares(def)) {
            problems.add("field " + def.name() + " is emitted but not declared with Registrar.protocol"
                    + (declared.fields().containsKey(def.name()) ? " (a different definition has that name)" : ""));
        }
        if (src == view && (off < sliceStart || len < 0 || off + (long) len > sliceEnd)) {
            problems.add("field " + def.name() + " points at [" + off + ", " + (off + (long) len)
                    + ") outside the slice [" + sliceStart + ", " + sliceEnd + ")");
        } else if (src != null && src != view && !src.has(off, len)) {
            problems.add("field " + def.name() + " points outside its own view");
        }
    }

    private void diagnostic(Dissection tree, int i, int sliceStart, long sliceEnd, long basePos,
                            ProviderRecord declared) {
        DiagnosticDef def = tree.diagnosticDef(i);
        int off = tree.diagnosticOffset(i);
        int len = tree.diagnosticLength(i);
        lines.add("diagnostic " + def.name() + " @" + (off - sliceStart + basePos) + "+" + len);
        if (!declared.declares(def) && !def.equals(FramingStreamDissector.FRAME_TOO_LONG)) {
            problems.add("diagnostic " + def.name() + " is reported but not declared with Registrar.diagnostics");
        }
        if (off < sliceStart || len < 0 || off + (long) len > sliceEnd) {
            problems.add("diagnostic " + def.name() + " points at [" + off + ", " + (off + (long) len)
                    + ") outside the slice [" + sliceStart + ", " + sliceEnd + ")");
        }
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
