package dev.dissect.tls.decrypt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dissect.api.buffer.ByteView;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.modes.CCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * Record protections the recorded sessions do not reach (AES-CCM and CCM_8, 3DES with TLS 1.0's chained IVs,
 * NULL), sealed here with the JCA and bcprov, and the typed failures.
 */
class RecordDecryptorTest {
    private static final byte[] HELLO = "GET / HTTP/1.1\r\nHost: example\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void nullCipherWithoutKeysShowsTheContentWithoutItsMac() {
        CipherSuite suite = CipherSuites.find(0x0002); // TLS_RSA_WITH_NULL_SHA: 20-byte HMAC-SHA1
        RecordDecryptor d = RecordDecryptor.nullCipherWithoutKeys(ProtocolVersion.TLS_1_0, suite);
        byte[] body = concat("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), new byte[20]);
        DecryptResult r = d.decrypt(23, 0x0301, ByteView.of(body), 0, body.length);
        assertEquals(DecryptResult.Status.OK, r.status());
        assertArrayEquals(Arrays.copyOf(body, body.length - 20), r.plaintext());
        assertEquals(DecryptResult.Status.BAD_LENGTH, d.decrypt(23, 0x0301, ByteView.of(new byte[19]), 0, 19).status());
    }

    @Test
    void aesCcmAndCcm8() throws Exception {
        for (int id : new int[] {0xC09C, 0xC0A0, 0xC0AD, 0xC0AF}) {
            CipherSuite suite = CipherSuites.find(id);
            byte[] key = filled(suite.cipher().keyLength(), 1);
            byte[] salt = filled(4, 2);
            RecordDecryptor d = RecordDecryptor.tls12(0x0303, suite, new byte[0], key, salt, false);
            for (long seq = 0; seq < 3; seq++) {
                byte[] record = sealCcm(suite, key, salt, seq, HELLO);
                DecryptResult r = d.decrypt(23, 0x0303, ByteView.of(record), 0, record.length);
                assertEquals(DecryptResult.Status.OK, r.status(), suite.name());
                assertArrayEquals(HELLO, r.plaintext());
            }
            byte[] bad = sealCcm(suite, key, salt, 3, HELLO);
            bad[10] ^= 1;
            assertEquals(DecryptResult.Status.AUTHENTICATION_FAILED,
                    d.decrypt(23, 0x0303, ByteView.of(bad), 0, bad.length).status(), suite.name());
        }
    }

    @Test
    void tripleDesWithTls10ChainedIvs() throws Exception {
        CipherSuite suite = CipherSuites.find(0x000A);
        byte[] key = filled(24, 3);
        byte[] macKey = filled(20, 4);
        byte[] iv = filled(8, 5);
        RecordDecryptor d = RecordDecryptor.tls12(0x0301, suite, macKey, key, iv, false);
        byte[] previousIv = iv;
        for (long seq = 0; seq < 3; seq++) {
            byte[] record = sealCbcMacThenEncrypt("DESede", key, macKey, previousIv, seq, 0x0301, HELLO);
            previousIv = Arrays.copyOfRange(record, record.length - 8, record.length);
            DecryptResult r = d.decrypt(23, 0x0301, ByteView.of(record), 0, record.length);
            assertEquals(DecryptResult.Status.OK, r.status());
            assertArrayEquals(HELLO, r.plaintext());
        }
    }

    @Test
    void cbcFailuresAreTyped() throws Exception {
        CipherSuite suite = CipherSuites.find(0x002F);
        byte[] key = filled(16, 6);
        byte[] macKey = filled(20, 7);
        byte[] record = sealCbcMacThenEncrypt("AES", key, macKey, filled(16, 8), 0, 0x0302, HELLO);
        byte[] explicit = new byte[16 + record.length];
        System.arraycopy(filled(16, 8), 0, explicit, 0, 16); // TLS 1.1: the IV travels with the record
        System.arraycopy(record, 0, explicit, 16, record.length);
        RecordDecryptor ok = RecordDecryptor.tls12(0x0302, suite, macKey, key, new byte[16], false);
        assertArrayEquals(HELLO, ok.decrypt(23, 0x0302, ByteView.of(explicit), 0, explicit.length).plaintext());

        byte[] lastBlock = explicit.clone();
        lastBlock[lastBlock.length - 20] ^= 1; // in the second-to-last block: garbles the padding
        RecordDecryptor d = RecordDecryptor.tls12(0x0302, suite, macKey, key, new byte[16], false);
        assertEquals(DecryptResult.Status.BAD_PADDING,
                d.decrypt(23, 0x0302, ByteView.of(lastBlock), 0, lastBlock.length).status());
        assertEquals(DecryptResult.Status.BAD_LENGTH, d.decrypt(23, 0x0302, ByteView.of(explicit), 0, 40).status());
        assertEquals(2, d.sequenceNumber(), "failed records still count");
    }

    @Test
    void nullCipherChecksTheMac() throws Exception {
        CipherSuite suite = CipherSuites.find(0x0002);
        byte[] macKey = filled(20, 9);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(macKey, "HmacSHA1"));
        mac.update(header(0, 23, 0x0303, HELLO.length));
        byte[] record = concat(HELLO, mac.doFinal(HELLO));
        RecordDecryptor d = RecordDecryptor.tls12(0x0303, suite, macKey, new byte[0], new byte[0], false);
        assertArrayEquals(HELLO, d.decrypt(23, 0x0303, ByteView.of(record), 0, record.length).plaintext());
        record[0] ^= 1;
        assertEquals(DecryptResult.Status.AUTHENTICATION_FAILED,
                d.decrypt(23, 0x0303, ByteView.of(record), 0, record.length).status());
    }

    @Test
    void tooShortForATagIsBadLength() {
        RecordDecryptor d = RecordDecryptor.tls13(CipherSuites.find(0x1301), filled(32, 1));
        assertEquals(DecryptResult.Status.BAD_LENGTH, d.decrypt(23, 0x0303, ByteView.of(new byte[10]), 0, 10).status());
    }

    private static byte[] sealCcm(CipherSuite suite, byte[] key, byte[] salt, long seq, byte[] plain)
            throws Exception {
        byte[] explicit = filled(8, (int) seq + 40);
        byte[] nonce = concat(salt, explicit);
        CCMModeCipher ccm = CCMBlockCipher.newInstance(AESEngine.newInstance());
        ccm.init(true, new AEADParameters(new KeyParameter(key), suite.cipher().tagLength() * 8, nonce,
                header(seq, 23, 0x0303, plain.length)));
        byte[] out = new byte[ccm.getOutputSize(plain.length)];
        int n = ccm.processBytes(plain, 0, plain.length, out, 0);
        ccm.doFinal(out, n);
        return concat(explicit, out);
    }

    /** content | HMAC-SHA1 | padding, CBC-encrypted under {@code iv} (the IV itself is not prepended). */
    private static byte[] sealCbcMacThenEncrypt(String algorithm, byte[] key, byte[] macKey, byte[] iv, long seq,
                                                int version, byte[] plain) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(macKey, "HmacSHA1"));
        mac.update(header(seq, 23, version, plain.length));
        byte[] withMac = concat(plain, mac.doFinal(plain));
        int block = iv.length;
        int padding = block - (withMac.length + 1) % block;
        byte[] padded = Arrays.copyOf(withMac, withMac.length + padding + 1);
        Arrays.fill(padded, withMac.length, padded.length, (byte) padding);
        Cipher c = Cipher.getInstance(algorithm + "/CBC/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, algorithm), new IvParameterSpec(iv));
        return c.doFinal(padded);
    }

    private static byte[] header(long seq, int type, int version, int length) {
        byte[] h = new byte[13];
        for (int i = 0; i < 8; i++) {
            h[i] = (byte) (seq >>> (56 - 8 * i));
        }
        h[8] = (byte) type;
        h[9] = (byte) (version >>> 8);
        h[10] = (byte) version;
        h[11] = (byte) (length >>> 8);
        h[12] = (byte) length;
        return h;
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
