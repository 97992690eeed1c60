package dev.dissect.tls.decrypt;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes the verify_data a Finished message must carry.
 *
 * <ul>
 *   <li>TLS 1.0 to 1.2 (RFC 5246 section 7.4.9): {@code PRF(master_secret, "client finished" | "server finished",
 *       Hash(handshake_messages))[0..11]}, where the hash is MD5 and SHA-1 side by side before TLS 1.2 and the
 *       PRF's hash in TLS 1.2.</li>
 *   <li>SSL 3.0 (RFC 6101 section 5.6.9): MD5 and SHA-1 of master secret, pads and the messages followed by the
 *       sender ({@code CLNT} or {@code SRVR}); 36 bytes.</li>
 *   <li>TLS 1.3 (RFC 8446 section 4.4.4): {@code HMAC(finished_key, Transcript-Hash(...))} with
 *       {@code finished_key} from the sender's handshake traffic secret.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class FinishedVerifyData {
    private static final byte[] SENDER_CLIENT = {0x43, 0x4C, 0x4E, 0x54};
    private static final byte[] SENDER_SERVER = {0x53, 0x52, 0x56, 0x52};

    private FinishedVerifyData() {
    }

    /**
     * TLS 1.0 to 1.2 verify_data (12 bytes).
     *
     * @param handshakeHash the transcript hash before this Finished: {@link TranscriptHash#snapshotMd5Sha1()}
     *                      before TLS 1.2, {@code snapshot(prf.hashName())} in TLS 1.2
     */
    public static byte[] tls(Prf prf, byte[] masterSecret, boolean client, byte[] handshakeHash) {
        return prf.derive(masterSecret, client ? "client finished" : "server finished", handshakeHash, 12);
    }

    /** SSL 3.0 verify_data (36 bytes) over the transcript before this Finished. */
    public static byte[] ssl3(byte[] masterSecret, boolean client, TranscriptHash transcript) {
        byte[] sender = client ? SENDER_CLIENT : SENDER_SERVER;
        byte[] md5 = ssl3Half(transcript.copy("MD5"), masterSecret, sender);
        byte[] sha = ssl3Half(transcript.copy("SHA-1"), masterSecret, sender);
        return Prf.concat(md5, sha);
    }

    private static byte[] ssl3Half(MessageDigest inner, byte[] master, byte[] sender) {
        inner.update(sender);
        inner.update(master);
        inner.update(Ssl3Pads.pad1(inner));
        return Ssl3Pads.outer(inner, master, inner.digest());
    }

    /**
     * TLS 1.3 verify_data.
     *
     * @param hash                    the suite's hash ({@code SHA-256} or {@code SHA-384})
     * @param handshakeTrafficSecret  the sender's handshake traffic secret
     * @param transcriptHash          the transcript hash before this Finished
     */
    public static byte[] tls13(String hash, byte[] handshakeTrafficSecret, byte[] transcriptHash) {
        byte[] finishedKey = Tls13KeySchedule.finishedKey(hash, handshakeTrafficSecret);
        String hmac = hash.equals("SHA-384") ? "HmacSHA384" : "HmacSHA256";
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(finishedKey, hmac));
            return mac.doFinal(transcriptHash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA lacks " + hmac, e);
        }
    }
}
