package dev.dissect.net.reassembly;

import dev.dissect.api.field.Base;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.DiagnosticGroup;
import dev.dissect.api.field.FieldDef;

/**
 * Fields and diagnostics TCP reassembly adds to the frame that completed a PDU (and, in two passes, to the
 * segments before it), with tshark's names.
 */
public final class ReassemblyFields {
    public static final FieldDef SEGMENT = FieldDef.frameNumber("tcp.segment", "TCP Segment");
    public static final FieldDef SEGMENT_COUNT = FieldDef.uint("tcp.segment.count", "Segment count", 4, Base.DEC);
    public static final FieldDef REASSEMBLED_LENGTH = FieldDef.uint("tcp.reassembled.length",
            "Reassembled TCP length", 4, Base.DEC);
    public static final FieldDef REASSEMBLED_IN = FieldDef.frameNumber("tcp.reassembled_in",
            "Reassembled PDU in frame")
            .describedAs("Only in the second of two passes (tshark -2), on segments of a PDU completed later.");
    public static final FieldDef SEGMENT_OVERLAP = FieldDef.bool("tcp.segment.overlap", "Segment overlap");
    public static final FieldDef SEGMENT_OVERLAP_CONFLICT = FieldDef.bool("tcp.segment.overlap.conflict",
            "Conflicting data in segment overlap");
    public static final FieldDef[] FIELDS = {SEGMENT, SEGMENT_COUNT, REASSEMBLED_LENGTH, REASSEMBLED_IN, SEGMENT_OVERLAP,
            SEGMENT_OVERLAP_CONFLICT};

    public static final DiagnosticDef STREAM_DISSECTOR_FAILED = DiagnosticDef.malformed(
            "tcp.stream_dissector.failed", "Stream dissector failed (a bug in the dissector); this direction stops");
    public static final DiagnosticDef GAP = DiagnosticDef.warning("tcp.stream.gap",
            "Bytes of the stream were not captured or were dropped under a memory cap",
            DiagnosticGroup.SEQUENCE);
    public static final DiagnosticDef[] DIAGNOSTICS = {STREAM_DISSECTOR_FAILED, GAP};

    private ReassemblyFields() {
    }
}
