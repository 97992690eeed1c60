package dev.dissect.tls.decrypt;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import javax.crypto.Cipher;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * A server's RSA private key, which undoes the RSA key exchange: ClientKeyExchange carries the pre-master secret
 * encrypted to the server's certificate key with PKCS#1 v1.5 (RFC 5246 section 7.4.7.1).
 *
 * <p>Read from PEM: PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) or unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}),
 * parsed by bcpkix. <b>Failures to decrypt are results, not exceptions</b>: {@link #decryptPreMaster} checks the
 * ciphertext size, the padding, the length and the version bytes and says which one failed. A passive tool has
 * no padding oracle to protect, so the checks are plain.
 *
 * @since 0.1
 */
public final class ServerRsaKey {
    private final RSAPrivateKey key;
    private final int modulusBytes;

    private ServerRsaKey(RSAPrivateKey key) {
        this.key = key;
        this.modulusBytes = (key.getModulus().bitLength() + 7) / 8;
    }

    /** Wraps a JCA key. */
    public static ServerRsaKey of(RSAPrivateKey key) {
        return new ServerRsaKey(key);
    }

    /**
     * Reads the first private key of a PEM text.
     *
     * @throws IOException if the text holds no unencrypted RSA private key
     */
    public static ServerRsaKey fromPem(String pem) throws IOException {
        return fromPem(new StringReader(pem));
    }

    /** Reads the first private key of a PEM file. */
    public static ServerRsaKey read(Path file) throws IOException {
        return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
    }

    private static ServerRsaKey fromPem(Reader reader) throws IOException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(reader)) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                PrivateKey k = null;
                if (o instanceof PEMKeyPair pair) {
                    k = converter.getPrivateKey(pair.getPrivateKeyInfo());
                } else if (o instanceof PrivateKeyInfo info) {
                    k = converter.getPrivateKey(info);
                }
                if (k instanceof RSAPrivateKey rsa) {
                    return new ServerRsaKey(rsa);
                }
                if (k != null) {
                    throw new IOException("not an RSA key: " + k.getAlgorithm());
                }
            }
        }
        throw new IOException("no unencrypted RSA private key (PKCS#1 or PKCS#8 PEM) found");
    }

    /** The modulus length in bytes: the length of every ciphertext this key can decrypt. */
    public int modulusBytes() {
        return modulusBytes;
    }

    /**
     * Decrypts an encrypted pre-master secret (the ClientKeyExchange body without its two-byte length prefix).
     *
     * @param clientVersion ClientHello.client_version, which the first two bytes of the secret must repeat
     */
    public PreMasterSecretResult decryptPreMaster(byte[] encrypted, int clientVersion) {
        if (encrypted.length != modulusBytes) {
            return new PreMasterSecretResult(PreMasterSecretResult.Status.WRONG_KEY_SIZE, null,
                    "ciphertext of " + encrypted.length + " bytes for a " + modulusBytes + "-byte modulus");
        }
        byte[] secret;
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.DECRYPT_MODE, key);
            secret = rsa.doFinal(encrypted);
        } catch (GeneralSecurityException e) {
            return new PreMasterSecretResult(PreMasterSecretResult.Status.DECRYPTION_FAILED, null,
                    "PKCS#1 v1.5 decryption failed: " + e.getMessage());
        }
        if (secret.length != 48) {
            return new PreMasterSecretResult(PreMasterSecretResult.Status.BAD_LENGTH, null,
                    "pre-master secret of " + secret.length + " bytes, not 48");
        }
        int version = (secret[0] & 0xFF) << 8 | secret[1] & 0xFF;
        if (version != clientVersion) {
            return new PreMasterSecretResult(PreMasterSecretResult.Status.VERSION_MISMATCH, secret,
                    String.format("version bytes 0x%04x, ClientHello said 0x%04x", version, clientVersion));
        }
        return new PreMasterSecretResult(PreMasterSecretResult.Status.OK, secret, "");
    }
}
