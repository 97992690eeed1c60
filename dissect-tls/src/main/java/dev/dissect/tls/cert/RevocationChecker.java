package dev.dissect.tls.cert;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Is one certificate revoked at an instant? From a stapled OCSP response first, then the supplied CRLs, then the
 * optional {@link RevocationFetcher}; each source's answer counts only if it is authentic and current.
 *
 * <ul>
 *   <li><b>OCSP</b> (RFC 6960): response status successful; a SingleResponse whose CertID names this serial and
 *       issuer; signed by the issuer itself, or by a responder certificate in the response that the issuer signed,
 *       that has id-kp-OCSPSigning and is valid at the instant (§4.2.2.2); {@code thisUpdate} not after the instant
 *       (plus {@link #CLOCK_SKEW}) and {@code nextUpdate} not before it, or, without {@code nextUpdate}, no older
 *       than {@link #MAX_AGE_WITHOUT_NEXT_UPDATE}.
 *   <li><b>CRLs</b> (RFC 5280 §6.3, complete CRLs only: no delta CRLs, no indirect CRLs, distribution points not
 *       matched): same issuer name; signed by the issuer, whose keyUsage (if present) allows cRLSign;
 *       {@code thisUpdate <= instant <= nextUpdate}. Revoked if the serial is listed with a revocation date not
 *       after the instant.
 * </ul>
 */
final class RevocationChecker {
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final Duration MAX_AGE_WITHOUT_NEXT_UPDATE = Duration.ofDays(7);

    private final List<X509CRL> crls;
    private final RevocationFetcher fetcher;
    private final DigestCalculatorProvider digests;

    RevocationChecker(List<X509CRL> crls, RevocationFetcher fetcher) {
        this.crls = List.copyOf(crls);
        this.fetcher = fetcher;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer about one certificate: an outcome (PASS good, FAIL revoked, UNKNOWN) and why. */
    record Answer(Outcome outcome, String message) {
    }

    Answer check(X509Certificate cert, X509Certificate issuer, byte[] stapled, Instant at) {
        List<String> ignored = new ArrayList<>();
        if (stapled != null) {
            Answer a = ocsp(stapled, cert, issuer, at, "stapled OCSP", ignored);
            if (a != null) {
                return a;
            }
        }
        Answer a = fromCrls(crls, cert, issuer, at, "CRL", ignored);
        if (a != null) {
            return a;
        }
        if (fetcher != null) {
            try {
                byte[] fetched = fetcher.fetchOcspResponse(cert, issuer);
                if (fetched != null && (a = ocsp(fetched, cert, issuer, at, "fetched OCSP", ignored)) != null) {
                    return a;
                }
                List<X509CRL> more = fetcher.fetchCrls(cert);
                if (more != null && (a = fromCrls(more, cert, issuer, at, "fetched CRL", ignored)) != null) {
                    return a;
                }
            } catch (RuntimeException e) {
                ignored.add("fetcher failed: " + e);
            }
        }
        return new Answer(Outcome.UNKNOWN, ignored.isEmpty() ? "no revocation information"
                : "no usable revocation information (" + String.join("; ", ignored) + ")");
    }

    private Answer fromCrls(List<X509CRL> list, X509Certificate cert, X509Certificate issuer, Instant at,
                            String what, List<String> ignored) {
        // any current CRL of the issuer that lists the certificate revokes it, whatever the order of the files
        Answer notRevoked = null;
        for (X509CRL crl : list) {
            if (!crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal())) {
                continue;
            }
            boolean[] ku = issuer.getKeyUsage();
            if (ku != null && !ku[6]) {
                ignored.add(what + " ignored: its issuer's keyUsage lacks cRLSign");
                continue;
            }
            try {
                crl.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException e) {
                ignored.add(what + " ignored: signature does not verify with the issuer's key");
                continue;
            }
            Instant thisUpdate = crl.getThisUpdate().toInstant();
            Date next = crl.getNextUpdate();
            if (thisUpdate.isAfter(at) || next != null && at.isAfter(next.toInstant())) {
                ignored.add(what + " ignored: not current at " + at + " (thisUpdate " + thisUpdate + ", nextUpdate "
                        + (next == null ? "none" : next.toInstant()) + ")");
                continue;
            }
            X509CRLEntry entry = crl.getRevokedCertificate(cert.getSerialNumber());
            if (entry != null && !entry.getRevocationDate().toInstant().isAfter(at)) {
                return new Answer(Outcome.FAIL, "revoked on " + entry.getRevocationDate().toInstant()
                        + (entry.getRevocationReason() == null ? "" : " (" + entry.getRevocationReason() + ")")
                        + " per " + what + " of " + thisUpdate);
            }
            if (notRevoked == null) {
                notRevoked = new Answer(Outcome.PASS, "not revoked per " + what + " of " + thisUpdate);
            }
        }
        return notRevoked; // null if no CRL counted
    }

    /** The OCSP answer, or null (with the reason added to {@code ignored}) if the response does not count. */
    private Answer ocsp(byte[] der, X509Certificate cert, X509Certificate issuer, Instant at, String what,
                       List<String> ignored) {
        try {
            OCSPResp resp = new OCSPResp(der);
            if (resp.getStatus() != OCSPResp.SUCCESSFUL) {
                ignored.add(what + " ignored: response status " + resp.getStatus());
                return null;
            }
            if (!(resp.getResponseObject() instanceof BasicOCSPResp basic)) {
                ignored.add(what + " ignored: not a basic OCSP response");
                return null;
            }
            X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
            SingleResp single = null;
            BigInteger serial = cert.getSerialNumber();
            for (SingleResp r : basic.getResponses()) {
                CertificateID id = r.getCertID();
                if (id.getSerialNumber().equals(serial) && id.matchesIssuer(issuerHolder, digests)) {
                    single = r;
                    break;
                }
            }
            if (single == null) {
                ignored.add(what + " ignored: it is not about this certificate");
                return null;
            }
            String signerProblem = verifySigner(basic, issuer, issuerHolder, at);
            if (signerProblem != null) {
                ignored.add(what + " ignored: " + signerProblem);
                return null;
            }
            Instant thisUpdate = single.getThisUpdate().toInstant();
            Date next = single.getNextUpdate();
            if (thisUpdate.isAfter(at.plus(CLOCK_SKEW))) {
                ignored.add(what + " ignored: thisUpdate " + thisUpdate + " is after " + at);
                return null;
            }
            if (next != null ? at.isAfter(next.toInstant()) : at.isAfter(thisUpdate.plus(MAX_AGE_WITHOUT_NEXT_UPDATE))) {
                ignored.add(what + " ignored: stale at " + at + " (thisUpdate " + thisUpdate + ", nextUpdate "
                        + (next == null ? "none" : next.toInstant()) + ")");
                return null;
            }
            Object status = single.getCertStatus();
            if (status instanceof RevokedStatus r) {
                Instant when = r.getRevocationTime().toInstant();
                if (!when.isAfter(at)) {
                    return new Answer(Outcome.FAIL, "revoked on " + when
                            + (r.hasRevocationReason() ? " (reason " + r.getRevocationReason() + ")" : "")
                            + " per " + what + " of " + thisUpdate);
                }
                return new Answer(Outcome.PASS, "revoked only after " + at + " per " + what);
            } else if (status instanceof UnknownStatus) {
                return new Answer(Outcome.UNKNOWN, "the OCSP responder does not know this certificate (" + what + ")");
            }
            return new Answer(Outcome.PASS, "good per " + what + " of " + thisUpdate);
        } catch (IOException | OCSPException | CertificateEncodingException | RuntimeException e) {
            ignored.add(what + " ignored: unreadable (" + e.getMessage() + ")");
            return null;
        }
    }

    /** Null if the response is signed by the issuer or a responder it delegated to; else what is wrong. */
    private String verifySigner(BasicOCSPResp basic, X509Certificate issuer, X509CertificateHolder issuerHolder,
                                Instant at) {
        try {
            RespID rid = basic.getResponderId();
            JcaContentVerifierProviderBuilder verifiers = new JcaContentVerifierProviderBuilder();
            if (names(rid, issuerHolder)) {
                return basic.isSignatureValid(verifiers.build(issuer.getPublicKey())) ? null
                        : "signature does not verify with the issuer's key";
            }
            for (X509CertificateHolder responder : basic.getCerts()) {
                if (!names(rid, responder)) {
                    continue;
                }
                if (!responder.isSignatureValid(verifiers.build(issuer.getPublicKey()))) {
                    return "the responder's certificate was not issued by the certificate's issuer";
                }
                ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
                if (eku == null || !eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
                    return "the responder's certificate lacks id-kp-OCSPSigning";
                }
                if (!responder.isValidOn(Date.from(at))) {
                    return "the responder's certificate is not valid at " + at;
                }
                return basic.isSignatureValid(verifiers.build(responder)) ? null
                        : "signature does not verify with the responder's key";
            }
            return "signed by neither the issuer nor a responder certificate included in the response";
        } catch (OperatorCreationException | OCSPException | java.security.cert.CertificateException
                 | org.bouncycastle.cert.CertException e) {
            return "signature cannot be checked (" + e.getMessage() + ")";
        }
    }

    private boolean names(RespID rid, X509CertificateHolder c) throws OCSPException {
        try {
            return rid.equals(new RespID(c.getSubject()))
                    || rid.equals(new RespID(c.getSubjectPublicKeyInfo(), digests.get(RespID.HASH_SHA1)));
        } catch (OperatorCreationException e) {
            throw new OCSPException("no SHA-1 for the responder key hash", e);
        }
    }
}
