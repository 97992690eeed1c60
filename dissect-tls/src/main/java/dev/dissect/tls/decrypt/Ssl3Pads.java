package dev.dissect.tls.decrypt;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The pads of SSL 3.0's hash constructions (its MAC and its Finished, RFC 6101 sections 5.2.3.1 and 5.6.9):
 * {@code hash(secret + pad_2 + hash(... + pad_1 + ...))}, with 48 pad bytes for MD5 and 40 for SHA-1.
 */
final class Ssl3Pads {
    private Ssl3Pads() {
    }

    /** pad_1 (0x36 repeated) for this digest. */
    static byte[] pad1(MessageDigest md) {
        return pad(md, (byte) 0x36);
    }

    /** The outer hash: {@code hash(secret + pad_2 + inner)}; resets {@code md} first. */
    static byte[] outer(MessageDigest md, byte[] secret, byte[] inner) {
        md.reset();
        md.update(secret);
        md.update(pad(md, (byte) 0x5C));
        return md.digest(inner);
    }

    private static byte[] pad(MessageDigest md, byte value) {
        byte[] pad = new byte[md.getAlgorithm().equals("MD5") ? 48 : 40];
        Arrays.fill(pad, value);
        return pad;
    }
}
