package dev.dissect.tls.http2;

import dev.dissect.api.field.Base;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.DiagnosticGroup;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;

/** HTTP/2's protocol, fields and diagnostics, with Wireshark's names and {@code -T fields} formats. */
public final class Http2Fields {
    public static final Protocol PROTOCOL = new Protocol("http2", "HyperText Transfer Protocol 2", "HTTP2");

    public static final FieldDef MAGIC = FieldDef.string("http2.magic", "Magic");
    public static final FieldDef LENGTH = FieldDef.uint("http2.length", "Length", 3, Base.DEC);
    public static final FieldDef TYPE = FieldDef.uint("http2.type", "Type", 1, Base.DEC);
    public static final FieldDef FLAGS = FieldDef.uint("http2.flags", "Flags", 1, Base.HEX);
    public static final FieldDef RESERVED = FieldDef.uint("http2.r", "Reserved", 4, Base.HEX);
    public static final FieldDef STREAM_ID = FieldDef.uint("http2.streamid", "Stream Identifier", 4, Base.DEC);
    public static final FieldDef PAD_LENGTH = FieldDef.uint("http2.pad_length", "Pad Length", 2, Base.DEC);
    public static final FieldDef EXCLUSIVE = FieldDef.bool("http2.exclusive", "Exclusive");
    public static final FieldDef STREAM_DEPENDENCY =
            FieldDef.uint("http2.stream_dependency", "Stream Dependency", 4, Base.DEC);
    public static final FieldDef WEIGHT = FieldDef.uint("http2.headers.weight", "Weight", 1, Base.DEC);
    public static final FieldDef WEIGHT_REAL = FieldDef.uint("http2.headers.weight_real", "Weight real", 1, Base.DEC);
    public static final FieldDef DATA = FieldDef.bytes("http2.data.data", "Data");
    public static final FieldDef HEADER_BLOCK = FieldDef.bytes("http2.headers", "Header Block Fragment");
    public static final FieldDef RST_STREAM_ERROR = FieldDef.uint("http2.rst_stream.error", "Error", 4, Base.DEC);
    public static final FieldDef SETTINGS_ID = FieldDef.uint("http2.settings.id", "Settings Identifier", 2, Base.DEC);
    public static final FieldDef HEADER_TABLE_SIZE =
            FieldDef.uint("http2.settings.header_table_size", "Header table size", 4, Base.DEC);
    public static final FieldDef ENABLE_PUSH = FieldDef.uint("http2.settings.enable_push", "Enable PUSH", 4, Base.DEC);
    public static final FieldDef MAX_CONCURRENT_STREAMS =
            FieldDef.uint("http2.settings.max_concurrent_streams", "Max concurrent streams", 4, Base.DEC);
    public static final FieldDef INITIAL_WINDOW_SIZE =
            FieldDef.uint("http2.settings.initial_window_size", "Initial Windows size", 4, Base.DEC);
    public static final FieldDef MAX_FRAME_SIZE =
            FieldDef.uint("http2.settings.max_frame_size", "Max frame size", 4, Base.DEC);
    public static final FieldDef MAX_HEADER_LIST_SIZE =
            FieldDef.uint("http2.settings.max_header_list_size", "Max header list size", 4, Base.DEC);
    public static final FieldDef EXTENDED_CONNECT =
            FieldDef.uint("http2.settings.extended_connect", "Extended CONNECT", 4, Base.DEC);
    public static final FieldDef SETTINGS_UNKNOWN = FieldDef.uint("http2.settings.unknown", "Unknown Settings", 4, Base.DEC);
    public static final FieldDef PUSH_PROMISE_RESERVED = FieldDef.uint("http2.push_promise.r", "Reserved", 4, Base.HEX);
    public static final FieldDef PROMISED_STREAM_ID =
            FieldDef.uint("http2.push_promise.promised_stream_id", "Promised-Stream-ID", 4, Base.DEC);
    public static final FieldDef PUSH_PROMISE_HEADER = FieldDef.bytes("http2.push_promise.header", "Header");
    public static final FieldDef PING = FieldDef.bytes("http2.ping", "Ping");
    public static final FieldDef GOAWAY_LAST_STREAM_ID =
            FieldDef.uint("http2.goaway.last_stream_id", "Promised-Stream-ID", 4, Base.DEC);
    public static final FieldDef GOAWAY_ERROR = FieldDef.uint("http2.goaway.error", "Error", 4, Base.DEC);
    public static final FieldDef GOAWAY_DATA = FieldDef.bytes("http2.goaway.addata", "Additional Debug Data");
    public static final FieldDef WINDOW_UPDATE_RESERVED = FieldDef.uint("http2.window_update.r", "Reserved", 4, Base.HEX);
    public static final FieldDef WINDOW_SIZE_INCREMENT =
            FieldDef.uint("http2.window_update.window_size_increment", "Window Size Increment", 4, Base.DEC);

    /** The SETTINGS value fields by identifier (RFC 9113 6.5.2, RFC 8441); index 0 and 7 are unknown. */
    static final FieldDef[] SETTINGS_BY_ID = {SETTINGS_UNKNOWN, HEADER_TABLE_SIZE, ENABLE_PUSH, MAX_CONCURRENT_STREAMS,
        INITIAL_WINDOW_SIZE, MAX_FRAME_SIZE, MAX_HEADER_LIST_SIZE, SETTINGS_UNKNOWN, EXTENDED_CONNECT};

    public static final FieldDef[] FIELDS = {MAGIC, LENGTH, TYPE, FLAGS, RESERVED, STREAM_ID, PAD_LENGTH, EXCLUSIVE,
        STREAM_DEPENDENCY, WEIGHT, WEIGHT_REAL, DATA, HEADER_BLOCK, RST_STREAM_ERROR, SETTINGS_ID, HEADER_TABLE_SIZE,
        ENABLE_PUSH, MAX_CONCURRENT_STREAMS, INITIAL_WINDOW_SIZE, MAX_FRAME_SIZE, MAX_HEADER_LIST_SIZE,
        EXTENDED_CONNECT, SETTINGS_UNKNOWN, PUSH_PROMISE_RESERVED, PROMISED_STREAM_ID, PUSH_PROMISE_HEADER, PING,
        GOAWAY_LAST_STREAM_ID, GOAWAY_ERROR, GOAWAY_DATA, WINDOW_UPDATE_RESERVED, WINDOW_SIZE_INCREMENT};

    /** A frame's payload is shorter than its type requires (a SETTINGS length not a multiple of 6 and the like). */
    public static final DiagnosticDef BAD_PAYLOAD =
            DiagnosticDef.malformed("http2.payload.bad", "Frame payload too short for its type");
    /** A frame longer than {@link Http2Dissector#MAX_REASSEMBLED}: its header is shown, its payload skipped. */
    public static final DiagnosticDef NOT_REASSEMBLED = DiagnosticDef.warning("http2.frame.not_reassembled",
            "Frame too long to reassemble; payload skipped", DiagnosticGroup.LIMIT);

    public static final DiagnosticDef[] DIAGNOSTICS = {BAD_PAYLOAD, NOT_REASSEMBLED};

    private Http2Fields() {
    }
}
