package dev.dissect.tls.decrypt;

import dev.dissect.api.buffer.ByteView;
import java.util.Objects;

/**
 * What came of one record: its plaintext and true content type, or why there is none.
 *
 * <p><b>A record that does not decrypt is a result, never an exception</b>: a flipped byte gives
 * {@link Status#AUTHENTICATION_FAILED} (or {@link Status#BAD_PADDING} for CBC), a record too short for its IV,
 * tag or MAC gives {@link Status#BAD_LENGTH}. The plaintext array belongs to the caller.
 *
 * @param status         what happened
 * @param contentType    the record's content type: the inner one in TLS 1.3, else the header's; -1 if unknown
 * @param plaintext      the plaintext (MAC, padding, explicit nonce and tag removed); empty unless {@link #ok()}
 * @param sequenceNumber the record sequence number used (-1 if none)
 * @param detail         specifics for a report; empty when OK
 * @since 0.1
 */
public record DecryptResult(Status status, int contentType, byte[] plaintext, long sequenceNumber, String detail) {
    private static final byte[] NONE = new byte[0];

    /** What happened to a record. */
    public enum Status {
        /** Decrypted and authenticated. */
        OK,
        /** The direction is not encrypted yet (before ChangeCipherSpec or, in TLS 1.3, before ServerHello). */
        NOT_PROTECTED,
        /** Encrypted, but this session has no keys for it; {@link #detail()} says why. */
        NO_KEYS,
        /** The AEAD tag or the MAC did not match: a changed byte, the wrong key or the wrong sequence number. */
        AUTHENTICATION_FAILED,
        /** CBC padding was malformed (which, like a bad MAC, means the record was changed or the key is wrong). */
        BAD_PADDING,
        /** Too short, or not a whole number of blocks, for the cipher's nonce, tag, MAC or padding. */
        BAD_LENGTH,
        /** TLS 1.3: the plaintext was all zeros, no content type (RFC 8446 section 5.4). */
        NO_CONTENT_TYPE
    }

    public DecryptResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(detail, "detail");
    }

    static DecryptResult ok(int contentType, byte[] plaintext, long seq) {
        return new DecryptResult(Status.OK, contentType, plaintext, seq, "");
    }

    static DecryptResult failed(Status status, int contentType, long seq, String detail) {
        return new DecryptResult(status, contentType, NONE, seq, detail);
    }

    /** Not encrypted: the caller dissects the record's bytes as they are. */
    public static DecryptResult notProtected(int contentType) {
        return new DecryptResult(Status.NOT_PROTECTED, contentType, NONE, -1, "");
    }

    /** Encrypted with keys this session does not have. */
    public static DecryptResult noKeys(int contentType, String why) {
        return new DecryptResult(Status.NO_KEYS, contentType, NONE, -1, why);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** The plaintext as a view (allocates the view). */
    public ByteView view() {
        return ByteView.of(plaintext);
    }

    /** Plaintext length. */
    public int length() {
        return plaintext.length;
    }
}
