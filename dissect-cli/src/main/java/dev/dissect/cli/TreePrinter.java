package dev.dissect.cli;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.FieldType;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.capture.Frame;
import java.io.IOException;

/**
 * {@code -V}: every layer of every frame as tshark prints its packet details: a heading per layer (the protocol's
 * title), its fields indented beneath as {@code Title: value}, and its diagnostics as tshark's expert lines.
 *
 * <pre>
 * Frame 1: 74 bytes on wire (592 bits), 74 bytes captured (592 bits)
 *     Frame Number: 1
 * Internet Protocol Version 4
 *     Time to Live: 64
 *     [Expert Info (Error/Malformed): Bad length value: 3 &lt; 8]
 *         [Bad length value: 3 &lt; 8]
 *         [Severity level: Error]
 *         [Group: Malformed]
 * </pre>
 *
 * Values are printed as {@code -T fields} prints them; tshark's tree adds names for values ({@code Type: IPv4
 * (0x0800)}) and bit diagrams, which we do not have.
 */
final class TreePrinter implements FramePrinter {
    private static final String INDENT = "    ";

    private final Appendable out;
    private final StringBuilder line = new StringBuilder(256);

    TreePrinter(Appendable out) {
        this.out = out;
    }

    @Override
    public void print(Dissection d) throws IOException {
        FrameView f = d.frame();
        out.append("Frame ").append(Long.toString(f.number())).append(": ")
                .append(Long.toString(f.originalLength())).append(" bytes on wire (")
                .append(Long.toString(f.originalLength() * 8)).append(" bits), ")
                .append(Integer.toString(f.capturedLength())).append(" bytes captured (")
                .append(Long.toString(f.capturedLength() * 8L)).append(" bits)");
        if (f instanceof Frame frame && !frame.captureInterface().name().isEmpty()) {
            out.append(" on interface ").append(frame.captureInterface().name()).append(", id ")
                    .append(Integer.toString(f.interfaceId()));
        }
        out.append('\n');
        layerBody(d, -1);
        for (int layer = 0; layer < d.layerCount(); layer++) {
            if (LayerContents.isEmpty(d, layer)) {
                continue; // a pseudo-layer such as ethertype: in frame.protocols, not in tshark's tree
            }
            out.append(d.layerProtocol(layer).title()).append('\n');
            layerBody(d, layer);
        }
        out.append('\n');
    }

    private void layerBody(Dissection d, int layer) throws IOException {
        for (int i = 0; i < d.fieldCount(); i++) {
            if (d.fieldLayer(i) != layer) {
                continue;
            }
            FieldDef def = d.fieldDef(i);
            line.setLength(0);
            line.append(INDENT).append(def.title());
            if (def.type() != FieldType.NONE) {
                line.append(": ");
                d.appendValue(i, line);
                if (def.type() == FieldType.ABSOLUTE_TIME || def.type() == FieldType.RELATIVE_TIME) {
                    line.append(" seconds");
                }
            }
            out.append(line).append('\n');
        }
        for (int i = 0; i < d.diagnosticCount(); i++) {
            if (d.diagnosticLayer(i) == layer) {
                expert(d, i);
            }
        }
    }

    private void expert(Dissection d, int i) throws IOException {
        DiagnosticDef def = d.diagnosticDef(i);
        String message = d.diagnosticDetail(i) == null ? def.summary() : def.summary() + ": " + d.diagnosticDetail(i);
        out.append(INDENT).append("[Expert Info (").append(Experts.severity(def.severity())).append('/')
                .append(Experts.group(def.group())).append("): ").append(message).append("]\n");
        out.append(INDENT).append(INDENT).append('[').append(message).append("]\n");
        out.append(INDENT).append(INDENT).append("[Severity level: ").append(Experts.severity(def.severity()))
                .append("]\n");
        out.append(INDENT).append(INDENT).append("[Group: ").append(Experts.group(def.group())).append("]\n");
    }
}
