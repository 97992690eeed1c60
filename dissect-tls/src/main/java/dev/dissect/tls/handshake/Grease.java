package dev.dissect.tls.handshake;

/**
 * GREASE values (RFC 8701): {@code 0x?A?A} with both bytes equal, reserved in the cipher suite, extension, named
 * group, signature algorithm, version and ALPN registries so that peers tolerate unknown values. Fingerprints
 * leave them out.
 */
public final class Grease {
    private Grease() {
    }

    /** True for the 16 two-byte GREASE values {@code 0x0a0a, 0x1a1a, ... 0xfafa}. */
    public static boolean is(int value) {
        return (value & 0x0f0f) == 0x0a0a && (value >>> 8) == (value & 0xff);
    }

    /** True for the one-byte GREASE values of psk_key_exchange_modes and ec_point_formats (RFC 8701 2). */
    public static boolean isByte(int value) {
        return (value & 0x1f) == 0x0b;
    }
}
