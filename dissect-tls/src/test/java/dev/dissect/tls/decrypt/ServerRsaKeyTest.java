package dev.dissect.tls.decrypt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

class ServerRsaKeyTest {

    @Test
    void pkcs1AndPkcs8PemGiveTheSameKey() throws Exception {
        ServerRsaKey pkcs8 = ServerRsaKey.fromPem(TestVectors.resourceText("server-key.pem"));
        ServerRsaKey pkcs1 = ServerRsaKey.fromPem(TestVectors.resourceText("server-key-pkcs1.pem"));
        assertEquals(256, pkcs8.modulusBytes());
        byte[] pms = preMaster(0x0303);
        byte[] encrypted = encryptToServer(pms);
        assertArrayEquals(pms, pkcs8.decryptPreMaster(encrypted, 0x0303).secret());
        assertArrayEquals(pms, pkcs1.decryptPreMaster(encrypted, 0x0303).secret());
        assertEquals(PreMasterSecretResult.Status.OK, pkcs1.decryptPreMaster(encrypted, 0x0303).status());
    }

    @Test
    void failuresAreResults() throws Exception {
        ServerRsaKey key = ServerRsaKey.fromPem(TestVectors.resourceText("server-key.pem"));
        byte[] encrypted = encryptToServer(preMaster(0x0301));
        PreMasterSecretResult version = key.decryptPreMaster(encrypted, 0x0303);
        assertEquals(PreMasterSecretResult.Status.VERSION_MISMATCH, version.status());
        assertEquals(48, version.secret().length);
        assertEquals(PreMasterSecretResult.Status.BAD_LENGTH,
                key.decryptPreMaster(encryptToServer(new byte[47]), 0x0303).status());
        byte[] garbage = encrypted.clone();
        garbage[0] ^= 0x7F;
        garbage[100] ^= 0x01;
        assertEquals(PreMasterSecretResult.Status.DECRYPTION_FAILED, key.decryptPreMaster(garbage, 0x0303).status());
        assertEquals(PreMasterSecretResult.Status.WRONG_KEY_SIZE,
                key.decryptPreMaster(Arrays.copyOf(encrypted, 128), 0x0303).status());
    }

    @Test
    void notAKey() {
        assertThrows(IOException.class, () -> ServerRsaKey.fromPem(TestVectors.resourceText("server-cert.pem")));
    }

    private static byte[] preMaster(int version) {
        byte[] pms = new byte[48];
        Arrays.fill(pms, (byte) 0x42);
        pms[0] = (byte) (version >>> 8);
        pms[1] = (byte) version;
        return pms;
    }

    private static byte[] encryptToServer(byte[] plain) throws Exception {
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(TestVectors.resourceBytes("server-cert.pem")));
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.ENCRYPT_MODE, cert.getPublicKey());
        return rsa.doFinal(plain);
    }
}
