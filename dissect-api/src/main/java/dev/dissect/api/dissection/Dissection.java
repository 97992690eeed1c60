package dev.dissect.api.dissection;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.frame.FrameView;
import java.util.Arrays;
import java.util.Collection;

/**
 * What dissection found in one frame: its layers in order, the fields each emitted, and diagnostics.
 *
 * <p><b>Recording a field allocates nothing</b> once the arrays have grown to the largest frame seen: values are
 * kept in parallel primitive arrays, and byte-valued fields (addresses, raw bytes) point into the frame's
 * {@link ByteView} instead of being copied. Text is produced only when asked for
 * ({@link #appendValue(int, StringBuilder)}).
 *
 * <h2>Lifetime</h2>
 * One object is reused frame after frame: {@link #reset(FrameView)} clears it. Byte-valued fields and
 * {@link #frame()} point at the reader's buffer and are valid until the reader moves on; copy what must live
 * longer ({@link #valueString(int)} makes a String).
 *
 * <h2>Recording only what will be read</h2>
 * By default every field is recorded and the info column is built, as {@code tshark -V} needs. A caller that reads
 * a few fields ({@code -T fields -e ...}, a display filter) or only the layers says so with
 * {@link #recordFields(Collection)} or {@link #recordNoFields()}, and {@link #setInfoWanted(boolean)}: the
 * {@code add} methods then drop unwanted fields at the cost of one array look-up, and dissectors may skip work
 * whose only product is such fields ({@link #records(FieldDef)}, {@link #infoWanted()}). Layers and diagnostics are
 * always recorded. This is what makes a layers-only pass nearly as fast as walking the file, as Wireshark builds
 * its tree only when something will look at it.
 *
 * <p>Not thread-safe: one per dissecting thread.
 *
 * @since 0.1
 */
public final class Dissection {
    /** Returned by lookups that find nothing. */
    public static final int NONE = -1;

    private FrameView frame;

    private int layerCount;
    /** The layer fields and diagnostics go to: the last one begun by {@link #beginLayer}. */
    private int ownerLayer = -1;
    private Protocol[] layerProtocol = new Protocol[8];
    private int[] layerOffset = new int[8];
    private int[] layerLength = new int[8];
    /** True for a layer added by {@link #nameLayer}: it names a protocol but holds no field of its own. */
    private boolean[] layerNameOnly = new boolean[8];

    private int fieldCount;
    private FieldDef[] fieldDef = new FieldDef[64];
    private int[] fieldLayer = new int[64];
    private long[] fieldValue = new long[64];
    private int[] fieldAux = new int[64];
    private ByteView[] fieldSource = new ByteView[64];
    private int[] fieldOffset = new int[64];
    private int[] fieldLength = new int[64];
    private Object[] fieldObject = new Object[64];

    private int diagnosticCount;
    private DiagnosticDef[] diagnosticDef = new DiagnosticDef[4];
    private int[] diagnosticLayer = new int[4];
    private int[] diagnosticOffset = new int[4];
    private int[] diagnosticLength = new int[4];
    private String[] diagnosticDetail = new String[4];

    private boolean allFields = true;
    private boolean[] wanted = new boolean[0];
    private boolean anyWanted = true;
    private boolean infoWanted = true;

    private final StringBuilder info = new StringBuilder(64);
    private String protocolColumn = "";
    private final CharSequence protocolsText = new ProtocolsText();
    private ByteView undissected;
    private int undissectedOffset;
    private int undissectedLength;

    /** Clears everything and starts the record of {@code frame}. */
    public void reset(FrameView frame) {
        this.frame = frame;
        // Decoded values may be large (names, certificates): let them go. Sources are long-lived reusable views.
        Arrays.fill(fieldObject, 0, fieldCount, null);
        Arrays.fill(diagnosticDetail, 0, diagnosticCount, null);
        layerCount = 0;
        ownerLayer = -1;
        fieldCount = 0;
        diagnosticCount = 0;
        if (info.length() > 0) {
            info.setLength(0);
        }
        protocolColumn = "";
        undissected = null;
        undissectedOffset = 0;
        undissectedLength = 0;
    }

    /** The frame being (or last) dissected. */
    public FrameView frame() {
        return frame;
    }

    // ---------------------------------------------------------------- layers

    /**
     * Starts a layer; fields added from now on belong to it.
     *
     * @return the layer's index
     */
    public int beginLayer(Protocol protocol, int offset, int length) {
        ownerLayer = layerCount;
        return addLayer(protocol, offset, length, false);
    }

    /**
     * Makes layer {@code layer}, begun earlier in this frame, current again: fields and diagnostics added from now
     * on belong to it. Wireshark adds one layer per call of a dissector, and a dissector that loops over several
     * messages in one call (HTTP's pipelined requests) puts them all in that layer, after the layers their bodies
     * added.
     *
     * @since 0.3
     */
    public void resumeLayer(int layer) {
        if (layer < 0 || layer >= layerCount) {
            throw new IllegalArgumentException("no layer " + layer + " in this frame");
        }
        ownerLayer = layer;
    }

    /**
     * Adds a layer that only names a protocol in {@code frame.protocols}: fields and diagnostics added from now on
     * still belong to the layer that was current. Wireshark lists every sub-dissector it calls, also those whose
     * items sit in the caller's tree (the X.509 attribute and extension dissectors it calls by OID inside TLS).
     *
     * @return the layer's index
     * @since 0.1
     */
    public int nameLayer(Protocol protocol, int offset, int length) {
        return addLayer(protocol, offset, length, true);
    }

    private int addLayer(Protocol protocol, int offset, int length, boolean nameOnly) {
        if (layerCount == layerProtocol.length) {
            int n = layerCount * 2;
            layerProtocol = Arrays.copyOf(layerProtocol, n);
            layerOffset = Arrays.copyOf(layerOffset, n);
            layerLength = Arrays.copyOf(layerLength, n);
            layerNameOnly = Arrays.copyOf(layerNameOnly, n);
        }
        layerProtocol[layerCount] = protocol;
        layerOffset[layerCount] = offset;
        layerLength[layerCount] = length;
        layerNameOnly[layerCount] = nameOnly;
        return layerCount++;
    }

    /**
     * True if layer {@code layer} was added by {@link #nameLayer}: listed in {@code frame.protocols}, but its items
     * sit in the tree of the layer before it (tshark's protocol hierarchy statistics do not count it).
     *
     * @since 0.3
     */
    public boolean layerNamesOnly(int layer) {
        return layerNameOnly[layer];
    }

    /** Changes the length of a layer once it is known (a header whose length depends on its options). */
    public void setLayerLength(int layer, int length) {
        layerLength[layer] = length;
    }

    /** The number of layers begun so far. */
    public int layerCount() {
        return layerCount;
    }

    /** The protocol of layer {@code layer} (0 is the first, {@code frame} is not a layer). */
    public Protocol layerProtocol(int layer) {
        return layerProtocol[layer];
    }

    /** Where layer {@code layer} starts, as an index into the frame (or the view it was dissected from). */
    public int layerOffset(int layer) {
        return layerOffset[layer];
    }

    /** How many bytes layer {@code layer} covers. */
    public int layerLength(int layer) {
        return layerLength[layer];
    }

    /** Index of the first layer with this filter name, or {@link #NONE}. */
    public int findLayer(String filterName) {
        for (int i = 0; i < layerCount; i++) {
            if (layerProtocol[i].filterName().equals(filterName)) {
                return i;
            }
        }
        return NONE;
    }

    /** Appends {@code frame.protocols}: the layers' filter names joined by {@code :}. */
    public StringBuilder appendProtocols(StringBuilder out) {
        for (int i = 0; i < layerCount; i++) {
            if (i > 0) {
                out.append(':');
            }
            out.append(layerProtocol[i].filterName());
        }
        return out;
    }

    /**
     * {@code frame.protocols} as a live text: it always reflects the current layers, so the engine can record it
     * as a field before the layers exist, and nothing is built until the text is read.
     */
    public CharSequence protocolsText() {
        return protocolsText;
    }

    private final class ProtocolsText implements CharSequence {
        @Override
        public int length() {
            return toString().length();
        }

        @Override
        public char charAt(int index) {
            return toString().charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().subSequence(start, end);
        }

        @Override
        public String toString() {
            return appendProtocols(new StringBuilder()).toString();
        }
    }

    // ---------------------------------------------------------------- what to record

    /** Records every field (the default). */
    public void recordAllFields() {
        allFields = true;
        anyWanted = true;
    }

    /** Records no field at all: layers, diagnostics and (if wanted) the info column only. */
    public void recordNoFields() {
        allFields = false;
        anyWanted = false;
        wanted = new boolean[0];
    }

    /** Records only these fields (and drops every other {@code add}). */
    public void recordFields(Collection<FieldDef> defs) {
        int max = -1;
        for (FieldDef d : defs) {
            max = Math.max(max, d.id());
        }
        boolean[] w = new boolean[max + 1];
        for (FieldDef d : defs) {
            w[d.id()] = true;
        }
        wanted = w;
        allFields = false;
        anyWanted = !defs.isEmpty();
    }

    /** True if an {@code add} of {@code def} would be recorded; dissectors may skip computing it otherwise. */
    public boolean records(FieldDef def) {
        int id = def.id();
        return allFields || id < wanted.length && wanted[id];
    }

    /**
     * True if an {@code add} of any of {@code defs} would be recorded: a dissector may skip a whole costly part (a
     * certificate's X.509 structure) when none of its fields is.
     */
    public boolean recordsAny(Collection<FieldDef> defs) {
        if (allFields) {
            return true;
        }
        for (FieldDef d : defs) {
            if (records(d)) {
                return true;
            }
        }
        return false;
    }

    /** True unless {@link #recordNoFields()} is in force (or an empty selection). */
    public boolean recordsAnyField() {
        return anyWanted;
    }

    /** Whether dissectors should build the info column (true by default). */
    public void setInfoWanted(boolean wanted) {
        infoWanted = wanted;
    }

    /** True if the info column will be read; building its text is the dearest part of many dissectors. */
    public boolean infoWanted() {
        return infoWanted;
    }

    // ---------------------------------------------------------------- fields

    /**
     * Records an integer-like field (UINT, INT, BOOLEAN, IPV4 as a value, FRAMENUM) read at {@code offset}.
     *
     * <p>{@code source}, {@code offset} and {@code length} say where the value lies (the {@code -V} byte range,
     * and the bytes themselves for byte-valued types); the view is kept, not copied, so it must stay on the same
     * bytes until this record is {@link #reset reset}: pass the view you were handed. {@code null} with 0 and 0
     * marks a computed value.
     *
     * @param def    a field declared by the dissector's provider
     * @param source the view the value was read from, or null
     * @param offset where the value starts in {@code source}
     * @param length how many bytes it covers
     * @param value  the value (0 or 1 for BOOLEAN)
     * @return the field's index, or {@link #NONE} if the field is not being recorded
     */
    public int add(FieldDef def, ByteView source, int offset, int length, long value) {
        if (!records(def)) {
            return NONE;
        }
        int i = nextField(def);
        fieldValue[i] = value;
        fieldSource[i] = source;
        fieldOffset[i] = offset;
        fieldLength[i] = length;
        return i;
    }

    /** Records a field whose value is the bytes themselves (ETHER, IPV6, BYTES, or a STRING in ISO-8859-1). */
    public int addBytes(FieldDef def, ByteView source, int offset, int length) {
        return add(def, source, offset, length, 0);
    }

    /** Records a text field whose value was decoded (a DNS name, a header). Allocates; not for the L2-L4 path. */
    public int addString(FieldDef def, ByteView source, int offset, int length, CharSequence value) {
        int i = add(def, source, offset, length, 0);
        if (i != NONE) {
            fieldObject[i] = value;
        }
        return i;
    }

    /** Records a time: seconds and nanoseconds (ABSOLUTE_TIME or RELATIVE_TIME). */
    public int addTime(FieldDef def, long seconds, int nanos) {
        int i = add(def, null, 0, 0, seconds);
        if (i != NONE) {
            fieldAux[i] = nanos;
        }
        return i;
    }

    private int nextField(FieldDef def) {
        if (fieldCount == fieldDef.length) {
            int n = fieldCount * 2;
            fieldDef = Arrays.copyOf(fieldDef, n);
            fieldLayer = Arrays.copyOf(fieldLayer, n);
            fieldValue = Arrays.copyOf(fieldValue, n);
            fieldAux = Arrays.copyOf(fieldAux, n);
            fieldSource = Arrays.copyOf(fieldSource, n);
            fieldOffset = Arrays.copyOf(fieldOffset, n);
            fieldLength = Arrays.copyOf(fieldLength, n);
            fieldObject = Arrays.copyOf(fieldObject, n);
        }
        int i = fieldCount++;
        fieldDef[i] = def;
        fieldLayer[i] = ownerLayer;
        fieldAux[i] = 0;
        fieldObject[i] = null;
        return i;
    }

    /** The number of fields recorded, over all layers. */
    public int fieldCount() {
        return fieldCount;
    }

    /** The definition of field {@code field} (an index below {@link #fieldCount()}). */
    public FieldDef fieldDef(int field) {
        return fieldDef[field];
    }

    /** The layer a field belongs to, or -1 for frame-level fields added before any layer. */
    public int fieldLayer(int field) {
        return fieldLayer[field];
    }

    /** The numeric value (UINT, INT, BOOLEAN, FRAMENUM, IPV4 as a 32-bit value, seconds of a time). */
    public long value(int field) {
        return fieldValue[field];
    }

    /** Nanoseconds of a time field. */
    public int nanos(int field) {
        return fieldAux[field];
    }

    /** The view the field was read from, or null for computed fields. */
    public ByteView source(int field) {
        return fieldSource[field];
    }

    /** Where the field's bytes start in {@link #source(int)}; 0 for computed fields. */
    public int offset(int field) {
        return fieldOffset[field];
    }

    /** How many bytes the field covers in {@link #source(int)}; 0 for computed fields. */
    public int length(int field) {
        return fieldLength[field];
    }

    /** The decoded text of a STRING field added with {@link #addString}, or null. */
    public Object object(int field) {
        return fieldObject[field];
    }

    /** Index of the first occurrence of {@code def} at or after {@code from}, or {@link #NONE}. */
    public int find(FieldDef def, int from) {
        for (int i = Math.max(0, from); i < fieldCount; i++) {
            if (fieldDef[i] == def) {
                return i;
            }
        }
        return NONE;
    }

    /** Index of the first field named {@code name} at or after {@code from}, or {@link #NONE}. */
    public int find(String name, int from) {
        for (int i = Math.max(0, from); i < fieldCount; i++) {
            if (fieldDef[i].name().equals(name)) {
                return i;
            }
        }
        return NONE;
    }

    /** Appends the value as tshark's {@code -T fields} prints it. */
    public StringBuilder appendValue(int field, StringBuilder out) {
        return FieldFormat.append(out, fieldDef[field], fieldValue[field], fieldAux[field], fieldSource[field],
                fieldOffset[field], fieldLength[field], fieldObject[field]);
    }

    /** The value as tshark's {@code -T fields} prints it. Allocates. */
    public String valueString(int field) {
        return appendValue(field, new StringBuilder()).toString();
    }

    // ---------------------------------------------------------------- diagnostics

    /**
     * Reports a problem at {@code [offset, offset + length)} of the current layer.
     *
     * @param detail specifics ("total length 5000 > 60 bytes captured"), or null
     */
    public void diagnose(DiagnosticDef def, int offset, int length, String detail) {
        if (diagnosticCount == diagnosticDef.length) {
            int n = diagnosticCount * 2;
            diagnosticDef = Arrays.copyOf(diagnosticDef, n);
            diagnosticLayer = Arrays.copyOf(diagnosticLayer, n);
            diagnosticOffset = Arrays.copyOf(diagnosticOffset, n);
            diagnosticLength = Arrays.copyOf(diagnosticLength, n);
            diagnosticDetail = Arrays.copyOf(diagnosticDetail, n);
        }
        int i = diagnosticCount++;
        diagnosticDef[i] = def;
        diagnosticLayer[i] = ownerLayer;
        diagnosticOffset[i] = offset;
        diagnosticLength[i] = length;
        diagnosticDetail[i] = detail;
    }

    /** The number of diagnostics reported, over all layers. */
    public int diagnosticCount() {
        return diagnosticCount;
    }

    /** The definition of diagnostic {@code i}. */
    public DiagnosticDef diagnosticDef(int i) {
        return diagnosticDef[i];
    }

    /** The layer that reported diagnostic {@code i}, or -1 if none had begun. */
    public int diagnosticLayer(int i) {
        return diagnosticLayer[i];
    }

    /** Where the problem starts, as an index into the view the reporting layer was dissecting. */
    public int diagnosticOffset(int i) {
        return diagnosticOffset[i];
    }

    /** How many bytes the problem covers. */
    public int diagnosticLength(int i) {
        return diagnosticLength[i];
    }

    /** Specifics of the diagnostic, or null. */
    public String diagnosticDetail(int i) {
        return diagnosticDetail[i];
    }

    /** One line: "summary: detail [name] at offset N". Allocates. */
    public String diagnosticMessage(int i) {
        StringBuilder sb = new StringBuilder(diagnosticDef[i].summary());
        if (diagnosticDetail[i] != null) {
            sb.append(": ").append(diagnosticDetail[i]);
        }
        return sb.append(" [").append(diagnosticDef[i].name()).append("] at offset ").append(diagnosticOffset[i])
                .toString();
    }

    // ---------------------------------------------------------------- summary and leftovers

    /**
     * The info column of the summary line, as a builder: a dissector that describes the frame better than the
     * layers below clears it and writes its own ({@code info().setLength(0)}), as Wireshark's
     * {@code col_clear}/{@code col_add_fstr} do.
     */
    public StringBuilder info() {
        return info;
    }

    /**
     * Appends {@code text} to the info column, after {@code ", "} if it holds text already, and only when the info
     * column is wanted: Wireshark's {@code col_append_sep_str}, for a layer that lists several messages (TLS
     * records, HTTP/2 frames).
     *
     * @since 0.3
     */
    public void appendInfo(CharSequence text) {
        if (infoWanted) {
            if (info.length() > 0) {
                info.append(", ");
            }
            info.append(text);
        }
    }

    /**
     * Sets the protocol column of the summary line (Wireshark's {@code COL_PROTOCOL}); each layer that describes
     * the frame sets it, so the highest such layer wins. Pass a constant: nothing is copied.
     */
    public void setProtocolColumn(String shortName) {
        this.protocolColumn = shortName;
    }

    /** The protocol column, for example {@code TCP}; empty before any layer set it. */
    public String protocolColumn() {
        return protocolColumn;
    }

    /** The info column as text. Allocates. */
    public String infoText() {
        return info.toString();
    }

    /** Records bytes no dissector took (tshark's {@code data} layer holds them). */
    public void setUndissected(ByteView source, int offset, int length) {
        this.undissected = source;
        this.undissectedOffset = offset;
        this.undissectedLength = length;
    }

    /** The view holding undissected bytes, or null if every byte was dissected. */
    public ByteView undissected() {
        return undissected;
    }

    /** Where the undissected bytes start in {@link #undissected()}. */
    public int undissectedOffset() {
        return undissectedOffset;
    }

    /** How many bytes no dissector took; 0 if every byte was dissected. */
    public int undissectedLength() {
        return undissectedLength;
    }
}
