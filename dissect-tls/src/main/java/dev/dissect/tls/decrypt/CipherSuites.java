package dev.dissect.tls.decrypt;

import static dev.dissect.tls.decrypt.BulkCipher.AES_128_CBC;
import static dev.dissect.tls.decrypt.BulkCipher.AES_128_CCM;
import static dev.dissect.tls.decrypt.BulkCipher.AES_128_CCM_8;
import static dev.dissect.tls.decrypt.BulkCipher.AES_128_GCM;
import static dev.dissect.tls.decrypt.BulkCipher.AES_256_CBC;
import static dev.dissect.tls.decrypt.BulkCipher.AES_256_CCM;
import static dev.dissect.tls.decrypt.BulkCipher.AES_256_CCM_8;
import static dev.dissect.tls.decrypt.BulkCipher.AES_256_GCM;
import static dev.dissect.tls.decrypt.BulkCipher.ARIA_128_CBC;
import static dev.dissect.tls.decrypt.BulkCipher.ARIA_128_GCM;
import static dev.dissect.tls.decrypt.BulkCipher.ARIA_256_CBC;
import static dev.dissect.tls.decrypt.BulkCipher.ARIA_256_GCM;
import static dev.dissect.tls.decrypt.BulkCipher.CAMELLIA_128_CBC;
import static dev.dissect.tls.decrypt.BulkCipher.CAMELLIA_128_GCM;
import static dev.dissect.tls.decrypt.BulkCipher.CAMELLIA_256_CBC;
import static dev.dissect.tls.decrypt.BulkCipher.CAMELLIA_256_GCM;
import static dev.dissect.tls.decrypt.BulkCipher.CHACHA20_POLY1305;
import static dev.dissect.tls.decrypt.BulkCipher.RC4_128;
import static dev.dissect.tls.decrypt.BulkCipher.TRIPLE_DES_EDE_CBC;
import static dev.dissect.tls.decrypt.KeyExchange.DHE_DSS;
import static dev.dissect.tls.decrypt.KeyExchange.DHE_PSK;
import static dev.dissect.tls.decrypt.KeyExchange.DHE_RSA;
import static dev.dissect.tls.decrypt.KeyExchange.ECDHE_ECDSA;
import static dev.dissect.tls.decrypt.KeyExchange.ECDHE_PSK;
import static dev.dissect.tls.decrypt.KeyExchange.ECDHE_RSA;
import static dev.dissect.tls.decrypt.KeyExchange.ECDH_ANON;
import static dev.dissect.tls.decrypt.KeyExchange.ECDH_ECDSA;
import static dev.dissect.tls.decrypt.KeyExchange.ECDH_RSA;
import static dev.dissect.tls.decrypt.KeyExchange.PSK;
import static dev.dissect.tls.decrypt.KeyExchange.RSA;
import static dev.dissect.tls.decrypt.KeyExchange.RSA_PSK;
import static dev.dissect.tls.decrypt.KeyExchange.TLS13;
import static dev.dissect.tls.decrypt.MacAlgorithm.AEAD;
import static dev.dissect.tls.decrypt.MacAlgorithm.MD5;
import static dev.dissect.tls.decrypt.MacAlgorithm.SHA1;
import static dev.dissect.tls.decrypt.MacAlgorithm.SHA256;
import static dev.dissect.tls.decrypt.MacAlgorithm.SHA384;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cipher suites dissect can decrypt: every TLS 1.3 suite and the TLS 1.2 (and earlier) suites seen in
 * practice, from the IANA TLS Cipher Suites registry. RSA, DHE, ECDHE, static and anonymous ECDH and PSK key exchanges with
 * AES-GCM, AES-CCM(_8), ChaCha20-Poly1305, AES-CBC and 3DES-CBC (HMAC-SHA1/256/384), Camellia-CBC and -GCM
 * (RFC 5932, RFC 6367), ARIA-CBC and -GCM (RFC 6209), RC4 and NULL.
 *
 * <p><b>An unknown suite is not an error:</b> {@link #find(int)} returns null and the session reports that it
 * cannot decrypt. Export and anonymous DH suites, DES, IDEA, SEED and GOST are not listed.
 *
 * @since 0.1
 */
public final class CipherSuites {
    private static final String S256 = "SHA-256";
    private static final String S384 = "SHA-384";
    private static final Map<Integer, CipherSuite> BY_ID;

    static {
        Map<Integer, CipherSuite> m = new TreeMap<>();
        // TLS 1.3 (RFC 8446 appendix B.4)
        put(m, 0x1301, "TLS_AES_128_GCM_SHA256", TLS13, AES_128_GCM, AEAD, S256);
        put(m, 0x1302, "TLS_AES_256_GCM_SHA384", TLS13, AES_256_GCM, AEAD, S384);
        put(m, 0x1303, "TLS_CHACHA20_POLY1305_SHA256", TLS13, CHACHA20_POLY1305, AEAD, S256);
        put(m, 0x1304, "TLS_AES_128_CCM_SHA256", TLS13, AES_128_CCM, AEAD, S256);
        put(m, 0x1305, "TLS_AES_128_CCM_8_SHA256", TLS13, AES_128_CCM_8, AEAD, S256);
        // RSA key exchange
        put(m, 0x0001, "TLS_RSA_WITH_NULL_MD5", RSA, BulkCipher.NULL, MD5, S256);
        put(m, 0x0002, "TLS_RSA_WITH_NULL_SHA", RSA, BulkCipher.NULL, SHA1, S256);
        put(m, 0x003B, "TLS_RSA_WITH_NULL_SHA256", RSA, BulkCipher.NULL, SHA256, S256);
        put(m, 0x0004, "TLS_RSA_WITH_RC4_128_MD5", RSA, RC4_128, MD5, S256);
        put(m, 0x0005, "TLS_RSA_WITH_RC4_128_SHA", RSA, RC4_128, SHA1, S256);
        put(m, 0x000A, "TLS_RSA_WITH_3DES_EDE_CBC_SHA", RSA, TRIPLE_DES_EDE_CBC, SHA1, S256);
        put(m, 0x002F, "TLS_RSA_WITH_AES_128_CBC_SHA", RSA, AES_128_CBC, SHA1, S256);
        put(m, 0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA", RSA, AES_256_CBC, SHA1, S256);
        put(m, 0x003C, "TLS_RSA_WITH_AES_128_CBC_SHA256", RSA, AES_128_CBC, SHA256, S256);
        put(m, 0x003D, "TLS_RSA_WITH_AES_256_CBC_SHA256", RSA, AES_256_CBC, SHA256, S256);
        put(m, 0x009C, "TLS_RSA_WITH_AES_128_GCM_SHA256", RSA, AES_128_GCM, AEAD, S256);
        put(m, 0x009D, "TLS_RSA_WITH_AES_256_GCM_SHA384", RSA, AES_256_GCM, AEAD, S384);
        put(m, 0xC09C, "TLS_RSA_WITH_AES_128_CCM", RSA, AES_128_CCM, AEAD, S256);
        put(m, 0xC09D, "TLS_RSA_WITH_AES_256_CCM", RSA, AES_256_CCM, AEAD, S256);
        put(m, 0xC0A0, "TLS_RSA_WITH_AES_128_CCM_8", RSA, AES_128_CCM_8, AEAD, S256);
        put(m, 0xC0A1, "TLS_RSA_WITH_AES_256_CCM_8", RSA, AES_256_CCM_8, AEAD, S256);
        // DHE
        put(m, 0x0013, "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA", DHE_DSS, TRIPLE_DES_EDE_CBC, SHA1, S256);
        put(m, 0x0016, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA", DHE_RSA, TRIPLE_DES_EDE_CBC, SHA1, S256);
        put(m, 0x0032, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA", DHE_DSS, AES_128_CBC, SHA1, S256);
        put(m, 0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA", DHE_RSA, AES_128_CBC, SHA1, S256);
        put(m, 0x0038, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA", DHE_DSS, AES_256_CBC, SHA1, S256);
        put(m, 0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA", DHE_RSA, AES_256_CBC, SHA1, S256);
        put(m, 0x0040, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256", DHE_DSS, AES_128_CBC, SHA256, S256);
        put(m, 0x0067, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256", DHE_RSA, AES_128_CBC, SHA256, S256);
        put(m, 0x006A, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256", DHE_DSS, AES_256_CBC, SHA256, S256);
        put(m, 0x006B, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256", DHE_RSA, AES_256_CBC, SHA256, S256);
        put(m, 0x009E, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", DHE_RSA, AES_128_GCM, AEAD, S256);
        put(m, 0x009F, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", DHE_RSA, AES_256_GCM, AEAD, S384);
        put(m, 0x00A2, "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256", DHE_DSS, AES_128_GCM, AEAD, S256);
        put(m, 0x00A3, "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384", DHE_DSS, AES_256_GCM, AEAD, S384);
        put(m, 0xC09E, "TLS_DHE_RSA_WITH_AES_128_CCM", DHE_RSA, AES_128_CCM, AEAD, S256);
        put(m, 0xC09F, "TLS_DHE_RSA_WITH_AES_256_CCM", DHE_RSA, AES_256_CCM, AEAD, S256);
        put(m, 0xC0A2, "TLS_DHE_RSA_WITH_AES_128_CCM_8", DHE_RSA, AES_128_CCM_8, AEAD, S256);
        put(m, 0xC0A3, "TLS_DHE_RSA_WITH_AES_256_CCM_8", DHE_RSA, AES_256_CCM_8, AEAD, S256);
        put(m, 0xCCAA, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", DHE_RSA, CHACHA20_POLY1305, AEAD, S256);
        // static ECDH
        put(m, 0xC004, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA", ECDH_ECDSA, AES_128_CBC, SHA1, S256);
        put(m, 0xC005, "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA", ECDH_ECDSA, AES_256_CBC, SHA1, S256);
        put(m, 0xC00E, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA", ECDH_RSA, AES_128_CBC, SHA1, S256);
        put(m, 0xC00F, "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA", ECDH_RSA, AES_256_CBC, SHA1, S256);
        put(m, 0xC025, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256", ECDH_ECDSA, AES_128_CBC, SHA256, S256);
        put(m, 0xC026, "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384", ECDH_ECDSA, AES_256_CBC, SHA384, S384);
        put(m, 0xC029, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256", ECDH_RSA, AES_128_CBC, SHA256, S256);
        put(m, 0xC02A, "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384", ECDH_RSA, AES_256_CBC, SHA384, S384);
        put(m, 0xC02D, "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256", ECDH_ECDSA, AES_128_GCM, AEAD, S256);
        put(m, 0xC02E, "TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384", ECDH_ECDSA, AES_256_GCM, AEAD, S384);
        put(m, 0xC031, "TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256", ECDH_RSA, AES_128_GCM, AEAD, S256);
        put(m, 0xC032, "TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384", ECDH_RSA, AES_256_GCM, AEAD, S384);
        // anonymous ECDH (RFC 8422 section 6): no certificate, so only a key log opens them
        put(m, 0xC015, "TLS_ECDH_anon_WITH_NULL_SHA", ECDH_ANON, BulkCipher.NULL, SHA1, S256);
        put(m, 0xC016, "TLS_ECDH_anon_WITH_RC4_128_SHA", ECDH_ANON, RC4_128, SHA1, S256);
        put(m, 0xC017, "TLS_ECDH_anon_WITH_3DES_EDE_CBC_SHA", ECDH_ANON, TRIPLE_DES_EDE_CBC, SHA1, S256);
        put(m, 0xC018, "TLS_ECDH_anon_WITH_AES_128_CBC_SHA", ECDH_ANON, AES_128_CBC, SHA1, S256);
        put(m, 0xC019, "TLS_ECDH_anon_WITH_AES_256_CBC_SHA", ECDH_ANON, AES_256_CBC, SHA1, S256);
        // ECDHE
        put(m, 0xC006, "TLS_ECDHE_ECDSA_WITH_NULL_SHA", ECDHE_ECDSA, BulkCipher.NULL, SHA1, S256);
        put(m, 0xC007, "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA", ECDHE_ECDSA, RC4_128, SHA1, S256);
        put(m, 0xC008, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA", ECDHE_ECDSA, TRIPLE_DES_EDE_CBC, SHA1, S256);
        put(m, 0xC009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", ECDHE_ECDSA, AES_128_CBC, SHA1, S256);
        put(m, 0xC00A, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", ECDHE_ECDSA, AES_256_CBC, SHA1, S256);
        put(m, 0xC010, "TLS_ECDHE_RSA_WITH_NULL_SHA", ECDHE_RSA, BulkCipher.NULL, SHA1, S256);
        put(m, 0xC011, "TLS_ECDHE_RSA_WITH_RC4_128_SHA", ECDHE_RSA, RC4_128, SHA1, S256);
        put(m, 0xC012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", ECDHE_RSA, TRIPLE_DES_EDE_CBC, SHA1, S256);
        put(m, 0xC013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", ECDHE_RSA, AES_128_CBC, SHA1, S256);
        put(m, 0xC014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", ECDHE_RSA, AES_256_CBC, SHA1, S256);
        put(m, 0xC023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", ECDHE_ECDSA, AES_128_CBC, SHA256, S256);
        put(m, 0xC024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", ECDHE_ECDSA, AES_256_CBC, SHA384, S384);
        put(m, 0xC027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", ECDHE_RSA, AES_128_CBC, SHA256, S256);
        put(m, 0xC028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", ECDHE_RSA, AES_256_CBC, SHA384, S384);
        put(m, 0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", ECDHE_ECDSA, AES_128_GCM, AEAD, S256);
        put(m, 0xC02C, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", ECDHE_ECDSA, AES_256_GCM, AEAD, S384);
        put(m, 0xC02F, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", ECDHE_RSA, AES_128_GCM, AEAD, S256);
        put(m, 0xC030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", ECDHE_RSA, AES_256_GCM, AEAD, S384);
        put(m, 0xC0AC, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM", ECDHE_ECDSA, AES_128_CCM, AEAD, S256);
        put(m, 0xC0AD, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM", ECDHE_ECDSA, AES_256_CCM, AEAD, S256);
        put(m, 0xC0AE, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8", ECDHE_ECDSA, AES_128_CCM_8, AEAD, S256);
        put(m, 0xC0AF, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8", ECDHE_ECDSA, AES_256_CCM_8, AEAD, S256);
        put(m, 0xCCA8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", ECDHE_RSA, CHACHA20_POLY1305, AEAD, S256);
        put(m, 0xCCA9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", ECDHE_ECDSA, CHACHA20_POLY1305, AEAD,
                S256);
        // PSK
        put(m, 0x008C, "TLS_PSK_WITH_AES_128_CBC_SHA", PSK, AES_128_CBC, SHA1, S256);
        put(m, 0x008D, "TLS_PSK_WITH_AES_256_CBC_SHA", PSK, AES_256_CBC, SHA1, S256);
        put(m, 0x00A8, "TLS_PSK_WITH_AES_128_GCM_SHA256", PSK, AES_128_GCM, AEAD, S256);
        put(m, 0x00A9, "TLS_PSK_WITH_AES_256_GCM_SHA384", PSK, AES_256_GCM, AEAD, S384);
        put(m, 0x00AE, "TLS_PSK_WITH_AES_128_CBC_SHA256", PSK, AES_128_CBC, SHA256, S256);
        put(m, 0x00AF, "TLS_PSK_WITH_AES_256_CBC_SHA384", PSK, AES_256_CBC, SHA384, S384);
        put(m, 0xC0A4, "TLS_PSK_WITH_AES_128_CCM", PSK, AES_128_CCM, AEAD, S256);
        put(m, 0xC0A5, "TLS_PSK_WITH_AES_256_CCM", PSK, AES_256_CCM, AEAD, S256);
        put(m, 0xC0A8, "TLS_PSK_WITH_AES_128_CCM_8", PSK, AES_128_CCM_8, AEAD, S256);
        put(m, 0xC0A9, "TLS_PSK_WITH_AES_256_CCM_8", PSK, AES_256_CCM_8, AEAD, S256);
        put(m, 0xCCAB, "TLS_PSK_WITH_CHACHA20_POLY1305_SHA256", PSK, CHACHA20_POLY1305, AEAD, S256);
        put(m, 0x00AA, "TLS_DHE_PSK_WITH_AES_128_GCM_SHA256", DHE_PSK, AES_128_GCM, AEAD, S256);
        put(m, 0x00AB, "TLS_DHE_PSK_WITH_AES_256_GCM_SHA384", DHE_PSK, AES_256_GCM, AEAD, S384);
        put(m, 0xCCAD, "TLS_DHE_PSK_WITH_CHACHA20_POLY1305_SHA256", DHE_PSK, CHACHA20_POLY1305, AEAD, S256);
        put(m, 0xC035, "TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA", ECDHE_PSK, AES_128_CBC, SHA1, S256);
        put(m, 0xC036, "TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA", ECDHE_PSK, AES_256_CBC, SHA1, S256);
        put(m, 0xC037, "TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256", ECDHE_PSK, AES_128_CBC, SHA256, S256);
        put(m, 0xC038, "TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA384", ECDHE_PSK, AES_256_CBC, SHA384, S384);
        put(m, 0xCCAC, "TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256", ECDHE_PSK, CHACHA20_POLY1305, AEAD, S256);
        // Camellia (RFC 5932: CBC with HMAC; RFC 6367: ECDHE CBC and GCM)
        put(m, 0x0041, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA", RSA, CAMELLIA_128_CBC, SHA1, S256);
        put(m, 0x0044, "TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA", DHE_DSS, CAMELLIA_128_CBC, SHA1, S256);
        put(m, 0x0045, "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA", DHE_RSA, CAMELLIA_128_CBC, SHA1, S256);
        put(m, 0x0084, "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA", RSA, CAMELLIA_256_CBC, SHA1, S256);
        put(m, 0x0087, "TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA", DHE_DSS, CAMELLIA_256_CBC, SHA1, S256);
        put(m, 0x0088, "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA", DHE_RSA, CAMELLIA_256_CBC, SHA1, S256);
        put(m, 0x00BA, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA256", RSA, CAMELLIA_128_CBC, SHA256, S256);
        put(m, 0x00BD, "TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA256", DHE_DSS, CAMELLIA_128_CBC, SHA256, S256);
        put(m, 0x00BE, "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA256", DHE_RSA, CAMELLIA_128_CBC, SHA256, S256);
        put(m, 0x00C0, "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA256", RSA, CAMELLIA_256_CBC, SHA256, S256);
        put(m, 0x00C3, "TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA256", DHE_DSS, CAMELLIA_256_CBC, SHA256, S256);
        put(m, 0x00C4, "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA256", DHE_RSA, CAMELLIA_256_CBC, SHA256, S256);
        put(m, 0xC072, "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_CBC_SHA256", ECDHE_ECDSA, CAMELLIA_128_CBC, SHA256, S256);
        put(m, 0xC073, "TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_CBC_SHA384", ECDHE_ECDSA, CAMELLIA_256_CBC, SHA384, S384);
        put(m, 0xC076, "TLS_ECDHE_RSA_WITH_CAMELLIA_128_CBC_SHA256", ECDHE_RSA, CAMELLIA_128_CBC, SHA256, S256);
        put(m, 0xC077, "TLS_ECDHE_RSA_WITH_CAMELLIA_256_CBC_SHA384", ECDHE_RSA, CAMELLIA_256_CBC, SHA384, S384);
        put(m, 0xC07A, "TLS_RSA_WITH_CAMELLIA_128_GCM_SHA256", RSA, CAMELLIA_128_GCM, AEAD, S256);
        put(m, 0xC07B, "TLS_RSA_WITH_CAMELLIA_256_GCM_SHA384", RSA, CAMELLIA_256_GCM, AEAD, S384);
        put(m, 0xC07C, "TLS_DHE_RSA_WITH_CAMELLIA_128_GCM_SHA256", DHE_RSA, CAMELLIA_128_GCM, AEAD, S256);
        put(m, 0xC07D, "TLS_DHE_RSA_WITH_CAMELLIA_256_GCM_SHA384", DHE_RSA, CAMELLIA_256_GCM, AEAD, S384);
        put(m, 0xC080, "TLS_DHE_DSS_WITH_CAMELLIA_128_GCM_SHA256", DHE_DSS, CAMELLIA_128_GCM, AEAD, S256);
        put(m, 0xC081, "TLS_DHE_DSS_WITH_CAMELLIA_256_GCM_SHA384", DHE_DSS, CAMELLIA_256_GCM, AEAD, S384);
        put(m, 0xC086, "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_GCM_SHA256", ECDHE_ECDSA, CAMELLIA_128_GCM, AEAD, S256);
        put(m, 0xC087, "TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_GCM_SHA384", ECDHE_ECDSA, CAMELLIA_256_GCM, AEAD, S384);
        put(m, 0xC08A, "TLS_ECDHE_RSA_WITH_CAMELLIA_128_GCM_SHA256", ECDHE_RSA, CAMELLIA_128_GCM, AEAD, S256);
        put(m, 0xC08B, "TLS_ECDHE_RSA_WITH_CAMELLIA_256_GCM_SHA384", ECDHE_RSA, CAMELLIA_256_GCM, AEAD, S384);
        put(m, 0xC094, "TLS_PSK_WITH_CAMELLIA_128_CBC_SHA256", PSK, CAMELLIA_128_CBC, SHA256, S256);
        put(m, 0xC095, "TLS_PSK_WITH_CAMELLIA_256_CBC_SHA384", PSK, CAMELLIA_256_CBC, SHA384, S384);
        put(m, 0xC096, "TLS_DHE_PSK_WITH_CAMELLIA_128_CBC_SHA256", DHE_PSK, CAMELLIA_128_CBC, SHA256, S256);
        put(m, 0xC097, "TLS_DHE_PSK_WITH_CAMELLIA_256_CBC_SHA384", DHE_PSK, CAMELLIA_256_CBC, SHA384, S384);
        put(m, 0xC098, "TLS_RSA_PSK_WITH_CAMELLIA_128_CBC_SHA256", RSA_PSK, CAMELLIA_128_CBC, SHA256, S256);
        put(m, 0xC099, "TLS_RSA_PSK_WITH_CAMELLIA_256_CBC_SHA384", RSA_PSK, CAMELLIA_256_CBC, SHA384, S384);
        put(m, 0xC09A, "TLS_ECDHE_PSK_WITH_CAMELLIA_128_CBC_SHA256", ECDHE_PSK, CAMELLIA_128_CBC, SHA256, S256);
        put(m, 0xC09B, "TLS_ECDHE_PSK_WITH_CAMELLIA_256_CBC_SHA384", ECDHE_PSK, CAMELLIA_256_CBC, SHA384, S384);
        // ARIA (RFC 6209)
        put(m, 0xC03C, "TLS_RSA_WITH_ARIA_128_CBC_SHA256", RSA, ARIA_128_CBC, SHA256, S256);
        put(m, 0xC03D, "TLS_RSA_WITH_ARIA_256_CBC_SHA384", RSA, ARIA_256_CBC, SHA384, S384);
        put(m, 0xC042, "TLS_DHE_DSS_WITH_ARIA_128_CBC_SHA256", DHE_DSS, ARIA_128_CBC, SHA256, S256);
        put(m, 0xC043, "TLS_DHE_DSS_WITH_ARIA_256_CBC_SHA384", DHE_DSS, ARIA_256_CBC, SHA384, S384);
        put(m, 0xC044, "TLS_DHE_RSA_WITH_ARIA_128_CBC_SHA256", DHE_RSA, ARIA_128_CBC, SHA256, S256);
        put(m, 0xC045, "TLS_DHE_RSA_WITH_ARIA_256_CBC_SHA384", DHE_RSA, ARIA_256_CBC, SHA384, S384);
        put(m, 0xC048, "TLS_ECDHE_ECDSA_WITH_ARIA_128_CBC_SHA256", ECDHE_ECDSA, ARIA_128_CBC, SHA256, S256);
        put(m, 0xC049, "TLS_ECDHE_ECDSA_WITH_ARIA_256_CBC_SHA384", ECDHE_ECDSA, ARIA_256_CBC, SHA384, S384);
        put(m, 0xC04C, "TLS_ECDHE_RSA_WITH_ARIA_128_CBC_SHA256", ECDHE_RSA, ARIA_128_CBC, SHA256, S256);
        put(m, 0xC04D, "TLS_ECDHE_RSA_WITH_ARIA_256_CBC_SHA384", ECDHE_RSA, ARIA_256_CBC, SHA384, S384);
        put(m, 0xC050, "TLS_RSA_WITH_ARIA_128_GCM_SHA256", RSA, ARIA_128_GCM, AEAD, S256);
        put(m, 0xC051, "TLS_RSA_WITH_ARIA_256_GCM_SHA384", RSA, ARIA_256_GCM, AEAD, S384);
        put(m, 0xC052, "TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256", DHE_RSA, ARIA_128_GCM, AEAD, S256);
        put(m, 0xC053, "TLS_DHE_RSA_WITH_ARIA_256_GCM_SHA384", DHE_RSA, ARIA_256_GCM, AEAD, S384);
        put(m, 0xC056, "TLS_DHE_DSS_WITH_ARIA_128_GCM_SHA256", DHE_DSS, ARIA_128_GCM, AEAD, S256);
        put(m, 0xC057, "TLS_DHE_DSS_WITH_ARIA_256_GCM_SHA384", DHE_DSS, ARIA_256_GCM, AEAD, S384);
        put(m, 0xC05C, "TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256", ECDHE_ECDSA, ARIA_128_GCM, AEAD, S256);
        put(m, 0xC05D, "TLS_ECDHE_ECDSA_WITH_ARIA_256_GCM_SHA384", ECDHE_ECDSA, ARIA_256_GCM, AEAD, S384);
        put(m, 0xC060, "TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256", ECDHE_RSA, ARIA_128_GCM, AEAD, S256);
        put(m, 0xC061, "TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384", ECDHE_RSA, ARIA_256_GCM, AEAD, S384);
        put(m, 0xC06A, "TLS_PSK_WITH_ARIA_128_GCM_SHA256", PSK, ARIA_128_GCM, AEAD, S256);
        put(m, 0xC06B, "TLS_PSK_WITH_ARIA_256_GCM_SHA384", PSK, ARIA_256_GCM, AEAD, S384);
        put(m, 0xC06C, "TLS_DHE_PSK_WITH_ARIA_128_GCM_SHA256", DHE_PSK, ARIA_128_GCM, AEAD, S256);
        put(m, 0xC06D, "TLS_DHE_PSK_WITH_ARIA_256_GCM_SHA384", DHE_PSK, ARIA_256_GCM, AEAD, S384);
        put(m, 0xC06E, "TLS_RSA_PSK_WITH_ARIA_128_GCM_SHA256", RSA_PSK, ARIA_128_GCM, AEAD, S256);
        put(m, 0xC06F, "TLS_RSA_PSK_WITH_ARIA_256_GCM_SHA384", RSA_PSK, ARIA_256_GCM, AEAD, S384);
        BY_ID = Collections.unmodifiableMap(m);
    }

    private CipherSuites() {
    }

    private static void put(Map<Integer, CipherSuite> m, int id, String name, KeyExchange kx, BulkCipher cipher,
                            MacAlgorithm mac, String prfHash) {
        m.put(id, new CipherSuite(id, name, kx, cipher, mac, prfHash));
    }

    /** The suite with this code point, or null if dissect cannot decrypt it. */
    public static CipherSuite find(int id) {
        return BY_ID.get(id);
    }

    /** Every suite, in code-point order. */
    public static Collection<CipherSuite> all() {
        return BY_ID.values();
    }
}
