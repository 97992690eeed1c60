package dev.dissect.tls.fingerprint;

import dev.dissect.tls.handshake.Grease;
import dev.dissect.tls.handshake.HelloFacts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * JA4, the TLS client fingerprint of FoxIO's JA4+ suite (JA4 itself is BSD-3-Clause; JA4S, JA4X and the rest of
 * JA4+ carry the FoxIO licence and are deliberately not implemented here).
 *
 * <pre>
 * t13d1516h2_8daaf6152771_e5627efa2ab1
 * |||  | | |  |            +-- c: SHA-256[0..12] of sorted extensions (no SNI, no ALPN) "_" signature algorithms
 * |||  | | |  +--------------- b: SHA-256[0..12] of sorted cipher suites
 * |||  | | +------------------ first and last character of the first ALPN value ("00" if none)
 * |||  | +-------------------- extension count (GREASE removed, SNI and ALPN included), two digits, at most 99
 * |||  +---------------------- cipher suite count (GREASE removed), two digits, at most 99
 * ||+------------------------- d: SNI present, i: absent
 * |+-------------------------- version: highest supported_versions value, else legacy_version (13, 12, ... s3)
 * +--------------------------- t: TCP (q: QUIC, d: DTLS)
 * </pre>
 *
 * <p>The raw form ({@code JA4_r}) has the sorted hex lists instead of the hashes. Values are four lower-case hex
 * digits; GREASE is removed everywhere. Reference: FoxIO-LLC/ja4 {@code technical_details/JA4.md}.
 */
public final class Ja4 {
    /** Hash of an empty list. */
    private static final String EMPTY = "000000000000";

    private Ja4() {
    }

    /** JA4 of a ClientHello over TCP. */
    public static String fingerprint(HelloFacts hello) {
        return prefix(hello) + '_' + hash12(sortedCiphers(hello)) + '_' + hash12(extensionPart(hello));
    }

    /** JA4_r (raw, sorted) of a ClientHello over TCP. */
    public static String raw(HelloFacts hello) {
        return prefix(hello) + '_' + sortedCiphers(hello) + '_' + extensionPart(hello);
    }

    static String prefix(HelloFacts hello) {
        StringBuilder sb = new StringBuilder(10);
        sb.append('t');
        int version = hello.supportedVersion() >= 0 ? hello.supportedVersion() : hello.version();
        sb.append(versionCode(version));
        sb.append(hello.hasServerName() ? 'd' : 'i');
        twoDigits(sb, countNonGrease(hello.ciphers()));
        twoDigits(sb, countNonGrease(hello.extensions()));
        appendAlpn(sb, hello.firstAlpn());
        return sb.toString();
    }

    static String versionCode(int version) {
        return switch (version) {
            case 0x0304 -> "13";
            case 0x0303 -> "12";
            case 0x0302 -> "11";
            case 0x0301 -> "10";
            case 0x0300 -> "s3";
            case 0x0002 -> "s2";
            case 0xfeff -> "d1";
            case 0xfefd -> "d2";
            case 0xfefc -> "d3";
            default -> "00";
        };
    }

    private static void appendAlpn(StringBuilder sb, byte[] alpn) {
        if (alpn == null || alpn.length == 0) {
            sb.append("00");
            return;
        }
        int first = alpn[0] & 0xff;
        int last = alpn[alpn.length - 1] & 0xff;
        if (alphanumeric(first) && alphanumeric(last)) {
            sb.append((char) first).append((char) last);
        } else {
            // Not alphanumeric: the first and last characters of the value's hex form.
            String hex = Hex.of(alpn, alpn.length);
            sb.append(hex.charAt(0)).append(hex.charAt(hex.length() - 1));
        }
    }

    private static boolean alphanumeric(int c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static void twoDigits(StringBuilder sb, int n) {
        int v = Math.min(n, 99);
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }

    private static int countNonGrease(HelloFacts.Values values) {
        int n = 0;
        for (int i = 0; i < values.size(); i++) {
            if (!Grease.is(values.get(i))) {
                n++;
            }
        }
        return n;
    }

    private static String sortedCiphers(HelloFacts hello) {
        return hexList(sortedNonGrease(hello.ciphers(), false));
    }

    private static String extensionPart(HelloFacts hello) {
        String extensions = hexList(sortedNonGrease(hello.extensions(), true));
        HelloFacts.Values sig = hello.signatureAlgorithms();
        StringBuilder sb = new StringBuilder(extensions);
        int[] algorithms = new int[sig.size()];
        int n = 0;
        for (int i = 0; i < sig.size(); i++) {
            if (!Grease.is(sig.get(i))) {
                algorithms[n++] = sig.get(i);
            }
        }
        if (n > 0) {
            sb.append('_').append(hexList(Arrays.copyOf(algorithms, n)));
        }
        return sb.toString();
    }

    private static int[] sortedNonGrease(HelloFacts.Values values, boolean dropSniAndAlpn) {
        int[] out = new int[values.size()];
        int n = 0;
        for (int i = 0; i < values.size(); i++) {
            int v = values.get(i);
            if (Grease.is(v) || dropSniAndAlpn && (v == 0x0000 || v == 0x0010)) {
                continue;
            }
            out[n++] = v;
        }
        int[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        return sorted;
    }

    private static String hexList(int[] values) {
        StringBuilder sb = new StringBuilder(values.length * 5);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String h = Integer.toHexString(values[i]);
            sb.append("0000", 0, 4 - h.length()).append(h);
        }
        return sb.toString();
    }

    private static String hash12(String text) {
        if (text.isEmpty()) {
            return EMPTY;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
            return Hex.of(d, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
