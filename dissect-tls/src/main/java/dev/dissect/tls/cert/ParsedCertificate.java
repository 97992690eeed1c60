package dev.dissect.tls.cert;

import dev.dissect.net.engine.Limits;
import dev.dissect.tls.TlsLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import javax.security.auth.x500.X500Principal;

/**
 * One X.509 certificate, parsed once by bcprov, with the facts dissection and validation ask for.
 *
 * <p><b>Input is bounded before bcprov sees it:</b> at most 64 KiB and 32 levels of nesting ({@link DerGuard}), so
 * hostile DER becomes a {@link CertificateParseException}, never a {@link StackOverflowError}. <b>Immutable and
 * thread-safe</b>; the encoding is copied in.
 *
 * <p>Accessors return decoded values: {@link #subject()} in RFC 4514 form as bcprov writes it (for messages), the
 * SANs as strings ({@code ::1} style for IPv6 via {@link InetAddress}). {@link #holder()} and
 * {@link #x509Certificate()} give bcprov's and the JCA's views for anything else.
 *
 * @since 0.1
 */
public final class ParsedCertificate {
    private static final DefaultAlgorithmNameFinder NAMES = new DefaultAlgorithmNameFinder();

    private final byte[] encoded;
    private final X509CertificateHolder holder;
    private volatile X509Certificate jca;

    private ParsedCertificate(byte[] encoded, X509CertificateHolder holder) {
        this.encoded = encoded;
        this.holder = holder;
    }

    /**
     * Parses one DER certificate.
     *
     * @throws CertificateParseException if it is larger than 64 KiB, nests deeper than 32 levels, is not one
     *                                   well-formed DER value, or is not a certificate
     */
    public static ParsedCertificate parse(byte[] der) throws CertificateParseException {
        return parse(der, 0, der.length);
    }

    /** Parses {@code der[offset, offset + length)}; see {@link #parse(byte[])}. */
    public static ParsedCertificate parse(byte[] der, int offset, int length) throws CertificateParseException {
        return parse(der, offset, length, Limits.defaults());
    }

    /**
     * Parses {@code der[offset, offset + length)} within {@code limits}' {@code x509.max_der_size} and
     * {@code x509.max_der_depth}; see {@link #parse(byte[])}.
     */
    public static ParsedCertificate parse(byte[] der, int offset, int length, Limits limits)
            throws CertificateParseException {
        byte[] copy = Arrays.copyOfRange(der, offset, offset + length);
        String refused = DerGuard.check(copy, copy.length, limits.getInt(TlsLimits.MAX_DER_SIZE),
                limits.getInt(TlsLimits.MAX_DER_DEPTH));
        if (refused != null) {
            throw new CertificateParseException(refused, null);
        }
        try (ASN1InputStream in = new ASN1InputStream(copy)) {
            ASN1Primitive top = in.readObject();
            return new ParsedCertificate(copy, new X509CertificateHolder(Certificate.getInstance(top)));
        } catch (IOException | RuntimeException e) {
            // bcprov reports bad structure as IllegalArgumentException/ClassCastException from getInstance.
            throw new CertificateParseException("not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** The certificate's encoding as it was given (a copy; never null). */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** The encoding itself: shared, never write it. */
    byte[] der() {
        return encoded;
    }

    /** bcprov's view, for fields this class does not surface. */
    public X509CertificateHolder holder() {
        return holder;
    }

    /**
     * The JCA certificate, made on first use by the platform's {@code CertificateFactory}.
     *
     * @throws CertificateParseException if the JDK refuses an encoding bcprov accepted
     */
    public X509Certificate x509Certificate() throws CertificateParseException {
        X509Certificate c = jca;
        if (c == null) {
            try {
                c = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(encoded));
            } catch (CertificateException e) {
                throw new CertificateParseException("the JDK cannot read this certificate: " + e.getMessage(), e);
            }
            jca = c;
        }
        return c;
    }

    /** Subject in RFC 4514 form, for example {@code CN=www.example.com,O=Example,C=ZZ}. */
    public String subject() {
        return rfc4514(holder.getSubject());
    }

    /** Issuer in RFC 4514 form. */
    public String issuer() {
        return rfc4514(holder.getIssuer());
    }

    private static String rfc4514(X500Name name) {
        try {
            return new X500Principal(name.getEncoded()).getName(X500Principal.RFC2253);
        } catch (IOException | IllegalArgumentException e) {
            return name.toString(); // bcprov's order (as encoded) if the JDK will not have it
        }
    }

    public X500Name subjectName() {
        return holder.getSubject();
    }

    public X500Name issuerName() {
        return holder.getIssuer();
    }

    /** The subject's common names (usually one), in order; empty if none. */
    public List<String> commonNames() {
        List<String> out = new ArrayList<>();
        for (RDN rdn : holder.getSubject().getRDNs(BCStyle.CN)) {
            ASN1Encodable v = rdn.getFirst().getValue();
            out.add(v instanceof ASN1String s ? s.getString() : v.toString());
        }
        return out;
    }

    public BigInteger serialNumber() {
        return holder.getSerialNumber();
    }

    /** X.509 version: 1, 2 or 3. */
    public int version() {
        return holder.getVersionNumber();
    }

    public Instant notBefore() {
        return holder.getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return holder.getNotAfter().toInstant();
    }

    /** True if {@code at} lies in {@code [notBefore, notAfter]} (both ends included, RFC 5280 §4.1.2.5). */
    public boolean isValidAt(Instant at) {
        return !at.isBefore(notBefore()) && !at.isAfter(notAfter());
    }

    /** True if subject and issuer are the same name (RFC 5280's "self-issued"; the signature is not checked). */
    public boolean isSelfIssued() {
        return holder.getSubject().equals(holder.getIssuer());
    }

    /** The subjectAltName dNSName entries, in order; empty if none or no SAN extension. */
    public List<String> dnsNames() {
        List<String> out = new ArrayList<>();
        for (GeneralName n : subjectAltNames()) {
            if (n.getTagNo() == GeneralName.dNSName) {
                out.add(((ASN1String) n.getName()).getString());
            }
        }
        return out;
    }

    /** The subjectAltName iPAddress entries (4 or 16 bytes each become an address; others are skipped). */
    public List<InetAddress> ipAddresses() {
        List<InetAddress> out = new ArrayList<>();
        for (GeneralName n : subjectAltNames()) {
            if (n.getTagNo() == GeneralName.iPAddress) {
                byte[] a = ASN1OctetString.getInstance(n.getName()).getOctets();
                if (a.length == 4 || a.length == 16) {
                    try {
                        out.add(InetAddress.getByAddress(a));
                    } catch (UnknownHostException e) {
                        throw new AssertionError(e); // only thrown for other lengths
                    }
                }
            }
        }
        return out;
    }

    /** True if the certificate has a subjectAltName extension (then RFC 6125 forbids falling back to the CN). */
    public boolean hasSubjectAltName() {
        return holder.getExtension(Extension.subjectAlternativeName) != null;
    }

    List<GeneralName> subjectAltNames() {
        Extensions ext = holder.getExtensions();
        GeneralNames names = ext == null ? null : GeneralNames.fromExtensions(ext, Extension.subjectAlternativeName);
        return names == null ? List.of() : List.of(names.getNames());
    }

    /** The public key's algorithm OID, for example {@code 1.2.840.113549.1.1.1} (rsaEncryption). */
    public String keyAlgorithmOid() {
        return holder.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm().getId();
    }

    /** The key algorithm as a word: {@code RSA}, {@code EC}, {@code Ed25519}, {@code Ed448}, {@code DSA}, else the OID. */
    public String keyAlgorithm() {
        ASN1ObjectIdentifier oid = holder.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption) || oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            return "RSA";
        } else if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            return "EC";
        } else if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
            return "Ed25519";
        } else if (oid.equals(EdECObjectIdentifiers.id_Ed448)) {
            return "Ed448";
        } else if (oid.equals(X9ObjectIdentifiers.id_dsa)) {
            return "DSA";
        }
        return oid.getId();
    }

    /**
     * The key's size in bits: the RSA modulus, the EC curve's field, the DSA prime; 256 for Ed25519 and 456 for
     * Ed448 (their encoded key sizes). 0 if unknown or unreadable.
     */
    public int keyBits() {
        SubjectPublicKeyInfo spki = holder.getSubjectPublicKeyInfo();
        ASN1Encodable params = spki.getAlgorithm().getParameters();
        try {
            switch (keyAlgorithm()) {
                case "RSA":
                    return RSAPublicKey.getInstance(spki.parsePublicKey()).getModulus().bitLength();
                case "EC": {
                    X962Parameters p = X962Parameters.getInstance(params);
                    X9ECParameters x9 = p.isNamedCurve()
                            ? ECNamedCurveTable.getByOID(ASN1ObjectIdentifier.getInstance(p.getParameters()))
                            : p.isImplicitlyCA() ? null : X9ECParameters.getInstance(p.getParameters());
                    return x9 == null ? 0 : x9.getCurve().getFieldSize();
                }
                case "Ed25519":
                    return 256;
                case "Ed448":
                    return 456;
                case "DSA":
                    return params == null ? 0 : DSAParameter.getInstance(params).getP().bitLength();
                default:
                    return 0;
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** For EC keys, the named curve's OID (for example {@code 1.2.840.10045.3.1.7}); else null. */
    public String namedCurveOid() {
        if (!"EC".equals(keyAlgorithm())) {
            return null;
        }
        ASN1Encodable params = holder.getSubjectPublicKeyInfo().getAlgorithm().getParameters();
        return params instanceof ASN1ObjectIdentifier o ? o.getId() : null;
    }

    /** The signature algorithm's OID, for example {@code 1.2.840.113549.1.1.11}. */
    public String signatureAlgorithmOid() {
        return holder.getSignatureAlgorithm().getAlgorithm().getId();
    }

    /** The signature algorithm's name as bcprov knows it, for example {@code SHA256WITHRSA}, else the OID. */
    public String signatureAlgorithmName() {
        return NAMES.getAlgorithmName(holder.getSignatureAlgorithm());
    }

    /** basicConstraints cA; false when the extension is absent. */
    public boolean isCa() {
        BasicConstraints bc = basicConstraints();
        return bc != null && bc.isCA();
    }

    /** basicConstraints pathLenConstraint, or -1 if absent (no limit) or not a CA. */
    public int pathLengthConstraint() {
        BasicConstraints bc = basicConstraints();
        BigInteger p = bc == null || !bc.isCA() ? null : bc.getPathLenConstraint();
        return p == null ? -1 : p.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
    }

    BasicConstraints basicConstraints() {
        Extensions ext = holder.getExtensions();
        return ext == null ? null : BasicConstraints.fromExtensions(ext);
    }

    /** The keyUsage extension, or null if absent (then every usage is allowed). */
    public KeyUsage keyUsage() {
        Extensions ext = holder.getExtensions();
        return ext == null ? null : KeyUsage.fromExtensions(ext);
    }

    /** The extendedKeyUsage purposes' OIDs, or null if the extension is absent (then any purpose is allowed). */
    public List<String> extendedKeyUsages() {
        Extensions ext = holder.getExtensions();
        ExtendedKeyUsage eku = ext == null ? null : ExtendedKeyUsage.fromExtensions(ext);
        if (eku == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (KeyPurposeId k : eku.getUsages()) {
            out.add(k.getId());
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParsedCertificate p && Arrays.equals(encoded, p.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "ParsedCertificate[" + subject() + ", serial " + serialNumber().toString(16) + "]";
    }
}
