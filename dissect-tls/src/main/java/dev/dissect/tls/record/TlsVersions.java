package dev.dissect.tls.record;

/** Protocol versions and their names in tshark's protocol column ({@code SSLv3}, {@code TLSv1.2}). */
public final class TlsVersions {
    public static final int SSL2 = 0x0002;
    public static final int SSL3 = 0x0300;
    public static final int TLS10 = 0x0301;
    public static final int TLS11 = 0x0302;
    public static final int TLS12 = 0x0303;
    public static final int TLS13 = 0x0304;

    private TlsVersions() {
    }

    /** True for TLS 1.3 and its drafts ({@code 0x7fXX}) as negotiated in supported_versions. */
    public static boolean isTls13(int version) {
        return version == TLS13 || (version & 0xff00) == 0x7f00;
    }

    /** The protocol column for {@code version}; {@code "TLS"} when unknown. Never null. */
    public static String columnName(int version) {
        return switch (version) {
            case SSL2 -> "SSLv2";
            case SSL3 -> "SSLv3";
            case TLS10 -> "TLSv1";
            case TLS11 -> "TLSv1.1";
            case TLS12 -> "TLSv1.2";
            case TLS13 -> "TLSv1.3";
            default -> (version & 0xff00) == 0x7f00 ? "TLSv1.3" : "TLS";
        };
    }

    /** A readable name for reports: {@code "TLS 1.2"}, {@code "0x7f12"} for unknown values. Never null. */
    public static String displayName(int version) {
        return switch (version) {
            case SSL2 -> "SSL 2.0";
            case SSL3 -> "SSL 3.0";
            case TLS10 -> "TLS 1.0";
            case TLS11 -> "TLS 1.1";
            case TLS12 -> "TLS 1.2";
            case TLS13 -> "TLS 1.3";
            default -> String.format("0x%04x", version);
        };
    }
}
