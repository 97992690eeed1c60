package dev.dissect.tls.fingerprint;

import dev.dissect.tls.handshake.Grease;
import dev.dissect.tls.handshake.HelloFacts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * JA3 and JA3S (Salesforce): decimal values joined by {@code -}, lists joined by {@code ,}, then MD5 in hex.
 * <b>GREASE values are removed</b> from every list, as tshark 4.0's {@code tls.handshake.ja3*} do.
 *
 * <pre>
 * JA3 full:  SSLVersion,Ciphers,Extensions,EllipticCurves,EllipticCurvePointFormats
 *            771,4865-4866-4867,0-10-13-51-45-43,29-23-24,
 * JA3S full: SSLVersion,Cipher,Extensions
 *            771,4865,51-43
 * </pre>
 */
public final class Ja3 {
    private Ja3() {
    }

    /** The JA3 string of a ClientHello. */
    public static String clientFull(HelloFacts hello) {
        StringBuilder sb = new StringBuilder(128);
        sb.append(hello.version()).append(',');
        join(sb, hello.ciphers()).append(',');
        join(sb, hello.extensions()).append(',');
        join(sb, hello.groups()).append(',');
        join(sb, hello.pointFormats());
        return sb.toString();
    }

    /** The JA3S string of a ServerHello. */
    public static String serverFull(HelloFacts hello) {
        StringBuilder sb = new StringBuilder(64);
        sb.append(hello.version()).append(',');
        join(sb, hello.ciphers()).append(',');
        join(sb, hello.extensions());
        return sb.toString();
    }

    /** MD5 of {@code full} as 32 lower-case hex digits. */
    public static String hash(String full) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(full.getBytes(StandardCharsets.US_ASCII));
            return Hex.of(d, d.length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }

    private static StringBuilder join(StringBuilder sb, HelloFacts.Values values) {
        boolean first = true;
        for (int i = 0; i < values.size(); i++) {
            int v = values.get(i);
            if (Grease.is(v)) {
                continue;
            }
            if (!first) {
                sb.append('-');
            }
            sb.append(v);
            first = false;
        }
        return sb;
    }
}
