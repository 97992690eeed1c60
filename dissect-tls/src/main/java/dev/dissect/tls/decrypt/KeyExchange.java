package dev.dissect.tls.decrypt;

/**
 * How a cipher suite agrees on the pre-master secret; only {@link #RSA} can be undone with the server's private
 * key, everything else needs a key log.
 *
 * @since 0.1
 */
public enum KeyExchange {
    RSA, DHE_RSA, DHE_DSS, ECDHE_RSA, ECDHE_ECDSA, ECDH_RSA, ECDH_ECDSA, PSK, DHE_PSK, ECDHE_PSK, RSA_PSK,
    /** Anonymous ECDH (no certificate): decrypts with a key log only. */
    ECDH_ANON,
    /** TLS 1.3: the suite names no key exchange. */
    TLS13
}
