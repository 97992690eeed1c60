package dev.dissect.tls.decrypt;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The TLS 1.3 key schedule (RFC 8446 section 7): HKDF-Extract, HKDF-Expand-Label and Derive-Secret, the traffic
 * key and IV of a traffic secret (7.3), the next generation of a traffic secret after a KeyUpdate (7.2), and the
 * Finished key (4.4.4).
 *
 * <p>A passive observer normally starts from the traffic secrets of a key log; the earlier stages are here so that
 * the published traces (RFC 8448) can be checked end to end. HKDF is bcprov's.
 *
 * <pre>
 * HkdfLabel = uint16 length | opaque label&lt;7..255&gt; = "tls13 " + label | opaque context&lt;0..255&gt;
 * </pre>
 *
 * @since 0.1
 */
public final class Tls13KeySchedule {
    private static final byte[] EMPTY = new byte[0];

    private Tls13KeySchedule() {
    }

    /** HKDF-Extract(salt, ikm) with {@code hash} ({@code SHA-256} or {@code SHA-384}). */
    public static byte[] extract(String hash, byte[] salt, byte[] ikm) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(digest(hash));
        return hkdf.extractPRK(salt, ikm);
    }

    /** HKDF-Expand-Label(secret, label, context, length); {@code label} without the {@code "tls13 "} prefix. */
    public static byte[] expandLabel(String hash, byte[] secret, String label, byte[] context, int length) {
        byte[] full = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        if (full.length > 255 || context.length > 255 || length > 0xFFFF) {
            throw new IllegalArgumentException("label=" + label + " context=" + context.length + " length=" + length);
        }
        byte[] info = new byte[2 + 1 + full.length + 1 + context.length];
        info[0] = (byte) (length >>> 8);
        info[1] = (byte) length;
        info[2] = (byte) full.length;
        System.arraycopy(full, 0, info, 3, full.length);
        info[3 + full.length] = (byte) context.length;
        System.arraycopy(context, 0, info, 4 + full.length, context.length);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(digest(hash));
        hkdf.init(HKDFParameters.skipExtractParameters(secret, info));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    /** Derive-Secret(secret, label, messages), given the transcript hash of the messages. */
    public static byte[] deriveSecret(String hash, byte[] secret, String label, byte[] transcriptHash) {
        return expandLabel(hash, secret, label, transcriptHash, hashLength(hash));
    }

    /** The record key of a traffic secret: HKDF-Expand-Label(secret, "key", "", key_length). */
    public static byte[] trafficKey(CipherSuite suite, byte[] trafficSecret) {
        return expandLabel(suite.prfHash(), trafficSecret, "key", EMPTY, suite.cipher().keyLength());
    }

    /** The record IV of a traffic secret: HKDF-Expand-Label(secret, "iv", "", 12). */
    public static byte[] trafficIv(CipherSuite suite, byte[] trafficSecret) {
        return expandLabel(suite.prfHash(), trafficSecret, "iv", EMPTY, 12);
    }

    /** application_traffic_secret_N+1 = HKDF-Expand-Label(secret_N, "traffic upd", "", Hash.length). */
    public static byte[] nextTrafficSecret(String hash, byte[] trafficSecret) {
        return expandLabel(hash, trafficSecret, "traffic upd", EMPTY, hashLength(hash));
    }

    /** finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length). */
    public static byte[] finishedKey(String hash, byte[] baseKey) {
        return expandLabel(hash, baseKey, "finished", EMPTY, hashLength(hash));
    }

    static int hashLength(String hash) {
        return switch (hash) {
            case "SHA-256" -> 32;
            case "SHA-384" -> 48;
            default -> throw new IllegalArgumentException("TLS 1.3 hash " + hash);
        };
    }

    private static Digest digest(String hash) {
        return switch (hash) {
            case "SHA-256" -> new SHA256Digest();
            case "SHA-384" -> new SHA384Digest();
            default -> throw new IllegalArgumentException("TLS 1.3 hash " + hash);
        };
    }
}
