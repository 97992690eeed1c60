package dev.dissect.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.dissection.FieldFormat;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.FieldType;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code -T json} and {@code -T ek}: each frame's layers and fields as JSON, one object per line.
 *
 * <p><b>json</b> has tshark's per-frame object ({@code _index}, {@code _type}, {@code _score},
 * {@code _source.layers}), but one object per line (JSON Lines) instead of tshark's indented array, and a field
 * that occurs several times in a layer is one key with an array of values (tshark's {@code --no-duplicate-keys})
 * instead of a repeated key, so that every JSON parser reads it. A protocol that occurs more than once (IP in IP)
 * is likewise one key with an array of layer objects.
 *
 * <p><b>ek</b> is tshark's Elasticsearch bulk layout: an {@code index} action line, then a document line with a
 * millisecond {@code timestamp} and {@code layers}, keys {@code <layer>_<field>} with dots as underscores,
 * booleans as {@code true}/{@code false}. tshark 4.0 also writes {@code _type: doc}; we do too.
 *
 * <p>With {@code -e}, {@code layers} holds only the requested fields, each as an array of its values (tshark's
 * layout for {@code -T json -e}).
 *
 * <p>All values are strings as tshark writes them (bytes colon-separated, as tshark's JSON does); labels are
 * {@code ""} (json) or {@code null} (ek). Diagnostics appear in their layer as {@code _ws.expert} with
 * Wireshark's numeric severity and group. tshark nests fields in subtrees ({@code ip.flags_tree}); our fields
 * are flat within their layer.
 */
final class JsonPrinter implements FramePrinter {
    private final Writer out;
    private final boolean ek;
    private final JsonGenerator gen;
    private final List<String> selected;
    private final StringBuilder value = new StringBuilder(64);
    private char[] chars = new char[256];

    /** @param selected the {@code -e} fields to write instead of every layer, or an empty list */
    JsonPrinter(Writer out, boolean ek, List<String> selected) throws IOException {
        this.out = out;
        this.ek = ek;
        this.selected = List.copyOf(new LinkedHashSet<>(selected));
        this.gen = new JsonFactory().createGenerator(out);
        gen.setRootValueSeparator(null);
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public void print(Dissection d) throws IOException {
        String index = "packets-" + LocalDate.ofEpochDay(Math.floorDiv(d.frame().epochSecond(), 86_400L));
        if (ek) {
            gen.writeStartObject();
            gen.writeObjectFieldStart("index");
            gen.writeStringField("_index", index);
            gen.writeStringField("_type", "doc");
            gen.writeEndObject();
            gen.writeEndObject();
            newline();
            gen.writeStartObject();
            gen.writeStringField("timestamp",
                    Long.toString(d.frame().epochSecond() * 1000 + d.frame().nanos() / 1_000_000));
            layers(d);
            gen.writeEndObject();
        } else {
            gen.writeStartObject();
            gen.writeStringField("_index", index);
            gen.writeStringField("_type", "doc");
            gen.writeNullField("_score");
            gen.writeObjectFieldStart("_source");
            layers(d);
            gen.writeEndObject();
            gen.writeEndObject();
        }
        newline();
    }

    private void newline() throws IOException {
        gen.flush();
        out.write('\n');
    }

    private void layers(Dissection d) throws IOException {
        if (!selected.isEmpty()) {
            selectedFields(d);
            return;
        }
        gen.writeObjectFieldStart("layers");
        gen.writeFieldName("frame");
        layer(d, -1, "frame");
        for (int l = 0; l < d.layerCount(); l++) {
            String name = d.layerProtocol(l).filterName();
            if (earlierLayer(d, l, name) || LayerContents.isEmpty(d, l)) {
                continue;
            }
            gen.writeFieldName(ek ? name.replace('.', '_') : name);
            int count = 0;
            for (int k = l; k < d.layerCount(); k++) {
                count += d.layerProtocol(k).filterName().equals(name) && !LayerContents.isEmpty(d, k) ? 1 : 0;
            }
            if (count == 1) {
                layer(d, l, name);
                continue;
            }
            gen.writeStartArray();
            for (int k = l; k < d.layerCount(); k++) {
                if (d.layerProtocol(k).filterName().equals(name) && !LayerContents.isEmpty(d, k)) {
                    layer(d, k, name);
                }
            }
            gen.writeEndArray();
        }
        gen.writeEndObject();
    }

    /**
     * With {@code -e}: as tshark, {@code layers} holds only the requested fields, each an array of all its
     * occurrences, in the order requested; absent fields are left out.
     */
    private void selectedFields(Dissection d) throws IOException {
        gen.writeObjectFieldStart("layers");
        for (String name : selected) {
            int first = d.find(name, 0);
            if (first < 0) {
                continue;
            }
            gen.writeArrayFieldStart(ek ? name.replace('.', '_') : name);
            for (int i = first; i >= 0; i = d.find(name, i + 1)) {
                if (d.fieldDef(i).type() == FieldType.NONE) {
                    gen.writeString("");
                } else {
                    writeText(d, i);
                }
            }
            gen.writeEndArray();
        }
        gen.writeEndObject();
    }

    private static boolean earlierLayer(Dissection d, int l, String name) {
        for (int k = 0; k < l; k++) {
            if (d.layerProtocol(k).filterName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private void layer(Dissection d, int layer, String layerName) throws IOException {
        gen.writeStartObject();
        String prefix = ek ? layerName.replace('.', '_') + "_" : "";
        for (int i = 0; i < d.fieldCount(); i++) {
            if (d.fieldLayer(i) != layer || earlierInLayer(d, i)) {
                continue;
            }
            String name = d.fieldDef(i).name();
            gen.writeFieldName(ek ? prefix + name.replace('.', '_') : name);
            int count = 0;
            for (int k = i; k < d.fieldCount(); k++) {
                count += d.fieldLayer(k) == layer && d.fieldDef(k).name().equals(name) ? 1 : 0;
            }
            if (count == 1) {
                value(d, i);
                continue;
            }
            gen.writeStartArray();
            for (int k = i; k < d.fieldCount(); k++) {
                if (d.fieldLayer(k) == layer && d.fieldDef(k).name().equals(name)) {
                    value(d, k);
                }
            }
            gen.writeEndArray();
        }
        experts(d, layer, ek ? "_ws_expert" : "_ws.expert");
        gen.writeEndObject();
    }

    private static boolean earlierInLayer(Dissection d, int i) {
        for (int k = 0; k < i; k++) {
            if (d.fieldLayer(k) == d.fieldLayer(i) && d.fieldDef(k).name().equals(d.fieldDef(i).name())) {
                return true;
            }
        }
        return false;
    }

    private void value(Dissection d, int i) throws IOException {
        FieldDef def = d.fieldDef(i);
        if (def.type() == FieldType.NONE) {
            if (ek) {
                gen.writeNull();
            } else {
                gen.writeString("");
            }
            return;
        }
        if (ek && def.type() == FieldType.BOOLEAN) {
            gen.writeBoolean(d.value(i) != 0);
            return;
        }
        writeText(d, i);
    }

    private void writeText(Dissection d, int i) throws IOException {
        value.setLength(0);
        if (d.fieldDef(i).type() == FieldType.BYTES && d.source(i) != null) {
            FieldFormat.appendHexSeparated(value, d.source(i), d.offset(i), d.length(i), ':');
        } else {
            d.appendValue(i, value);
        }
        if (chars.length < value.length()) {
            chars = new char[value.length() * 2];
        }
        value.getChars(0, value.length(), chars, 0);
        gen.writeString(chars, 0, value.length());
    }

    private void experts(Dissection d, int layer, String key) throws IOException {
        int count = 0;
        for (int i = 0; i < d.diagnosticCount(); i++) {
            count += d.diagnosticLayer(i) == layer ? 1 : 0;
        }
        if (count == 0) {
            return;
        }
        gen.writeFieldName(key);
        if (count > 1) {
            gen.writeStartArray();
        }
        String sub = ek ? "_ws_expert__ws_expert_" : "_ws.expert.";
        for (int i = 0; i < d.diagnosticCount(); i++) {
            if (d.diagnosticLayer(i) != layer) {
                continue;
            }
            var def = d.diagnosticDef(i);
            gen.writeStartObject();
            if (ek) {
                gen.writeNullField(def.name().replace('.', '_'));
            } else {
                gen.writeStringField(def.name(), "");
            }
            String detail = d.diagnosticDetail(i);
            gen.writeStringField(sub + "message", detail == null ? def.summary() : def.summary() + ": " + detail);
            gen.writeStringField(sub + "severity", Long.toString(Experts.severityCode(def.severity())));
            gen.writeStringField(sub + "group", Long.toString(Experts.groupCode(def.group())));
            gen.writeEndObject();
        }
        if (count > 1) {
            gen.writeEndArray();
        }
    }
}
