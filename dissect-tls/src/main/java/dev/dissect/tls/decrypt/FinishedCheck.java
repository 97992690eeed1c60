package dev.dissect.tls.decrypt;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * The outcome of checking one Finished message: its verify_data matched what the transcript and the keys say it
 * must be, did not, or could not be checked (and why).
 *
 * @param verdict  verified, mismatch or not possible
 * @param reason   why not possible, or what mismatched; never null (empty when verified)
 * @param expected the verify_data computed here, or null when not possible
 * @param received the verify_data in the message, or null when not seen
 * @since 0.1
 */
public record FinishedCheck(Verdict verdict, String reason, byte[] expected, byte[] received) {
    /** Verified, mismatch, or not possible. */
    public enum Verdict { VERIFIED, MISMATCH, NOT_POSSIBLE }

    public FinishedCheck {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    /** A check that could not be made, with the reason ("no master secret: no key log entry ..."). */
    public static FinishedCheck notPossible(String reason) {
        return new FinishedCheck(Verdict.NOT_POSSIBLE, reason, null, null);
    }

    /** Compares (in constant time, out of habit) what was computed with what was received. */
    public static FinishedCheck compare(byte[] expected, byte[] received) {
        boolean same = MessageDigest.isEqual(expected, received);
        return new FinishedCheck(same ? Verdict.VERIFIED : Verdict.MISMATCH,
                same ? "" : "verify_data differs from the one computed from the transcript", expected, received);
    }

    public boolean verified() {
        return verdict == Verdict.VERIFIED;
    }
}
