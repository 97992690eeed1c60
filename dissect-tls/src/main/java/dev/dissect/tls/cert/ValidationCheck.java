package dev.dissect.tls.cert;

import java.util.Objects;

/**
 * One check's result about one certificate (or the whole chain).
 *
 * @param kind       what was checked
 * @param outcome    how it came out
 * @param chainIndex the certificate's index in the Certificate message as sent, or -1 if it was not sent (a trust
 *                   anchor, a user-supplied intermediate) or the check is about the whole chain
 * @param subject    the certificate's subject (RFC 4514), or the empty string for the whole chain
 * @param message    what was found, for a human
 * @since 0.1
 */
public record ValidationCheck(CheckKind kind, Outcome outcome, int chainIndex, String subject, String message) {
    public ValidationCheck {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    /** One line: {@code usage fail [0 CN=www.example.com]: extended key usage lacks serverAuth}. */
    @Override
    public String toString() {
        String who = chainIndex >= 0 ? chainIndex + " " + subject : subject.isEmpty() ? "chain" : subject;
        return kind.fieldSuffix() + " " + outcome.text() + " [" + who + "]: " + message;
    }
}
