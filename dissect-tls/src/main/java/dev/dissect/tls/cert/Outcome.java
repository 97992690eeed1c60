package dev.dissect.tls.cert;

/**
 * How one check came out, from worst to best: {@link #FAIL}, {@link #UNKNOWN}, {@link #WARN}, {@link #PASS},
 * {@link #SKIPPED}.
 *
 * @since 0.1
 */
public enum Outcome {
    /** The client would reject the chain for this. */
    FAIL,
    /** Could not be decided from what we have (no revocation information; an issuer nobody sent). */
    UNKNOWN,
    /** Accepted, but worth a look (a weak algorithm). */
    WARN,
    PASS,
    /** Not asked for (no host name given). */
    SKIPPED;

    /** The field value: {@code fail}, {@code unknown}, {@code warn}, {@code pass}, {@code skipped}. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The worse of the two. */
    public Outcome worse(Outcome other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}
