package dev.dissect.tls.decrypt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudo-random functions of SSL 3.0 to TLS 1.2, which turn the pre-master secret into the master secret, the
 * master secret into the key block, and the transcript into Finished's verify_data.
 *
 * <ul>
 *   <li>{@link #SSL3}: MD5 and SHA-1 nested over letters 'A', 'BB', 'CCC'... (SSL 3.0, RFC 6101 section 6.1 and
 *       6.2.2); the label is not used.</li>
 *   <li>{@link #TLS10}: P_MD5 over the first half of the secret XOR P_SHA1 over the second (RFC 2246 section 5,
 *       also TLS 1.1, RFC 4346 section 5).</li>
 *   <li>{@link #TLS12_SHA256}, {@link #TLS12_SHA384}: P_hash with the suite's hash (RFC 5246 section 5).</li>
 * </ul>
 *
 * <p>Hashes and HMACs come from the JCA; this class only arranges them as the RFCs say.
 *
 * @since 0.1
 */
public enum Prf {
    SSL3, TLS10, TLS12_SHA256, TLS12_SHA384;

    /** The PRF of {@code version} with {@code suite} (TLS 1.2 takes the suite's hash). */
    public static Prf of(int version, CipherSuite suite) {
        if (version == ProtocolVersion.SSL_3_0) {
            return SSL3;
        }
        if (version < ProtocolVersion.TLS_1_2) {
            return TLS10;
        }
        return suite != null && suite.prfHash().equals("SHA-384") ? TLS12_SHA384 : TLS12_SHA256;
    }

    /**
     * {@code length} bytes of PRF(secret, label, seed).
     *
     * @param label the ASCII label, such as {@code "master secret"}; ignored by {@link #SSL3}
     */
    public byte[] derive(byte[] secret, String label, byte[] seed, int length) {
        try {
            byte[] labelSeed = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
            return switch (this) {
                case SSL3 -> ssl3(secret, seed, length);
                case TLS10 -> tls10(secret, labelSeed, length);
                case TLS12_SHA256 -> pHash("HmacSHA256", secret, labelSeed, length);
                case TLS12_SHA384 -> pHash("HmacSHA384", secret, labelSeed, length);
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA lacks a standard algorithm", e);
        }
    }

    /** The digest the TLS 1.2 PRF uses for Finished and the session hash; null before TLS 1.2. */
    public String hashName() {
        return switch (this) {
            case TLS12_SHA256 -> "SHA-256";
            case TLS12_SHA384 -> "SHA-384";
            default -> null;
        };
    }

    private static byte[] tls10(byte[] secret, byte[] labelSeed, int length) throws GeneralSecurityException {
        int half = (secret.length + 1) / 2;
        byte[] s1 = java.util.Arrays.copyOfRange(secret, 0, half);
        byte[] s2 = java.util.Arrays.copyOfRange(secret, secret.length - half, secret.length);
        byte[] md5 = pHash("HmacMD5", s1, labelSeed, length);
        byte[] sha = pHash("HmacSHA1", s2, labelSeed, length);
        for (int i = 0; i < length; i++) {
            md5[i] ^= sha[i];
        }
        return md5;
    }

    /** P_hash(secret, seed): HMAC(secret, A(i) + seed) for A(0) = seed, A(i) = HMAC(secret, A(i-1)). */
    static byte[] pHash(String hmac, byte[] secret, byte[] seed, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(hmac);
        // SecretKeySpec refuses an empty key; HMAC pads keys with zeros, so one zero byte is the same key.
        mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, hmac));
        byte[] out = new byte[length];
        byte[] a = seed;
        int done = 0;
        while (done < length) {
            a = mac.doFinal(a);
            mac.update(a);
            mac.update(seed);
            byte[] block = mac.doFinal();
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
        }
        return out;
    }

    private static byte[] ssl3(byte[] secret, byte[] seed, int length) throws GeneralSecurityException {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        MessageDigest sha = MessageDigest.getInstance("SHA-1");
        byte[] out = new byte[length];
        int done = 0;
        for (int i = 0; done < length; i++) {
            byte[] letters = new byte[i + 1];
            java.util.Arrays.fill(letters, (byte) ('A' + i));
            sha.update(letters);
            sha.update(secret);
            sha.update(seed);
            md5.update(secret);
            byte[] block = md5.digest(sha.digest());
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
        }
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
