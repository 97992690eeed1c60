package dev.dissect.tls.decrypt;

import java.util.Objects;

/**
 * What decryption needs to know about a cipher suite: its key exchange, record cipher, record MAC and the hash of
 * its PRF (TLS 1.2) or HKDF (TLS 1.3).
 *
 * @param id          the two-byte code point, for example {@code 0x1301}
 * @param name        the IANA name, for example {@code TLS_AES_128_GCM_SHA256}
 * @param keyExchange how the pre-master secret is agreed
 * @param cipher      the record cipher
 * @param mac         the record MAC, {@link MacAlgorithm#AEAD} for AEAD ciphers
 * @param prfHash     JCA digest name of the TLS 1.2 PRF and of the TLS 1.3 HKDF and transcript: {@code SHA-256}
 *                    unless the suite names SHA-384
 * @since 0.1
 */
public record CipherSuite(int id, String name, KeyExchange keyExchange, BulkCipher cipher, MacAlgorithm mac,
                          String prfHash) {
    public CipherSuite {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyExchange, "keyExchange");
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(prfHash, "prfHash");
    }

    /** True for the TLS 1.3 suites ({@code 0x13xx}). */
    public boolean isTls13() {
        return keyExchange == KeyExchange.TLS13;
    }

    /** Output length of {@link #prfHash()}: 32 or 48. */
    public int hashLength() {
        return prfHash.equals("SHA-384") ? 48 : 32;
    }

    @Override
    public String toString() {
        return name + String.format(" (0x%04x)", id);
    }
}
