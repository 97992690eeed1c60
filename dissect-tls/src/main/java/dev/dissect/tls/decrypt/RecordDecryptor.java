package dev.dissect.tls.decrypt;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.tls.decrypt.DecryptResult.Status;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.ARIAEngine;
import org.bouncycastle.crypto.engines.CamelliaEngine;
import org.bouncycastle.crypto.modes.AEADBlockCipher;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Removes the protection of one direction's records: decrypts, authenticates, strips padding, explicit nonces,
 * MACs and tags, and counts the record sequence number.
 *
 * <p><b>Primitives come from the JCA and bcprov</b> (AES-GCM, ChaCha20-Poly1305, AES-CBC, 3DES-CBC, RC4, HMAC:
 * JCA; AES-CCM, Camellia and ARIA in CBC and GCM: bcprov's lightweight API, no provider registered); this class only lays out nonces, additional data and MACs as the RFCs say:
 * <pre>
 * TLS 1.3 (RFC 8446 5.2-5.4)    nonce = iv XOR seq; aad = record header; plaintext = content | type | zeros
 * TLS 1.2 GCM/CCM (RFC 5288, 6655) record = explicit_nonce(8) | ciphertext | tag; nonce = salt(4) | explicit(8)
 * TLS 1.2 ChaCha20 (RFC 7905)   nonce = iv(12) XOR seq; no explicit nonce
 *                               aad = seq(8) | type | version | plaintext length
 * CBC, MAC-then-encrypt         record = [IV (TLS 1.1+)] | E(content | MAC | padding | padding_length)
 * CBC, encrypt-then-MAC (7366)  record = [IV] | E(content | padding | padding_length) | MAC over IV and ciphertext
 * </pre>
 *
 * <p><b>Every record advances the sequence number</b>, whether or not it authenticated, so one damaged record does
 * not make the rest of the direction undecryptable. A failed record is a typed {@link DecryptResult}, never an
 * exception. One plaintext array is allocated per record (at most 2^14 + 256 bytes, the record limit).
 *
 * <p>Not thread-safe: one per direction of a connection.
 *
 * @since 0.1
 */
public final class RecordDecryptor {
    private static final int MAX_CIPHERTEXT = (1 << 14) + 2048;

    private final int version;
    private final CipherSuite suite;
    private final BulkCipher bulk;
    private final MacAlgorithm macAlgorithm;
    private final boolean encryptThenMac;
    private byte[] trafficSecret; // TLS 1.3 only
    private byte[] key;
    private byte[] iv;
    private final byte[] macKey;
    private long seq;

    private Cipher jca;
    /** bcprov AEAD: AES-CCM, Camellia-GCM, ARIA-GCM */
    private AEADBlockCipher bcAead;
    /** bcprov CBC: Camellia, ARIA */
    private BlockCipher bcCbc;
    private Mac mac;
    private byte[] in = new byte[256];

    private RecordDecryptor(int version, CipherSuite suite, byte[] macKey, byte[] key, byte[] iv,
                            boolean encryptThenMac) {
        this.version = version;
        this.suite = suite;
        this.bulk = suite.cipher();
        this.macAlgorithm = version == ProtocolVersion.TLS_1_3 ? MacAlgorithm.AEAD : suite.mac();
        this.macKey = macKey;
        this.key = key;
        this.iv = iv;
        this.encryptThenMac = encryptThenMac && bulk.kind() == BulkCipher.Kind.CBC;
        init();
    }

    /**
     * A decryptor for SSL 3.0 to TLS 1.2 from one side's part of the key block.
     *
     * @param macKey         the MAC key (empty for AEAD suites)
     * @param key            the cipher key
     * @param fixedIv        the key block's IV: CBC IV (used before TLS 1.1 only), AEAD salt or ChaCha20 IV
     * @param encryptThenMac whether both hellos carried encrypt_then_mac (RFC 7366; ignored unless CBC)
     */
    public static RecordDecryptor tls12(int version, CipherSuite suite, byte[] macKey, byte[] key, byte[] fixedIv,
                                        boolean encryptThenMac) {
        if (suite.isTls13() || version >= ProtocolVersion.TLS_1_3) {
            throw new IllegalArgumentException(suite + " with " + ProtocolVersion.name(version));
        }
        return new RecordDecryptor(version, suite, macKey, key, fixedIv, encryptThenMac);
    }

    /**
     * A decryptor for a NULL-cipher suite whose keys are unknown: the record body is the content and its MAC, and
     * the MAC is removed unchecked. tshark 4.0 shows such records' contents without a key log too.
     */
    public static RecordDecryptor nullCipherWithoutKeys(int version, CipherSuite suite) {
        if (suite.cipher() != BulkCipher.NULL || suite.isTls13() || version >= ProtocolVersion.TLS_1_3) {
            throw new IllegalArgumentException(suite + " with " + ProtocolVersion.name(version));
        }
        return new RecordDecryptor(version, suite, null, new byte[0], new byte[0], false);
    }

    /** A TLS 1.3 decryptor from a traffic secret (handshake, application or early). */
    public static RecordDecryptor tls13(CipherSuite suite, byte[] trafficSecret) {
        if (!suite.isTls13()) {
            throw new IllegalArgumentException(suite + " is not a TLS 1.3 suite");
        }
        RecordDecryptor d = new RecordDecryptor(ProtocolVersion.TLS_1_3, suite, new byte[0],
                Tls13KeySchedule.trafficKey(suite, trafficSecret), Tls13KeySchedule.trafficIv(suite, trafficSecret),
                false);
        d.trafficSecret = trafficSecret.clone();
        return d;
    }

    private void init() {
        try {
            switch (bulk.kind()) {
                case GCM -> {
                    if (jcaHasIt()) {
                        jca = Cipher.getInstance("AES/GCM/NoPadding");
                    } else {
                        bcAead = GCMBlockCipher.newInstance(bcEngine());
                    }
                }
                case CHACHA20_POLY1305 -> jca = Cipher.getInstance("ChaCha20-Poly1305");
                case CCM -> bcAead = CCMBlockCipher.newInstance(AESEngine.newInstance());
                case CBC -> {
                    if (jcaHasIt()) {
                        jca = Cipher.getInstance(bulk.algorithm() + "/CBC/NoPadding");
                    } else {
                        bcCbc = CBCBlockCipher.newInstance(bcEngine());
                    }
                }
                case STREAM -> {
                    if (bulk == BulkCipher.RC4_128) {
                        jca = Cipher.getInstance("ARCFOUR");
                        jca.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
                    }
                }
            }
            if (macAlgorithm != MacAlgorithm.AEAD && version != ProtocolVersion.SSL_3_0 && macKey != null) {
                mac = Mac.getInstance(macAlgorithm.hmacName());
                mac.init(new SecretKeySpec(macKey, macAlgorithm.hmacName()));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA cannot provide " + suite, e);
        }
    }

    /** AES and 3DES come from the JCA; Camellia and ARIA from bcprov's engines. */
    private boolean jcaHasIt() {
        return bulk.algorithm().equals("AES") || bulk.algorithm().equals("DESede");
    }

    private BlockCipher bcEngine() {
        return bulk.algorithm().equals("ARIA") ? new ARIAEngine() : new CamelliaEngine();
    }

    /** The protocol version the records follow. */
    public int version() {
        return version;
    }

    public CipherSuite suite() {
        return suite;
    }

    /** The sequence number of the next record. */
    public long sequenceNumber() {
        return seq;
    }

    /** Sets the sequence number of the next record (tests; a capture that starts mid-connection). */
    public void setSequenceNumber(long next) {
        this.seq = next;
    }

    /**
     * TLS 1.3 KeyUpdate (RFC 8446 section 4.6.3): moves to the next generation of the traffic secret and restarts
     * the sequence number. Call after the record that carried this direction's KeyUpdate.
     *
     * @throws IllegalStateException before TLS 1.3
     */
    public void keyUpdate() {
        if (trafficSecret == null) {
            throw new IllegalStateException("KeyUpdate is TLS 1.3 only");
        }
        trafficSecret = Tls13KeySchedule.nextTrafficSecret(suite.prfHash(), trafficSecret);
        key = Tls13KeySchedule.trafficKey(suite, trafficSecret);
        iv = Tls13KeySchedule.trafficIv(suite, trafficSecret);
        seq = 0;
    }

    /**
     * Decrypts the record body {@code [offset, offset + length)} (the bytes after the five-byte header).
     *
     * @param contentType   the header's content type (23 for every TLS 1.3 encrypted record)
     * @param recordVersion the header's version, as authenticated by TLS 1.2 AEAD and TLS 1.3
     */
    public DecryptResult decrypt(int contentType, int recordVersion, ByteView data, int offset, int length) {
        long n = seq++;
        if (length > MAX_CIPHERTEXT) {
            return DecryptResult.failed(Status.BAD_LENGTH, contentType, n, "record of " + length + " bytes");
        }
        if (in.length < length) {
            in = new byte[Math.max(length, in.length * 2)];
        }
        data.copyTo(offset, in, 0, length);
        try {
            if (version == ProtocolVersion.TLS_1_3) {
                return tls13(contentType, recordVersion, length, n);
            }
            return switch (bulk.kind()) {
                case GCM, CCM, CHACHA20_POLY1305 -> aead12(contentType, recordVersion, length, n);
                case CBC -> encryptThenMac ? cbcEncryptThenMac(contentType, recordVersion, length, n)
                        : cbcMacThenEncrypt(contentType, recordVersion, length, n);
                case STREAM -> stream(contentType, recordVersion, length, n);
            };
        } catch (GeneralSecurityException | InvalidCipherTextException e) {
            return DecryptResult.failed(Status.AUTHENTICATION_FAILED, contentType, n, e.getMessage());
        }
    }

    // ---------------------------------------------------------------- TLS 1.3

    private DecryptResult tls13(int contentType, int recordVersion, int length, long n)
            throws GeneralSecurityException, InvalidCipherTextException {
        int tag = bulk.tagLength();
        if (length < tag + 1) {
            return DecryptResult.failed(Status.BAD_LENGTH, contentType, n,
                    "record of " + length + " bytes, tag alone is " + tag);
        }
        byte[] aad = {(byte) contentType, (byte) (recordVersion >>> 8), (byte) recordVersion,
                (byte) (length >>> 8), (byte) length};
        byte[] plain = new byte[length - tag];
        if (!aeadOpen(xorSequence(iv, n), aad, 0, length, plain)) {
            return DecryptResult.failed(Status.AUTHENTICATION_FAILED, contentType, n, "AEAD tag mismatch");
        }
        int end = plain.length;
        while (end > 0 && plain[end - 1] == 0) {
            end--;
        }
        if (end == 0) {
            return DecryptResult.failed(Status.NO_CONTENT_TYPE, -1, n, "plaintext is all zeros");
        }
        return DecryptResult.ok(plain[end - 1] & 0xFF, Arrays.copyOf(plain, end - 1), n);
    }

    // ---------------------------------------------------------------- TLS 1.2 AEAD

    private DecryptResult aead12(int contentType, int recordVersion, int length, long n)
            throws GeneralSecurityException, InvalidCipherTextException {
        int explicit = bulk.explicitNonceLength();
        int tag = bulk.tagLength();
        if (length < explicit + tag) {
            return DecryptResult.failed(Status.BAD_LENGTH, contentType, n,
                    "record of " + length + " bytes, nonce and tag need " + (explicit + tag));
        }
        byte[] nonce;
        if (explicit > 0) {
            nonce = new byte[iv.length + explicit];
            System.arraycopy(iv, 0, nonce, 0, iv.length);
            System.arraycopy(in, 0, nonce, iv.length, explicit);
        } else {
            nonce = xorSequence(iv, n);
        }
        int plainLength = length - explicit - tag;
        byte[] plain = new byte[plainLength];
        if (!aeadOpen(nonce, additionalData(n, contentType, recordVersion, plainLength), explicit,
                length - explicit, plain)) {
            return DecryptResult.failed(Status.AUTHENTICATION_FAILED, contentType, n, "AEAD tag mismatch");
        }
        return DecryptResult.ok(contentType, plain, n);
    }

    /** Opens {@code in[from, from + len)} (ciphertext and tag) into {@code out}; false if the tag is wrong. */
    private boolean aeadOpen(byte[] nonce, byte[] aad, int from, int len, byte[] out)
            throws GeneralSecurityException, InvalidCipherTextException {
        if (bcAead != null) {
            bcAead.init(false, new AEADParameters(new KeyParameter(key), bulk.tagLength() * 8, nonce, aad));
            int done = bcAead.processBytes(in, from, len, out, 0);
            try {
                bcAead.doFinal(out, done);
            } catch (InvalidCipherTextException e) {
                return false;
            }
            return true;
        }
        if (bulk.kind() == BulkCipher.Kind.GCM) {
            jca.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        } else {
            jca.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
        }
        jca.updateAAD(aad);
        try {
            jca.doFinal(in, from, len, out, 0);
        } catch (AEADBadTagException e) {
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- CBC

    private DecryptResult cbcMacThenEncrypt(int contentType, int recordVersion, int length, long n)
            throws GeneralSecurityException {
        int block = bulk.blockLength();
        int explicitIv = version >= ProtocolVersion.TLS_1_1 ? block : 0;
        int macLength = macAlgorithm.length();
        if (length < explicitIv + block || (length - explicitIv) % block != 0
                || length - explicitIv < macLength + 1) {
            chainIv(length);
            return DecryptResult.failed(Status.BAD_LENGTH, contentType, n,
                    "record of " + length + " bytes for a " + block + "-byte block cipher");
        }
        byte[] plain = cbcDecrypt(explicitIv, length);
        int padding = plain[plain.length - 1] & 0xFF;
        int contentLength = plain.length - padding - 1 - macLength;
        if (contentLength < 0 || !paddingOk(plain, padding, block)) {
            return DecryptResult.failed(Status.BAD_PADDING, contentType, n, "padding length " + padding);
        }
        byte[] expected = recordMac(n, contentType, recordVersion, plain, 0, contentLength);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(plain, contentLength, contentLength + macLength))) {
            return DecryptResult.failed(Status.AUTHENTICATION_FAILED, contentType, n, "record MAC mismatch");
        }
        return DecryptResult.ok(contentType, Arrays.copyOf(plain, contentLength), n);
    }

    private DecryptResult cbcEncryptThenMac(int contentType, int recordVersion, int length, long n)
            throws GeneralSecurityException {
        int block = bulk.blockLength();
        int explicitIv = version >= ProtocolVersion.TLS_1_1 ? block : 0;
        int macLength = macAlgorithm.length();
        int encrypted = length - macLength;
        if (encrypted < explicitIv + block || (encrypted - explicitIv) % block != 0) {
            return DecryptResult.failed(Status.BAD_LENGTH, contentType, n,
                    "record of " + length + " bytes for a " + block + "-byte block cipher and its MAC");
        }
        byte[] expected = recordMac(n, contentType, recordVersion, in, 0, encrypted);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(in, encrypted, length))) {
            chainIv(encrypted);
            return DecryptResult.failed(Status.AUTHENTICATION_FAILED, contentType, n, "record MAC mismatch");
        }
        byte[] plain = cbcDecrypt(explicitIv, encrypted);
        int padding = plain[plain.length - 1] & 0xFF;
        int contentLength = plain.length - padding - 1;
        if (contentLength < 0 || !paddingOk(plain, padding, block)) {
            return DecryptResult.failed(Status.BAD_PADDING, contentType, n, "padding length " + padding);
        }
        return DecryptResult.ok(contentType, Arrays.copyOf(plain, contentLength), n);
    }

    /** Decrypts {@code in[explicitIv, end)}; before TLS 1.1 the IV is the previous record's last block. */
    private byte[] cbcDecrypt(int explicitIv, int end) throws GeneralSecurityException {
        byte[] recordIv = explicitIv > 0 ? Arrays.copyOf(in, explicitIv) : iv;
        byte[] plain;
        if (bcCbc != null) {
            bcCbc.init(false, new ParametersWithIV(new KeyParameter(key), recordIv));
            plain = new byte[end - explicitIv];
            int block = bcCbc.getBlockSize();
            for (int i = 0; i < plain.length; i += block) {
                bcCbc.processBlock(in, explicitIv + i, plain, i);
            }
        } else {
            jca.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, bulk.algorithm()), new IvParameterSpec(recordIv));
            plain = jca.doFinal(in, explicitIv, end - explicitIv);
        }
        chainIv(end);
        return plain;
    }

    /** SSL 3.0 and TLS 1.0: the next record's IV is this record's last ciphertext block. */
    private void chainIv(int end) {
        int block = bulk.blockLength();
        if (version < ProtocolVersion.TLS_1_1 && end >= block) {
            iv = Arrays.copyOfRange(in, end - block, end);
        }
    }

    /** TLS: every padding byte equals the length byte; SSL 3.0: only the length is checked, and it is < block. */
    private boolean paddingOk(byte[] plain, int padding, int block) {
        if (version == ProtocolVersion.SSL_3_0) {
            return padding < block;
        }
        for (int i = plain.length - 1 - padding; i < plain.length - 1; i++) {
            if ((plain[i] & 0xFF) != padding) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- stream and NULL

    private DecryptResult stream(int contentType, int recordVersion, int length, long n) {
        int macLength = macAlgorithm.length();
        if (length < macLength) {
            return DecryptResult.failed(Status.BAD_LENGTH, contentType, n, "record shorter than its MAC");
        }
        byte[] plain = jca == null ? Arrays.copyOf(in, length) : jca.update(in, 0, length);
        if (plain == null) {
            plain = new byte[0];
        }
        int contentLength = length - macLength;
        if (macKey == null) { // a NULL cipher without keys: the MAC cannot be checked
            return DecryptResult.ok(contentType, Arrays.copyOf(plain, contentLength), n);
        }
        byte[] expected = recordMac(n, contentType, recordVersion, plain, 0, contentLength);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(plain, contentLength, length))) {
            return DecryptResult.failed(Status.AUTHENTICATION_FAILED, contentType, n, "record MAC mismatch");
        }
        return DecryptResult.ok(contentType, Arrays.copyOf(plain, contentLength), n);
    }

    // ---------------------------------------------------------------- MACs and nonces

    /** HMAC(seq | type | version | length | content) (TLS), or the SSL 3.0 MAC (no version). */
    private byte[] recordMac(long n, int contentType, int recordVersion, byte[] content, int from, int len) {
        byte[] header = additionalData(n, contentType, recordVersion, len);
        if (version == ProtocolVersion.SSL_3_0) {
            return ssl3Mac(header, content, from, len);
        }
        mac.update(header);
        mac.update(content, from, len);
        return mac.doFinal();
    }

    private byte[] ssl3Mac(byte[] header, byte[] content, int from, int len) {
        try {
            MessageDigest md = MessageDigest.getInstance(macAlgorithm.digestName());
            md.update(macKey);
            md.update(Ssl3Pads.pad1(md));
            md.update(header, 0, 9); // seq_num and type
            md.update(header, 11, 2); // length: SSL 3.0 MACs no version
            md.update(content, from, len);
            return Ssl3Pads.outer(md, macKey, md.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA lacks " + macAlgorithm.digestName(), e);
        }
    }

    /** seq_num(8) | type(1) | version(2) | length(2): TLS 1.2 AEAD additional data and the MAC's header. */
    private static byte[] additionalData(long n, int contentType, int recordVersion, int length) {
        byte[] aad = new byte[13];
        for (int i = 0; i < 8; i++) {
            aad[i] = (byte) (n >>> (56 - 8 * i));
        }
        aad[8] = (byte) contentType;
        aad[9] = (byte) (recordVersion >>> 8);
        aad[10] = (byte) recordVersion;
        aad[11] = (byte) (length >>> 8);
        aad[12] = (byte) length;
        return aad;
    }

    /** The 64-bit sequence number, left-padded to the IV's length, XOR the IV. */
    private static byte[] xorSequence(byte[] iv, long n) {
        byte[] nonce = iv.clone();
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (n >>> (8 * i));
        }
        return nonce;
    }
}
