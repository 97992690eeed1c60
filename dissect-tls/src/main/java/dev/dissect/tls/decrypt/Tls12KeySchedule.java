package dev.dissect.tls.decrypt;

import java.util.Arrays;

/**
 * The SSL 3.0 to TLS 1.2 key schedule: pre-master secret to master secret (RFC 5246 section 8.1), or to the
 * extended master secret over the session hash (RFC 7627 section 4), then the key block (RFC 5246 section 6.3).
 *
 * <pre>
 * master_secret = PRF(pre_master_secret, "master secret", client_random + server_random)[0..47]
 *               = PRF(pre_master_secret, "extended master secret", session_hash)[0..47]        with EMS
 * key_block     = PRF(master_secret, "key expansion", server_random + client_random)
 *               = client MAC key | server MAC key | client key | server key | client IV | server IV
 * </pre>
 *
 * @since 0.1
 */
public final class Tls12KeySchedule {
    private Tls12KeySchedule() {
    }

    /** The master secret from the pre-master secret and both randoms. */
    public static byte[] masterSecret(Prf prf, byte[] preMaster, byte[] clientRandom, byte[] serverRandom) {
        return prf.derive(preMaster, "master secret", Prf.concat(clientRandom, serverRandom), 48);
    }

    /**
     * The extended master secret (RFC 7627).
     *
     * @param sessionHash the transcript hash up to and including ClientKeyExchange: the PRF's hash in TLS 1.2,
     *                    MD5 and SHA-1 side by side before
     */
    public static byte[] extendedMasterSecret(Prf prf, byte[] preMaster, byte[] sessionHash) {
        return prf.derive(preMaster, "extended master secret", sessionHash, 48);
    }

    /** Splits the key block of {@code suite} into both sides' MAC keys, cipher keys and IVs. */
    public static KeyBlock keyBlock(Prf prf, CipherSuite suite, byte[] masterSecret, byte[] clientRandom,
                                    byte[] serverRandom) {
        int mac = suite.mac().length();
        int key = suite.cipher().keyLength();
        int iv = suite.cipher().fixedIvLength();
        byte[] b = prf.derive(masterSecret, "key expansion", Prf.concat(serverRandom, clientRandom),
                2 * (mac + key + iv));
        int at = 0;
        byte[] clientMac = Arrays.copyOfRange(b, at, at += mac);
        byte[] serverMac = Arrays.copyOfRange(b, at, at += mac);
        byte[] clientKey = Arrays.copyOfRange(b, at, at += key);
        byte[] serverKey = Arrays.copyOfRange(b, at, at += key);
        byte[] clientIv = Arrays.copyOfRange(b, at, at += iv);
        byte[] serverIv = Arrays.copyOfRange(b, at, at + iv);
        return new KeyBlock(clientMac, serverMac, clientKey, serverKey, clientIv, serverIv);
    }

    /**
     * Both sides' keys from the key block.
     *
     * @since 0.1
     */
    public record KeyBlock(byte[] clientMacKey, byte[] serverMacKey, byte[] clientKey, byte[] serverKey,
                           byte[] clientIv, byte[] serverIv) {

        /** The decryptor of the records {@code client} (or the server) sends. */
        public RecordDecryptor decryptor(boolean client, int version, CipherSuite suite, boolean encryptThenMac) {
            return client
                    ? RecordDecryptor.tls12(version, suite, clientMacKey, clientKey, clientIv, encryptThenMac)
                    : RecordDecryptor.tls12(version, suite, serverMacKey, serverKey, serverIv, encryptThenMac);
        }
    }
}
