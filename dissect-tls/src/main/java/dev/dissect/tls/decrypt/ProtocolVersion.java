package dev.dissect.tls.decrypt;

/**
 * The protocol versions decryption tells apart, as their two-byte wire values.
 *
 * @since 0.1
 */
public final class ProtocolVersion {
    public static final int SSL_3_0 = 0x0300;
    public static final int TLS_1_0 = 0x0301;
    public static final int TLS_1_1 = 0x0302;
    public static final int TLS_1_2 = 0x0303;
    public static final int TLS_1_3 = 0x0304;

    private ProtocolVersion() {
    }

    /** True for SSL 3.0 to TLS 1.3. */
    public static boolean isKnown(int version) {
        return version >= SSL_3_0 && version <= TLS_1_3;
    }

    /** "TLS 1.2", "SSL 3.0", or the hex value. */
    public static String name(int version) {
        return switch (version) {
            case SSL_3_0 -> "SSL 3.0";
            case TLS_1_0 -> "TLS 1.0";
            case TLS_1_1 -> "TLS 1.1";
            case TLS_1_2 -> "TLS 1.2";
            case TLS_1_3 -> "TLS 1.3";
            default -> String.format("0x%04x", version);
        };
    }
}
