package dev.dissect.tls.fingerprint;

import dev.dissect.api.field.FieldDef;

/**
 * Fingerprint fields. The JA3 ones are tshark 4.0's; {@code tls.handshake.ja4} and {@code tls.handshake.ja4_r} are
 * ours (tshark 4.0 has no JA4; later Wireshark versions use {@code tls.handshake.ja4} and
 * {@code tls.handshake.ja4_r} with the same meaning).
 */
public final class FingerprintFields {
    public static final FieldDef JA3_FULL = FieldDef.string("tls.handshake.ja3_full", "JA3 Fullstring");
    public static final FieldDef JA3 = FieldDef.string("tls.handshake.ja3", "JA3");
    public static final FieldDef JA3S_FULL = FieldDef.string("tls.handshake.ja3s_full", "JA3S Fullstring");
    public static final FieldDef JA3S = FieldDef.string("tls.handshake.ja3s", "JA3S");
    public static final FieldDef JA4 = FieldDef.string("tls.handshake.ja4", "JA4")
            .describedAs("FoxIO JA4 client fingerprint (dissect addition; BSD-3 JA4 only)");
    public static final FieldDef JA4_R = FieldDef.string("tls.handshake.ja4_r", "JA4_r")
            .describedAs("FoxIO JA4 raw (sorted) fingerprint (dissect addition)");

    public static final FieldDef[] FIELDS = {JA3_FULL, JA3, JA3S_FULL, JA3S, JA4, JA4_R};

    private FingerprintFields() {
    }
}
