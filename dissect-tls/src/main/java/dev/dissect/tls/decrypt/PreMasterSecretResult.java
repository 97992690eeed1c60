package dev.dissect.tls.decrypt;

import java.util.Objects;

/**
 * What came of decrypting an RSA-encrypted pre-master secret (RFC 5246 section 7.4.7.1).
 *
 * @param status what happened
 * @param secret the 48-byte pre-master secret when {@link Status#OK} or {@link Status#VERSION_MISMATCH}, else null
 * @param detail specifics for a report; empty when OK
 * @since 0.1
 */
public record PreMasterSecretResult(Status status, byte[] secret, String detail) {
    /** What happened. */
    public enum Status {
        OK,
        /** The ciphertext is not as long as the key's modulus: another key, or not an RSA key exchange. */
        WRONG_KEY_SIZE,
        /** PKCS#1 v1.5 padding was wrong: the wrong key, or a broken message. */
        DECRYPTION_FAILED,
        /** Decrypted, but not 48 bytes. */
        BAD_LENGTH,
        /**
         * 48 bytes whose first two are not ClientHello.client_version. Some old clients send the negotiated version
         * instead; the secret is returned so the caller may try it.
         */
        VERSION_MISMATCH
    }

    public PreMasterSecretResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
