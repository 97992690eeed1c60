package dev.dissect.tls.cert;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Certificates, CRLs and OCSP responses made with bcpkix while the tests run. Keys come from a {@code SHA1PRNG}
 * seeded with their name, so a name always gives the same key; keys are cached per name for speed.
 */
final class TestPki {
    /** The instant most tests validate at. */
    static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    private static final Map<String, KeyPair> KEYS = new HashMap<>();

    private TestPki() {
    }

    static synchronized KeyPair ecKey(String name) {
        return KEYS.computeIfAbsent("ec:" + name, k -> generate("EC", 256, name));
    }

    static synchronized KeyPair rsaKey(String name, int bits) {
        return KEYS.computeIfAbsent("rsa" + bits + ":" + name, k -> generate("RSA", bits, name));
    }

    private static KeyPair generate(String alg, int bits, String seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed.getBytes(StandardCharsets.UTF_8));
            KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
            if (alg.equals("EC")) {
                g.initialize(new ECGenParameterSpec("secp256r1"), random);
            } else {
                g.initialize(bits, random);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String signatureAlgorithm(PrivateKey key) {
        return key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    }

    /** A certificate being made: set what differs, then {@link #sign}. */
    static final class Cert {
        String subject;
        KeyPair key;
        X509Certificate issuer; // null: self-signed
        PrivateKey issuerKey;
        Instant notBefore = Instant.parse("2020-01-01T00:00:00Z");
        Instant notAfter = Instant.parse("2035-01-01T00:00:00Z");
        boolean ca;
        int pathLen = -1;
        Integer keyUsage;
        List<KeyPurposeId> eku;
        List<GeneralName> sans = new ArrayList<>();
        String signatureAlgorithm;
        long serial = 1;
        GeneralSubtree permitted;

        Cert(String subject, KeyPair key) {
            this.subject = subject;
            this.key = key;
        }

        Cert issuedBy(X509Certificate cert, PrivateKey k) {
            issuer = cert;
            issuerKey = k;
            return this;
        }

        Cert valid(String from, String to) {
            notBefore = Instant.parse(from);
            notAfter = Instant.parse(to);
            return this;
        }

        Cert dns(String... names) {
            for (String n : names) {
                sans.add(new GeneralName(GeneralName.dNSName, n));
            }
            return this;
        }

        X509Certificate sign() {
            try {
                X500Name subjectName = new X500Name(subject);
                X500Name issuerName = issuer == null ? subjectName
                        : new JcaX509CertificateHolder(issuer).getSubject();
                JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(serial),
                        Date.from(notBefore), Date.from(notAfter), subjectName, key.getPublic());
                JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
                if (ca) {
                    b.addExtension(Extension.basicConstraints, true,
                            pathLen >= 0 ? new BasicConstraints(pathLen) : new BasicConstraints(true));
                }
                if (keyUsage != null) {
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                } else if (ca) {
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                if (eku != null) {
                    b.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(eku.toArray(new KeyPurposeId[0])));
                }
                if (!sans.isEmpty()) {
                    b.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(sans.toArray(new GeneralName[0])));
                }
                if (permitted != null) {
                    b.addExtension(Extension.nameConstraints, true,
                            new NameConstraints(new GeneralSubtree[] {permitted}, null));
                }
                b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(key.getPublic()));
                PrivateKey signer = issuer == null ? key.getPrivate() : issuerKey;
                String alg = signatureAlgorithm != null ? signatureAlgorithm : signatureAlgorithm(signer);
                ContentSigner s = new JcaContentSignerBuilder(alg).build(signer);
                return new JcaX509CertificateConverter().getCertificate(b.build(s));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Root, intermediate and leaf for www.example.com, all EC P-256, valid around {@link #NOW}. */
    static final class Chain {
        final KeyPair rootKey = ecKey("root");
        final KeyPair interKey = ecKey("inter");
        final KeyPair leafKey = ecKey("leaf");
        final X509Certificate root;
        final X509Certificate inter;
        final X509Certificate leaf;

        Chain() {
            this(leaf -> { });
        }

        /** With the leaf changed by {@code tweak} before it is signed. */
        Chain(java.util.function.Consumer<Cert> tweak) {
            root = root("CN=Test Root CA,O=Dissect Test,C=ZZ", rootKey).sign();
            inter = intermediate(root, rootKey.getPrivate()).sign();
            Cert l = leaf(inter, interKey.getPrivate());
            tweak.accept(l);
            leaf = l.sign();
        }

        Chain(X509Certificate root, X509Certificate inter, X509Certificate leaf) {
            this.root = root;
            this.inter = inter;
            this.leaf = leaf;
        }

        static Cert root(String name, KeyPair key) {
            Cert c = new Cert(name, key);
            c.ca = true;
            c.serial = 1;
            return c;
        }

        Cert intermediate(X509Certificate issuer, PrivateKey issuerKey) {
            Cert c = new Cert("CN=Test Intermediate CA,O=Dissect Test,C=ZZ", interKey).issuedBy(issuer, issuerKey);
            c.ca = true;
            c.serial = 2;
            c.notBefore = Instant.parse("2021-01-01T00:00:00Z");
            c.notAfter = Instant.parse("2030-01-01T00:00:00Z");
            return c;
        }

        Cert leaf(X509Certificate issuer, PrivateKey issuerKey) {
            Cert c = new Cert("CN=www.example.com,O=Dissect Test,C=ZZ", leafKey).issuedBy(issuer, issuerKey)
                    .valid("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z").dns("www.example.com", "example.com");
            c.serial = 3;
            c.keyUsage = KeyUsage.digitalSignature;
            c.eku = List.of(KeyPurposeId.id_kp_serverAuth);
            return c;
        }

        List<byte[]> sent(X509Certificate... certs) {
            List<byte[]> out = new ArrayList<>();
            for (X509Certificate c : certs) {
                try {
                    out.add(c.getEncoded());
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }

        /** Leaf and intermediate, as servers send them. */
        List<byte[]> sent() {
            return sent(leaf, inter);
        }

        TrustStore trust() {
            return TrustStore.of(List.of(root));
        }
    }

    /** A CRL by {@code issuer} listing {@code revoked} serials as revoked on {@code revokedOn}. */
    static X509CRL crl(X509Certificate issuer, PrivateKey key, Instant thisUpdate, Instant nextUpdate,
                       Instant revokedOn, long... revoked) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(new JcaX509CertificateHolder(issuer).getSubject(),
                    Date.from(thisUpdate));
            b.setNextUpdate(Date.from(nextUpdate));
            for (long s : revoked) {
                b.addCRLEntry(BigInteger.valueOf(s), Date.from(revokedOn), CRLReason.keyCompromise);
            }
            return new JcaX509CRLConverter().getCRL(b.build(new JcaContentSignerBuilder(signatureAlgorithm(key))
                    .build(key)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An OCSP response about {@code cert} (issued by {@code issuer}), signed by {@code signerKey}; {@code
     * signerCert} is the delegated responder's certificate, or null when the issuer signs.
     *
     * @param revokedOn null for "good"
     */
    static byte[] ocsp(X509Certificate cert, X509Certificate issuer, X509Certificate signerCert, PrivateKey signerKey,
                       Instant thisUpdate, Instant nextUpdate, Instant revokedOn) {
        try {
            X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                    .get(CertificateID.HASH_SHA1), issuerHolder, cert.getSerialNumber());
            X509CertificateHolder signer = signerCert == null ? issuerHolder : new JcaX509CertificateHolder(signerCert);
            BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(signer.getSubject()));
            CertificateStatus status = revokedOn == null ? CertificateStatus.GOOD
                    : new RevokedStatus(Date.from(revokedOn), CRLReason.keyCompromise);
            b.addResponse(id, status, Date.from(thisUpdate), nextUpdate == null ? null : Date.from(nextUpdate), null);
            X509CertificateHolder[] chain = signerCert == null ? null : new X509CertificateHolder[] {signer};
            BasicOCSPResp basic = b.build(new JcaContentSignerBuilder(signatureAlgorithm(signerKey)).build(signerKey),
                    chain, Date.from(thisUpdate));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
