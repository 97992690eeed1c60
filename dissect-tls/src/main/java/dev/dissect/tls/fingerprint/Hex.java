package dev.dissect.tls.fingerprint;

/** Lower-case hex of digests, as fingerprints print them. */
final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** The first {@code n} bytes of {@code bytes} as {@code 2n} hex digits. */
    static String of(byte[] bytes, int n) {
        char[] out = new char[2 * n];
        for (int i = 0; i < n; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
