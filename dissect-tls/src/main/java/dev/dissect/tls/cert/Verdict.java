package dev.dissect.tls.cert;

/**
 * The answer for a whole chain.
 *
 * @since 0.1
 */
public enum Verdict {
    /** Every check passed or warned (revocation may be unknown unless it was required). */
    VALID,
    /** At least one check failed. */
    INVALID,
    /** Nothing failed, but trust (or required revocation) could not be decided. */
    UNKNOWN;

    /** The field value: {@code valid}, {@code invalid}, {@code unknown}. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
