package dev.dissect.tls.cert;

import dev.dissect.api.field.Protocol;
import java.util.Map;

/**
 * The protocols tshark 4.0 lists in {@code frame.protocols} while it dissects a certificate, by object identifier.
 *
 * <p>Wireshark's BER dissector hands every open type (an attribute value, an extension value, algorithm parameters,
 * a policy qualifier) to the dissector registered for its OID, and each such call adds that dissector's protocol to
 * the frame's list, though its items sit in the certificate's tree. So a certificate shows one {@code x509sat} per
 * name attribute, one {@code x509ce} (or {@code pkix1implicit}, ...) per extension, in document order, and nothing
 * for an OID no dissector registered (nor for NULL parameters, which Wireshark skips without a call). The
 * registrations are those of Wireshark 4.0's x509sat, x509ce, pkix1explicit, pkix1implicit, pkcs1, ns_cert_exts,
 * logotypecertextn, pkixproxy, ocsp and TLS (the SCT list) dissectors; the fields we record stay in {@code tls}.
 *
 * <p>Constants only.
 */
public final class CertificateLayers {
    /** x509af reads DSA parameters (DSS-Params); it is also the protocol our certificate fields are declared with. */
    public static final Protocol X509AF = new Protocol("x509af", "X.509 Certificate", "X.509");
    public static final Protocol X509SAT = new Protocol("x509sat", "X.509 Selected Attribute Types", "X509SAT");
    public static final Protocol X509CE = new Protocol("x509ce", "X.509 Certificate Extensions", "X509CE");
    public static final Protocol PKIX1_IMPLICIT = new Protocol("pkix1implicit", "PKIX1Implitit", "PKIX1IMPLICIT");
    public static final Protocol PKIX1_EXPLICIT = new Protocol("pkix1explicit", "PKIX1Explitit", "PKIX1EXPLICIT");
    public static final Protocol PKCS1 = new Protocol("pkcs-1", "PKCS#1", "PKCS-1");
    public static final Protocol NS_CERT_EXTS =
            new Protocol("ns_cert_exts", "NetScape Certificate Extensions", "NS_CERT_EXTS");
    public static final Protocol LOGOTYPE = new Protocol("logotypecertextn", "Logotype Certificate Extensions",
            "LogotypeCertExtn");
    public static final Protocol PKIX_PROXY = new Protocol("pkixproxy", "PKIX Proxy Certificate", "PKIXPROXY");
    public static final Protocol OCSP = new Protocol("ocsp", "Online Certificate Status Protocol", "OCSP");
    /** TLS's own dissector of the Signed Certificate Timestamp list extension (RFC 6962 3.3): a second tls. */
    public static final Protocol TLS_SCT = new Protocol("tls", "Transport Layer Security", "TLS");

    /** Every protocol above but TLS's and x509af (registered with the certificate fields), to register. */
    public static final Protocol[] PROTOCOLS = {X509SAT, X509CE, PKIX1_IMPLICIT, PKIX1_EXPLICIT, PKCS1, NS_CERT_EXTS,
        LOGOTYPE, PKIX_PROXY, OCSP};

    private static final String ID_CE = "2.5.29.";
    private static final String MS_USER_PRINCIPAL_NAME = "1.3.6.1.4.1.311.20.2.3";
    private static final String ID_AT = "2.5.4.";
    private static final String NETSCAPE_CERT_EXTENSION = "2.16.840.1.113730.1.";

    /** id-ce extensions x509ce registers (X.509 8.2 to 8.6), by their last arc. */
    private static final int[] X509CE_ARCS = {3, 9, 14, 15, 16, 17, 18, 19, 20, 21, 23, 27, 28, 29, 30, 31, 32, 33, 35,
        36, 37, 40, 44, 45, 46, 47, 53, 54, 58, 59, 60, 61};

    /** Other extensions by OID. */
    private static final Map<String, Protocol> EXTENSIONS = Map.ofEntries(
            Map.entry("1.3.6.1.5.5.7.1.1", PKIX1_IMPLICIT), // authorityInfoAccess
            Map.entry("1.3.6.1.5.5.7.1.7", PKIX1_EXPLICIT), // ipAddrBlocks
            Map.entry("1.3.6.1.5.5.7.1.8", PKIX1_EXPLICIT), // autonomousSysIds
            Map.entry("1.3.6.1.5.5.7.1.24", PKIX1_EXPLICIT), // tlsfeature (OCSP must-staple)
            Map.entry("1.3.6.1.5.5.7.1.12", LOGOTYPE),
            Map.entry("1.3.6.1.5.5.7.1.14", PKIX_PROXY), // proxyCertInfo
            Map.entry("1.3.6.1.5.5.7.48.1.2", OCSP), // nonce
            Map.entry("1.3.6.1.5.5.7.48.1.3", OCSP), // crl
            Map.entry("1.3.6.1.5.5.7.48.1.4", OCSP), // response
            Map.entry("1.3.6.1.5.5.7.48.1.5", OCSP), // id-pkix-ocsp-nocheck
            Map.entry("1.3.6.1.5.5.7.48.1.6", OCSP), // archive-cutoff
            Map.entry("1.3.6.1.5.5.7.48.1.7", OCSP), // service-locator
            Map.entry("1.3.6.1.4.1.11129.2.4.2", TLS_SCT),
            // Microsoft extensions Wireshark gives a syntax; x509sat dissects the syntaxes
            Map.entry("1.3.6.1.4.1.311.20.2", X509SAT), // certificate template name (BMPString)
            Map.entry("1.3.6.1.4.1.311.21.1", X509SAT), // CA version (INTEGER)
            Map.entry("1.3.6.1.4.1.311.21.2", X509SAT), // previous CA certificate hash (OCTET STRING)
            Map.entry("1.3.6.1.4.1.311.21.4", X509SAT), // next CRL publish (UTCTime)
            Map.entry("1.3.6.1.4.1.311.21.7", X509CE), // Microsoft certificate template
            Map.entry("1.3.6.1.4.1.311.21.10", X509CE), // Microsoft application policies
            Map.entry("1.3.6.1.4.1.311.25.2", X509CE), // Microsoft NTDS CA security
            Map.entry("1.2.840.113533.7.65.0", X509CE)); // Entrust version info

    /** Algorithms whose parameters a dissector reads (besides NULL, which is never handed over). */
    private static final Map<String, Protocol> ALGORITHM_PARAMETERS = Map.of(
            "1.2.840.10045.2.1", PKCS1, // id-ecPublicKey: ECParameters (a named curve)
            "1.2.840.10040.4.1", X509AF, // id-dsa: DSS-Params
            "1.2.840.113549.1.1.10", PKCS1, // RSASSA-PSS-params
            "1.2.840.113549.1.1.7", PKCS1, // RSAES-OAEP-params
            "1.2.840.10046.2.1", PKIX1_EXPLICIT); // dhpublicnumber: DomainParameters

    /** The field types of explicit EC parameters (RFC 3279 2.3.5), whose parameters pkcs1 reads in turn. */
    private static final Map<String, Protocol> EC_FIELD_TYPES = Map.of(
            "1.2.840.10045.1.1", PKCS1, // prime-field
            "1.2.840.10045.1.2", PKCS1); // characteristic-two-field

    /**
     * Name attributes x509sat registers besides the id-at arc: emailAddress, domainComponent, userid, and the EV
     * jurisdiction of incorporation (locality, state or province, country).
     */
    private static final Map<String, Protocol> ATTRIBUTES = Map.of(
            "1.2.840.113549.1.9.1", X509SAT,
            "0.9.2342.19200300.100.1.25", X509SAT,
            "0.9.2342.19200300.100.1.1", X509SAT,
            "1.3.6.1.4.1.311.60.2.1.1", X509SAT,
            "1.3.6.1.4.1.311.60.2.1.2", X509SAT,
            "1.3.6.1.4.1.311.60.2.1.3", X509SAT);

    /** Policy qualifiers: the CPS pointer (pkix1explicit's DirectoryString) and the user notice. */
    private static final Map<String, Protocol> POLICY_QUALIFIERS = Map.of(
            "1.3.6.1.5.5.7.2.1", PKIX1_EXPLICIT,
            "1.3.6.1.5.5.7.2.2", PKIX1_IMPLICIT);

    private CertificateLayers() {
    }

    /** The protocol that dissects the value of extension {@code oid}, or null. */
    public static Protocol extension(String oid) {
        if (oid.startsWith(ID_CE)) {
            int arc = lastArc(oid, ID_CE.length());
            for (int a : X509CE_ARCS) {
                if (a == arc) {
                    return X509CE;
                }
            }
            return null;
        }
        if (oid.startsWith(NETSCAPE_CERT_EXTENSION) && lastArc(oid, NETSCAPE_CERT_EXTENSION.length()) >= 0) {
            return NS_CERT_EXTS;
        }
        return EXTENSIONS.get(oid);
    }

    /** The protocol that dissects the value of name attribute {@code oid}, or null. */
    public static Protocol attribute(String oid) {
        if (oid.startsWith(ID_AT) && lastArc(oid, ID_AT.length()) >= 0) {
            return X509SAT;
        }
        return ATTRIBUTES.get(oid);
    }

    /** The protocol that dissects the (non-NULL) parameters of algorithm {@code oid}, or null. */
    public static Protocol algorithmParameters(String oid) {
        return ALGORITHM_PARAMETERS.get(oid);
    }

    /** The protocol that dissects the parameters of EC field type {@code oid} (in explicit EC parameters), or null. */
    public static Protocol ecFieldType(String oid) {
        return EC_FIELD_TYPES.get(oid);
    }

    /** The protocol that dissects the value of a GeneralName's otherName of type {@code oid}, or null. */
    public static Protocol otherName(String oid) {
        return oid.equals(MS_USER_PRINCIPAL_NAME) ? X509SAT : null; // a UTF8String syntax, dissected by x509sat
    }

    /** The protocol that dissects the qualifier of policy qualifier {@code oid}, or null. */
    public static Protocol policyQualifier(String oid) {
        return POLICY_QUALIFIERS.get(oid);
    }

    /** The single decimal arc after {@code from}, or -1 when there is more than one arc or none. */
    private static int lastArc(String oid, int from) {
        if (from >= oid.length() || oid.length() - from > 9) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < oid.length(); i++) {
            char c = oid.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
