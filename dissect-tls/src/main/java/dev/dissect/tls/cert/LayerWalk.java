package dev.dissect.tls.cert;

import dev.dissect.api.field.Protocol;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPRequest;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.Request;
import org.bouncycastle.asn1.ocsp.ResponseBytes;
import org.bouncycastle.asn1.ocsp.ResponseData;
import org.bouncycastle.asn1.ocsp.Signature;
import org.bouncycastle.asn1.ocsp.SingleResponse;
import org.bouncycastle.asn1.ocsp.TBSRequest;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.TBSCertificate;

/**
 * Walks a parsed certificate, name or OCSP response in document order and collects the protocols tshark lists for
 * it ({@link CertificateLayers}): where Wireshark's BER dissector would call a sub-dissector by OID, the protocol
 * that registered it.
 *
 * <p><b>Never throws on odd content:</b> a value bcprov cannot read as its type contributes the layers found
 * before it, as Wireshark's dissection stops at a malformed part. Not thread-safe; one per walk.
 */
final class LayerWalk {
    /** Microsoft's application certificate policies: certificate policies again (x509ce's CertificatePoliciesSyntax). */
    private static final String MS_APPLICATION_POLICIES = "1.3.6.1.4.1.311.21.10";

    private final List<Protocol> out;

    /** A walk that appends to {@code out}. */
    LayerWalk(List<Protocol> out) {
        this.out = out;
    }

    private void add(Protocol p) {
        if (p != null) {
            out.add(p);
        }
    }

    /** A certificate: signature algorithm, issuer, subject, key parameters, extensions, outer algorithm. */
    void certificate(Certificate c) {
        TBSCertificate tbs = c.getTBSCertificate();
        algorithm(tbs.getSignature());
        name(tbs.getIssuer());
        name(tbs.getSubject());
        algorithm(tbs.getSubjectPublicKeyInfo().getAlgorithm());
        if (tbs.getExtensions() != null) {
            extensions(tbs.getExtensions());
        }
        algorithm(c.getSignatureAlgorithm());
    }

    /** An x509sat layer (or none) per attribute of {@code name}. */
    void name(X500Name name) {
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                add(CertificateLayers.attribute(atv.getType().getId()));
            }
        }
    }

    /** Non-NULL algorithm parameters, and the field type of explicit EC parameters. */
    void algorithm(AlgorithmIdentifier a) {
        ASN1Encodable params = a.getParameters();
        if (params == null || params instanceof ASN1Null) {
            return; // Wireshark skips NULL parameters without calling a dissector
        }
        add(CertificateLayers.algorithmParameters(a.getAlgorithm().getId()));
        if (params instanceof ASN1Sequence explicit && explicit.size() > 1
                && explicit.getObjectAt(1) instanceof ASN1Sequence fieldId && fieldId.size() > 0
                && fieldId.getObjectAt(0) instanceof ASN1ObjectIdentifier fieldType) {
            add(CertificateLayers.ecFieldType(fieldType.getId()));
        }
    }

    /** Each extension's dissector, then the dissectors its value calls in turn. */
    void extensions(Extensions extensions) {
        for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
            add(CertificateLayers.extension(oid.getId()));
            int before = out.size();
            try {
                nested(oid, extensions.getExtension(oid).getParsedValue());
            } catch (RuntimeException e) {
                // a value not of its type: Wireshark's dissector stops inside it, before the rest; ours too
                out.subList(before, out.size()).clear();
            }
        }
    }

    /**
     * A stapled OCSP response (RFC 6960 4.2.1): the basic response's dissector, the responder's name, the
     * responses' hash algorithms and extensions, the response extensions, the signature algorithm, the certificates.
     */
    void ocspResponse(OCSPResponse response) {
        ResponseBytes bytes = response.getResponseBytes();
        if (bytes == null || !OCSPObjectIdentifiers.id_pkix_ocsp_basic.equals(bytes.getResponseType())) {
            return;
        }
        add(CertificateLayers.OCSP);
        BasicOCSPResponse basic;
        try {
            basic = BasicOCSPResponse.getInstance(ASN1Primitive.fromByteArray(bytes.getResponse().getOctets()));
        } catch (java.io.IOException e) {
            return;
        }
        ResponseData data = basic.getTbsResponseData();
        if (data.getResponderID().getName() != null) {
            name(data.getResponderID().getName());
        }
        for (ASN1Encodable r : data.getResponses()) {
            SingleResponse single = SingleResponse.getInstance(r);
            algorithm(single.getCertID().getHashAlgorithm());
            if (single.getSingleExtensions() != null) {
                extensions(single.getSingleExtensions());
            }
        }
        if (data.getResponseExtensions() != null) {
            extensions(data.getResponseExtensions());
        }
        algorithm(basic.getSignatureAlgorithm());
        if (basic.getCerts() != null) {
            for (ASN1Encodable c : basic.getCerts()) {
                certificate(Certificate.getInstance(c));
            }
        }
    }

    /**
     * An OCSP request (RFC 6960 4.1.1): the requestor's name, each request's hash algorithm and extensions, the
     * request extensions, the signature's algorithm and certificates.
     */
    void ocspRequest(OCSPRequest request) {
        TBSRequest tbs = request.getTbsRequest();
        if (tbs.getRequestorName() != null) {
            generalName(tbs.getRequestorName());
        }
        for (ASN1Encodable r : tbs.getRequestList()) {
            Request one = Request.getInstance(r);
            algorithm(one.getReqCert().getHashAlgorithm());
            if (one.getSingleRequestExtensions() != null) {
                extensions(one.getSingleRequestExtensions());
            }
        }
        if (tbs.getRequestExtensions() != null) {
            extensions(tbs.getRequestExtensions());
        }
        Signature signature = request.getOptionalSignature();
        if (signature != null) {
            algorithm(signature.getSignatureAlgorithm());
            if (signature.getCerts() != null) {
                for (ASN1Encodable c : signature.getCerts()) {
                    certificate(Certificate.getInstance(c));
                }
            }
        }
    }

    private void generalNames(GeneralNames names) {
        if (names == null) {
            return;
        }
        for (GeneralName n : names.getNames()) {
            generalName(n);
        }
    }

    private void generalName(GeneralName n) {
        if (n.getTagNo() == GeneralName.directoryName) {
            name(X500Name.getInstance(n.getName()));
        } else if (n.getTagNo() == GeneralName.otherName) {
            ASN1Encodable typeId = ASN1Sequence.getInstance(n.getName()).getObjectAt(0);
            add(CertificateLayers.otherName(ASN1ObjectIdentifier.getInstance(typeId).getId()));
        }
    }

    private void nested(ASN1ObjectIdentifier oid, ASN1Encodable v) {
        if (oid.equals(Extension.certificatePolicies) || oid.getId().equals(MS_APPLICATION_POLICIES)) {
            for (PolicyInformation info : CertificatePolicies.getInstance(v).getPolicyInformation()) {
                ASN1Sequence qualifiers = info.getPolicyQualifiers();
                if (qualifiers != null) {
                    for (ASN1Encodable q : qualifiers) {
                        ASN1Encodable id = ASN1Sequence.getInstance(q).getObjectAt(0);
                        add(CertificateLayers.policyQualifier(ASN1ObjectIdentifier.getInstance(id).getId()));
                    }
                }
            }
        } else if (oid.equals(Extension.subjectAlternativeName) || oid.equals(Extension.issuerAlternativeName)) {
            generalNames(GeneralNames.getInstance(v));
        } else if (oid.equals(Extension.authorityKeyIdentifier)) {
            generalNames(AuthorityKeyIdentifier.getInstance(v).getAuthorityCertIssuer());
        } else if (oid.equals(Extension.cRLDistributionPoints) || oid.equals(Extension.freshestCRL)) {
            for (DistributionPoint dp : CRLDistPoint.getInstance(v).getDistributionPoints()) {
                DistributionPointName dpn = dp.getDistributionPoint();
                if (dpn != null && dpn.getType() == DistributionPointName.FULL_NAME) {
                    generalNames(GeneralNames.getInstance(dpn.getName()));
                }
                generalNames(dp.getCRLIssuer());
            }
        } else if (oid.equals(Extension.authorityInfoAccess)) {
            for (AccessDescription ad : AuthorityInformationAccess.getInstance(v).getAccessDescriptions()) {
                generalName(ad.getAccessLocation());
            }
        }
    }
}
