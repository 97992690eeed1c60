package dev.dissect.tls.record;

import dev.dissect.api.field.Base;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.DiagnosticGroup;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;

/**
 * The TLS protocol, its record-layer fields and the diagnostics of every TLS layer, under tshark 4.0's names and
 * display bases (Wireshark's {@code packet-tls.c} {@code hf} table).
 */
public final class TlsRecordFields {
    /** The {@code tls} layer; the protocol column is overwritten with the version ({@code TLSv1.2}). */
    public static final Protocol PROTOCOL = new Protocol("tls", "Transport Layer Security", "TLS");

    public static final FieldDef CONTENT_TYPE = FieldDef.uint("tls.record.content_type", "Content Type", 1, Base.DEC);
    /** tshark's name for the outer type of a TLS 1.3 protected record (always 23). */
    public static final FieldDef OPAQUE_TYPE = FieldDef.uint("tls.record.opaque_type", "Opaque Type", 1, Base.DEC);
    public static final FieldDef VERSION = FieldDef.uint("tls.record.version", "Version", 2, Base.HEX);
    public static final FieldDef LENGTH = FieldDef.uint("tls.record.length", "Length", 2, Base.DEC);
    public static final FieldDef CHANGE_CIPHER_SPEC = FieldDef.label("tls.change_cipher_spec",
            "Change Cipher Spec Message");
    public static final FieldDef ALERT_LEVEL = FieldDef.uint("tls.alert_message.level", "Level", 1, Base.DEC);
    public static final FieldDef ALERT_DESC = FieldDef.uint("tls.alert_message.desc", "Description", 1, Base.DEC);
    public static final FieldDef APP_DATA = FieldDef.bytes("tls.app_data", "Encrypted Application Data");
    public static final FieldDef HEARTBEAT_TYPE = FieldDef.uint("tls.heartbeat_message.type", "Type", 1, Base.DEC);
    public static final FieldDef HEARTBEAT_PAYLOAD_LENGTH = FieldDef.uint("tls.heartbeat_message.payload_length",
            "Payload Length", 2, Base.DEC);

    /** Ours: the Finished message's verify_data matched the transcript (1) or not (0); absent when not checked. */
    public static final FieldDef FINISHED_VERIFIED = FieldDef.bool("tls.finished.verified", "Finished verified")
            .describedAs("Ours: 1 if verify_data matches the one computed from the transcript and keys, 0 if it"
                    + " does not; absent when it could not be checked (see tls.finished.problem)");
    /** Ours: why a Finished message was not verified (mismatch, or no keys to check it with). */
    public static final FieldDef FINISHED_PROBLEM = FieldDef.string("tls.finished.problem", "Finished not verified")
            .describedAs("Ours: why a Finished message could not be checked, or what mismatched");

    public static final FieldDef[] FIELDS = {CONTENT_TYPE, OPAQUE_TYPE, VERSION, LENGTH, CHANGE_CIPHER_SPEC,
            ALERT_LEVEL, ALERT_DESC, APP_DATA, HEARTBEAT_TYPE, HEARTBEAT_PAYLOAD_LENGTH, FINISHED_VERIFIED,
            FINISHED_PROBLEM};

    /** A record whose length is above 2^14 + 2048 (RFC 5246 6.2.3): the direction cannot be framed any more. */
    public static final DiagnosticDef RECORD_TOO_LONG = DiagnosticDef.malformed("tls.record.length.invalid",
            "Record fragment length is too small or too large");
    /** A record of a content type no version defines. */
    public static final DiagnosticDef UNKNOWN_CONTENT_TYPE = DiagnosticDef.warning("tls.record.content_type.unknown",
            "Ignored Unknown Record", DiagnosticGroup.MALFORMED);
    /** A field inside a record or handshake message claims more bytes than its container holds. */
    public static final DiagnosticDef BAD_LENGTH = DiagnosticDef.malformed("tls.malformed.length",
            "Length field exceeds its container");
    /** A handshake message claims more bytes than the per-direction reassembly buffer may hold. */
    public static final DiagnosticDef HANDSHAKE_TOO_LONG = DiagnosticDef.malformed("tls.handshake.too_long",
            "Handshake message longer than the reassembly limit");
    /** Bytes of this direction were lost; framing resynchronised on the next plausible record header. */
    public static final DiagnosticDef RESYNCHRONIZED = DiagnosticDef.note("tls.record.resynchronized",
            "Record boundary found again after lost bytes", DiagnosticGroup.SEQUENCE);
    /** A handshake message ended before its declared fields did. */
    public static final DiagnosticDef HANDSHAKE_TRUNCATED = DiagnosticDef.malformed("tls.handshake.truncated",
            "Handshake message shorter than its fields");

    /**
     * A protected record that the keys at hand did not open: authentication failed (a changed byte, a wrong key),
     * bad CBC padding, a bad length, or no inner content type. The record stays encrypted; the next one is tried.
     */
    public static final DiagnosticDef DECRYPTION_FAILED = DiagnosticDef.warning("tls.decryption.failed",
            "Record could not be decrypted", DiagnosticGroup.PROTOCOL);
    /** A Finished message whose verify_data differs from the computed one (a changed handshake or wrong keys). */
    public static final DiagnosticDef FINISHED_MISMATCH = DiagnosticDef.warning("tls.finished.mismatch",
            "Finished verify_data does not match the handshake", DiagnosticGroup.PROTOCOL);
    /** The stream dissector fed with decrypted application data threw; it is stopped for that direction. */
    public static final DiagnosticDef PLAINTEXT_DISSECTOR_FAILED = DiagnosticDef.malformed(
            "tls.plaintext.dissector_failed", "Dissector of decrypted data failed");
    /** Decrypted data waited for by the next dissector grew past its bound and was dropped. */
    public static final DiagnosticDef PLAINTEXT_TOO_LONG = DiagnosticDef.warning("tls.plaintext.too_long",
            "Decrypted data not reassembled: over the limit", DiagnosticGroup.LIMIT);

    public static final DiagnosticDef[] DIAGNOSTICS = {RECORD_TOO_LONG, UNKNOWN_CONTENT_TYPE, BAD_LENGTH,
            HANDSHAKE_TOO_LONG, RESYNCHRONIZED, HANDSHAKE_TRUNCATED, DECRYPTION_FAILED, FINISHED_MISMATCH,
            PLAINTEXT_DISSECTOR_FAILED, PLAINTEXT_TOO_LONG};

    private TlsRecordFields() {
    }
}
