package dev.dissect.tls.cert;

/**
 * What a {@link ValidationCheck} looked at. Each has a field {@code tls.cert_validation.<name>} with the worst
 * outcome of its checks.
 *
 * @since 0.1
 */
public enum CheckKind {
    /** A path from the leaf to a trust anchor, with good signatures and RFC 5280 path processing (PKIX). */
    TRUST("trust"),
    /** Every certificate of the path valid at the given instant. */
    VALIDITY("validity"),
    /** The leaf names the host (RFC 6125). */
    HOSTNAME("hostname"),
    /** No certificate of the path revoked: stapled OCSP, supplied CRLs, or a fetcher. */
    REVOCATION("revocation"),
    /** Key usage, extended key usage (serverAuth), basic constraints and path length. */
    USAGE("usage"),
    /** Weak signatures (MD5, SHA-1) and keys (RSA and DSA below 2048 bits, EC below 224). */
    ALGORITHMS("algorithms");

    private final String fieldSuffix;

    CheckKind(String fieldSuffix) {
        this.fieldSuffix = fieldSuffix;
    }

    /** The last part of the field name, for example {@code trust}. */
    public String fieldSuffix() {
        return fieldSuffix;
    }
}
