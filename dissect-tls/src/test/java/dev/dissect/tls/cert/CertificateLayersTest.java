package dev.dissect.tls.cert;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class CertificateLayersTest {
    @Test
    void extensionsByTheDissectorTsharkRegisteredForThem() {
        assertSame(CertificateLayers.X509CE, CertificateLayers.extension("2.5.29.17")); // subjectAltName
        assertSame(CertificateLayers.X509CE, CertificateLayers.extension("2.5.29.32")); // certificatePolicies
        assertSame(CertificateLayers.PKIX1_IMPLICIT, CertificateLayers.extension("1.3.6.1.5.5.7.1.1")); // AIA
        assertSame(CertificateLayers.PKIX1_EXPLICIT, CertificateLayers.extension("1.3.6.1.5.5.7.1.24")); // must-staple
        assertSame(CertificateLayers.TLS_SCT, CertificateLayers.extension("1.3.6.1.4.1.11129.2.4.2"));
        assertSame(CertificateLayers.NS_CERT_EXTS, CertificateLayers.extension("2.16.840.1.113730.1.1"));
        assertNull(CertificateLayers.extension("2.5.29.1")); // an id-ce arc nobody registered
        assertNull(CertificateLayers.extension("2.5.29.17.1"));
        assertNull(CertificateLayers.extension("1.2.3.4"));
    }

    @Test
    void attributesParametersAndQualifiers() {
        assertSame(CertificateLayers.X509SAT, CertificateLayers.attribute("2.5.4.3"));
        assertSame(CertificateLayers.X509SAT, CertificateLayers.attribute("1.2.840.113549.1.9.1"));
        assertSame(CertificateLayers.X509SAT, CertificateLayers.attribute("1.3.6.1.4.1.311.60.2.1.3"));
        assertNull(CertificateLayers.attribute("2.5.4."));
        assertNull(CertificateLayers.attribute("2.5.4.99999999999"));
        assertSame(CertificateLayers.PKCS1, CertificateLayers.algorithmParameters("1.2.840.10045.2.1"));
        assertSame(CertificateLayers.X509AF, CertificateLayers.algorithmParameters("1.2.840.10040.4.1"));
        assertNull(CertificateLayers.algorithmParameters("1.2.840.113549.1.1.1")); // rsaEncryption: NULL only
        assertSame(CertificateLayers.PKIX1_EXPLICIT, CertificateLayers.policyQualifier("1.3.6.1.5.5.7.2.1"));
        assertSame(CertificateLayers.PKIX1_IMPLICIT, CertificateLayers.policyQualifier("1.3.6.1.5.5.7.2.2"));
    }
}
