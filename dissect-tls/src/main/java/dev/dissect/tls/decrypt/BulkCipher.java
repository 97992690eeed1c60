package dev.dissect.tls.decrypt;

/**
 * The record cipher of a cipher suite and the sizes the key schedule needs: key, implicit (fixed) IV, explicit
 * per-record nonce, block and tag.
 *
 * <p>AEAD nonces: TLS 1.2 GCM (AES, Camellia, ARIA) and CCM take a 4-byte implicit salt from the key block and an 8-byte explicit nonce
 * from each record (RFC 5288 section 3, RFC 6655 section 3); ChaCha20-Poly1305 XORs a 12-byte IV with the sequence
 * number (RFC 7905 section 2); TLS 1.3 does the same for every AEAD with a 12-byte IV (RFC 8446 section 5.3).
 *
 * @since 0.1
 */
public enum BulkCipher {
    NULL(Kind.STREAM, "", 0, 0, 0, 0, 0),
    RC4_128(Kind.STREAM, "ARCFOUR", 16, 0, 0, 0, 0),
    TRIPLE_DES_EDE_CBC(Kind.CBC, "DESede", 24, 8, 0, 8, 0),
    AES_128_CBC(Kind.CBC, "AES", 16, 16, 0, 16, 0),
    AES_256_CBC(Kind.CBC, "AES", 32, 16, 0, 16, 0),
    CAMELLIA_128_CBC(Kind.CBC, "Camellia", 16, 16, 0, 16, 0),
    CAMELLIA_256_CBC(Kind.CBC, "Camellia", 32, 16, 0, 16, 0),
    ARIA_128_CBC(Kind.CBC, "ARIA", 16, 16, 0, 16, 0),
    ARIA_256_CBC(Kind.CBC, "ARIA", 32, 16, 0, 16, 0),
    AES_128_GCM(Kind.GCM, "AES", 16, 4, 8, 16, 16),
    AES_256_GCM(Kind.GCM, "AES", 32, 4, 8, 16, 16),
    CAMELLIA_128_GCM(Kind.GCM, "Camellia", 16, 4, 8, 16, 16),
    CAMELLIA_256_GCM(Kind.GCM, "Camellia", 32, 4, 8, 16, 16),
    ARIA_128_GCM(Kind.GCM, "ARIA", 16, 4, 8, 16, 16),
    ARIA_256_GCM(Kind.GCM, "ARIA", 32, 4, 8, 16, 16),
    AES_128_CCM(Kind.CCM, "AES", 16, 4, 8, 16, 16),
    AES_256_CCM(Kind.CCM, "AES", 32, 4, 8, 16, 16),
    AES_128_CCM_8(Kind.CCM, "AES", 16, 4, 8, 16, 8),
    AES_256_CCM_8(Kind.CCM, "AES", 32, 4, 8, 16, 8),
    CHACHA20_POLY1305(Kind.CHACHA20_POLY1305, "ChaCha20", 32, 12, 0, 1, 16);

    /** How records are protected. */
    public enum Kind { STREAM, CBC, GCM, CCM, CHACHA20_POLY1305 }

    private final Kind kind;
    private final String algorithm;
    private final int keyLength;
    private final int fixedIvLength;
    private final int explicitNonceLength;
    private final int blockLength;
    private final int tagLength;

    BulkCipher(Kind kind, String algorithm, int keyLength, int fixedIvLength, int explicitNonceLength, int blockLength, int tagLength) {
        this.kind = kind;
        this.algorithm = algorithm;
        this.keyLength = keyLength;
        this.fixedIvLength = fixedIvLength;
        this.explicitNonceLength = explicitNonceLength;
        this.blockLength = blockLength;
        this.tagLength = tagLength;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The block or stream cipher: {@code AES}, {@code DESede}, {@code Camellia} (RFC 5932, RFC 6367), {@code ARIA}
     * (RFC 6209), {@code ARCFOUR}, {@code ChaCha20}; empty for NULL.
     */
    public String algorithm() {
        return algorithm;
    }

    /** True for GCM, CCM and ChaCha20-Poly1305. */
    public boolean isAead() {
        return kind == Kind.GCM || kind == Kind.CCM || kind == Kind.CHACHA20_POLY1305;
    }

    public int keyLength() {
        return keyLength;
    }

    /**
     * IV bytes taken from the TLS 1.2 key block: the CBC IV (used as such by SSL 3.0 and TLS 1.0 only), the AEAD
     * salt (4) or the ChaCha20 IV (12).
     */
    public int fixedIvLength() {
        return fixedIvLength;
    }

    /** Nonce bytes carried at the start of each TLS 1.2 record: 8 for GCM and CCM, else 0. */
    public int explicitNonceLength() {
        return explicitNonceLength;
    }

    /** The cipher's block size; 1 for stream ciphers and ChaCha20, 0 for NULL. */
    public int blockLength() {
        return blockLength;
    }

    /** The AEAD tag length; 0 for non-AEAD ciphers. */
    public int tagLength() {
        return tagLength;
    }
}
