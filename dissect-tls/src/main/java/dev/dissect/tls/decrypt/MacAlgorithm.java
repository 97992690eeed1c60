package dev.dissect.tls.decrypt;

/**
 * The record MAC of a TLS 1.2 (or earlier) cipher suite; {@link #AEAD} when the cipher authenticates itself.
 *
 * @since 0.1
 */
public enum MacAlgorithm {
    AEAD(null, null, 0),
    MD5("HmacMD5", "MD5", 16),
    SHA1("HmacSHA1", "SHA-1", 20),
    SHA256("HmacSHA256", "SHA-256", 32),
    SHA384("HmacSHA384", "SHA-384", 48);

    private final String hmacName;
    private final String digestName;
    private final int length;

    MacAlgorithm(String hmacName, String digestName, int length) {
        this.hmacName = hmacName;
        this.digestName = digestName;
        this.length = length;
    }

    /** The JCA name of the HMAC, or null for {@link #AEAD}. */
    public String hmacName() {
        return hmacName;
    }

    /** The JCA name of the digest (SSL 3.0 builds its MAC from it), or null for {@link #AEAD}. */
    public String digestName() {
        return digestName;
    }

    /** MAC (and MAC key) length in bytes; 0 for {@link #AEAD}. */
    public int length() {
        return length;
    }
}
