package dev.dissect.net.engine;

import dev.dissect.api.field.Base;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.DiagnosticGroup;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.field.Severity;

/** The fields and diagnostics the engine itself emits: the frame's own record and undissected data. */
public final class CoreFields {
    public static final Protocol FRAME = new Protocol("frame", "Frame", "Frame");
    public static final FieldDef FRAME_NUMBER = FieldDef.uint("frame.number", "Frame Number", 4, Base.DEC);
    public static final FieldDef FRAME_TIME_EPOCH = FieldDef.absoluteTime("frame.time_epoch", "Epoch Time");
    public static final FieldDef FRAME_INTERFACE_ID = FieldDef.uint("frame.interface_id", "Interface id", 4,
            Base.DEC);
    public static final FieldDef FRAME_LEN = FieldDef.uint("frame.len", "Frame length on the wire", 4, Base.DEC);
    public static final FieldDef FRAME_CAP_LEN = FieldDef.uint("frame.cap_len", "Frame length stored into the capture file", 4, Base.DEC);
    public static final FieldDef FRAME_PROTOCOLS = FieldDef.string("frame.protocols", "Protocols in frame");

    public static final Protocol DATA = new Protocol("data", "Data", "Data");
    public static final FieldDef DATA_DATA = FieldDef.bytes("data.data", "Data");
    public static final FieldDef DATA_LEN = FieldDef.uint("data.len", "Length", 4, Base.DEC);

    public static final DiagnosticDef UNKNOWN_LINK_TYPE = DiagnosticDef.warning("frame.linktype.unknown",
            "Link type not dissected", DiagnosticGroup.UNDECODED);
    public static final DiagnosticDef DEPTH_LIMIT = new DiagnosticDef("frame.depth_limit",
            "Too many nested layers; the rest is kept as data", Severity.ERROR, DiagnosticGroup.LIMIT);
    public static final DiagnosticDef DISSECTOR_FAILED = DiagnosticDef.malformed("frame.dissector_failed",
            "Dissector failed on this data (a bug in the dissector); the rest is kept as data");

    static final FieldDef[] FRAME_FIELDS = {FRAME_NUMBER, FRAME_TIME_EPOCH, FRAME_INTERFACE_ID, FRAME_LEN,
            FRAME_CAP_LEN, FRAME_PROTOCOLS};

    private CoreFields() {
    }
}
