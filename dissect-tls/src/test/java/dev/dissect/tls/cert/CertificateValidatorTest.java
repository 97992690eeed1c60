package dev.dissect.tls.cert;

import static dev.dissect.tls.cert.TestPki.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.tls.cert.TestPki.Cert;
import dev.dissect.tls.cert.TestPki.Chain;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

class CertificateValidatorTest {
    private static final String HOST = "www.example.com";

    private static CertificateValidator validator(Chain c) {
        return CertificateValidator.builder().trustStore(c.trust()).build();
    }

    private static void assertOutcome(ChainVerdict v, CheckKind kind, Outcome expected) {
        assertEquals(expected, v.outcome(kind), () -> kind + " in " + v.checks());
    }

    /** The check of {@code kind} with outcome {@code o} concerns the certificate sent at {@code index}. */
    private static void assertAbout(ChainVerdict v, CheckKind kind, Outcome o, int index) {
        assertTrue(v.checks(kind).stream().anyMatch(c -> c.outcome() == o && c.chainIndex() == index),
                () -> kind + " " + o + " at " + index + " in " + v.checks());
    }

    @Test
    void valid() {
        Chain c = new Chain();
        ChainVerdict v = validator(c).validate(c.sent(), NOW, HOST);
        assertEquals(Verdict.VALID, v.verdict(), v.checks()::toString);
        for (CheckKind k : List.of(CheckKind.TRUST, CheckKind.VALIDITY, CheckKind.HOSTNAME, CheckKind.USAGE,
                CheckKind.ALGORITHMS)) {
            assertOutcome(v, k, Outcome.PASS);
        }
        assertOutcome(v, CheckKind.REVOCATION, Outcome.UNKNOWN); // soft-fail: nothing stapled, no CRL
        assertEquals(3, v.path().size());
        assertEquals(Verdict.UNKNOWN, CertificateValidator.builder().trustStore(c.trust()).requireRevocationInfo(true)
                .build().validate(c.sent(), NOW, HOST).verdict());
    }

    @Test
    void expiredAndNotYetValidLeaf() {
        Chain c = new Chain();
        ChainVerdict expired = validator(c).validate(c.sent(), Instant.parse("2026-02-01T00:00:00Z"), HOST);
        assertEquals(Verdict.INVALID, expired.verdict());
        assertAbout(expired, CheckKind.VALIDITY, Outcome.FAIL, 0);
        assertOutcome(expired, CheckKind.TRUST, Outcome.PASS); // still chains to the root
        ChainVerdict early = validator(c).validate(c.sent(), Instant.parse("2024-12-31T23:59:59Z"), HOST);
        assertAbout(early, CheckKind.VALIDITY, Outcome.FAIL, 0);
        assertTrue(early.checks(CheckKind.VALIDITY).get(0).message().contains("not yet valid"));
    }

    @Test
    void expiredIntermediate() {
        Chain base = new Chain();
        Cert i = base.intermediate(base.root, base.rootKey.getPrivate()).valid("2021-01-01T00:00:00Z",
                "2025-03-01T00:00:00Z");
        X509Certificate inter = i.sign();
        X509Certificate leaf = base.leaf(inter, base.interKey.getPrivate()).sign();
        Chain c = new Chain(base.root, inter, leaf);
        ChainVerdict v = validator(c).validate(c.sent(), NOW, HOST);
        assertEquals(Verdict.INVALID, v.verdict());
        assertAbout(v, CheckKind.VALIDITY, Outcome.FAIL, 1);
        // Both were valid together in early 2025: PKIX runs then, and the path is sound.
        assertOutcome(v, CheckKind.TRUST, Outcome.PASS);
        assertTrue(v.checks(CheckKind.TRUST).get(0).message().contains("checked at 2025-01-01"));
    }

    @Test
    void wrongHostAndIpAddresses() {
        Chain c = new Chain(l -> l.sans.add(new GeneralName(GeneralName.iPAddress, "192.0.2.7")));
        CertificateValidator val = validator(c);
        ChainVerdict v = val.validate(c.sent(), NOW, "mail.example.com");
        assertEquals(Verdict.INVALID, v.verdict());
        assertAbout(v, CheckKind.HOSTNAME, Outcome.FAIL, 0);
        assertOutcome(val.validate(c.sent(), NOW, "192.0.2.7"), CheckKind.HOSTNAME, Outcome.PASS);
        assertOutcome(val.validate(c.sent(), NOW, "192.0.2.8"), CheckKind.HOSTNAME, Outcome.FAIL);
        assertOutcome(val.validate(c.sent(), NOW, "EXAMPLE.com."), CheckKind.HOSTNAME, Outcome.PASS);
        assertOutcome(val.validate(c.sent(), NOW, null), CheckKind.HOSTNAME, Outcome.SKIPPED);
    }

    @Test
    void commonNameOnlyWithoutSanAndWhenAllowed() {
        Chain c = new Chain(l -> l.sans.clear());
        assertOutcome(validator(c).validate(c.sent(), NOW, HOST), CheckKind.HOSTNAME, Outcome.FAIL);
        CertificateValidator cn = CertificateValidator.builder().trustStore(c.trust()).commonNameFallback(true).build();
        assertOutcome(cn.validate(c.sent(), NOW, HOST), CheckKind.HOSTNAME, Outcome.PASS);
        Chain withSan = new Chain(l -> l.dns("other.example.net"));
        CertificateValidator cn2 = CertificateValidator.builder().trustStore(withSan.trust()).commonNameFallback(true)
                .build();
        // has a SAN, so the CN www.example.com is not looked at even when allowed
        assertOutcome(cn2.validate(withSan.sent(), NOW, "www.example.org"), CheckKind.HOSTNAME, Outcome.FAIL);
    }

    @Test
    void revokedByCrl() {
        Chain c = new Chain();
        CertificateValidator val = CertificateValidator.builder().trustStore(c.trust()).crls(List.of(
                TestPki.crl(c.inter, c.interKey.getPrivate(), NOW.minus(Duration.ofDays(1)),
                        NOW.plus(Duration.ofDays(6)), NOW.minus(Duration.ofDays(2)), 3),
                TestPki.crl(c.root, c.rootKey.getPrivate(), NOW.minus(Duration.ofDays(1)),
                        NOW.plus(Duration.ofDays(6)), NOW, 99))).build();
        ChainVerdict v = val.validate(c.sent(), NOW, HOST);
        assertEquals(Verdict.INVALID, v.verdict());
        assertAbout(v, CheckKind.REVOCATION, Outcome.FAIL, 0);
        assertAbout(v, CheckKind.REVOCATION, Outcome.PASS, 1); // the root's CRL does not list the intermediate
        // Before the revocation date the same CRL says good: the instant is the capture's.
        ChainVerdict before = val.validate(c.sent(), NOW.minus(Duration.ofDays(3)), HOST);
        assertOutcome(before, CheckKind.REVOCATION, Outcome.UNKNOWN); // ...but then the CRL was not yet issued
    }

    @Test
    void staleOrForgedCrlsAreIgnored() {
        Chain c = new Chain();
        KeyPair other = TestPki.ecKey("not the intermediate");
        CertificateValidator val = CertificateValidator.builder().trustStore(c.trust()).crls(List.of(
                TestPki.crl(c.inter, c.interKey.getPrivate(), NOW.minus(Duration.ofDays(30)),
                        NOW.minus(Duration.ofDays(23)), NOW.minus(Duration.ofDays(40)), 3),
                TestPki.crl(c.inter, other.getPrivate(), NOW.minus(Duration.ofDays(1)),
                        NOW.plus(Duration.ofDays(6)), NOW.minus(Duration.ofDays(2)), 3))).build();
        ChainVerdict v = val.validate(c.sent(), NOW, HOST);
        assertEquals(Verdict.VALID, v.verdict());
        ValidationCheck leaf = v.checks(CheckKind.REVOCATION).get(0);
        assertEquals(Outcome.UNKNOWN, leaf.outcome());
        assertTrue(leaf.message().contains("not current") && leaf.message().contains("signature"), leaf.message());
    }

    @Test
    void stapledOcsp() {
        Chain c = new Chain();
        CertificateValidator val = validator(c);
        byte[] revoked = TestPki.ocsp(c.leaf, c.inter, null, c.interKey.getPrivate(), NOW.minus(Duration.ofHours(1)),
                NOW.plus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(1)));
        ChainVerdict v = val.validate(ServerChain.of(c.sent()).withStapledOcsp(0, revoked), NOW, HOST);
        assertEquals(Verdict.INVALID, v.verdict());
        assertAbout(v, CheckKind.REVOCATION, Outcome.FAIL, 0);

        // A delegated responder with id-kp-OCSPSigning, issued by the intermediate: counts.
        Cert r = new Cert("CN=Test OCSP Responder", TestPki.ecKey("responder")).issuedBy(c.inter,
                c.interKey.getPrivate());
        r.eku = List.of(KeyPurposeId.id_kp_OCSPSigning);
        X509Certificate responder = r.sign();
        byte[] good = TestPki.ocsp(c.leaf, c.inter, responder, TestPki.ecKey("responder").getPrivate(),
                NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(3)), null);
        ChainVerdict ok = val.validate(ServerChain.of(c.sent()).withStapledOcsp(0, good), NOW, HOST);
        assertAbout(ok, CheckKind.REVOCATION, Outcome.PASS, 0);
        // ...but not once stale,
        ChainVerdict stale = val.validate(ServerChain.of(c.sent()).withStapledOcsp(0, good),
                NOW.plus(Duration.ofDays(4)), HOST);
        assertAbout(stale, CheckKind.REVOCATION, Outcome.UNKNOWN, 0);

        // ...and a responder without id-kp-OCSPSigning does not count.
        Cert r2 = new Cert("CN=Not A Responder", TestPki.ecKey("nope")).issuedBy(c.inter, c.interKey.getPrivate());
        byte[] rogue = TestPki.ocsp(c.leaf, c.inter, r2.sign(), TestPki.ecKey("nope").getPrivate(),
                NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(3)), null);
        ChainVerdict no = val.validate(ServerChain.of(c.sent()).withStapledOcsp(0, rogue), NOW, HOST);
        ValidationCheck leaf = no.checks(CheckKind.REVOCATION).get(0);
        assertEquals(Outcome.UNKNOWN, leaf.outcome());
        assertTrue(leaf.message().contains("OCSPSigning"), leaf.message());

        // Garbage is not an exception.
        ChainVerdict junk = val.validate(ServerChain.of(c.sent()).withStapledOcsp(0, new byte[] {0x30, 0x03, 1, 2}),
                NOW, HOST);
        assertOutcome(junk, CheckKind.REVOCATION, Outcome.UNKNOWN);
    }

    @Test
    void loweredPathAndSignatureCapsStopTheSearch() {
        Chain c = new Chain(); // leaf, intermediate, root: a path of three
        assertEquals(Verdict.VALID, CertificateValidator.builder().trustStore(c.trust()).maxPathLength(3).build()
                .validate(c.sent(), NOW, HOST).verdict());
        ChainVerdict shortPaths = CertificateValidator.builder().trustStore(c.trust()).maxPathLength(2).build()
                .validate(c.sent(), NOW, HOST);
        assertNotEquals(Verdict.VALID, shortPaths.verdict(), shortPaths.checks()::toString);
        ChainVerdict oneCheck = CertificateValidator.builder().trustStore(c.trust()).maxSignatureChecks(1).build()
                .validate(c.sent(), NOW, HOST);
        assertEquals(Verdict.INVALID, oneCheck.verdict(), oneCheck.checks()::toString);
        assertTrue(oneCheck.checks(CheckKind.TRUST).get(0).message().contains("gave up after 1 signature checks"),
                oneCheck.checks()::toString);
    }

    @Test
    void untrustedRoot() {
        Chain c = new Chain();
        Chain other = new Chain(TestPki.Chain.root("CN=Other Root,C=ZZ", TestPki.ecKey("other root")).sign(),
                null, null);
        ChainVerdict v = CertificateValidator.builder().trustStore(TrustStore.of(List.of(other.root))).build()
                .validate(c.sent(c.leaf, c.inter, c.root), NOW, HOST);
        assertEquals(Verdict.INVALID, v.verdict());
        assertAbout(v, CheckKind.TRUST, Outcome.FAIL, 2);
        assertTrue(v.checks(CheckKind.TRUST).get(0).message().contains("untrusted root"));
    }

    @Test
    void missingIntermediateIsUnknownUntilSupplied() {
        Chain c = new Chain();
        ChainVerdict v = validator(c).validate(c.sent(c.leaf), NOW, HOST);
        assertEquals(Verdict.UNKNOWN, v.verdict(), v.checks()::toString);
        assertAbout(v, CheckKind.TRUST, Outcome.UNKNOWN, 0);
        ChainVerdict cached = CertificateValidator.builder().trustStore(c.trust()).extraIntermediates(List.of(c.inter))
                .build().validate(c.sent(c.leaf), NOW, HOST);
        assertEquals(Verdict.VALID, cached.verdict(), cached.checks()::toString);
        assertEquals(-1, cached.checks(CheckKind.TRUST).get(0).chainIndex());
    }

    @Test
    void badSignature() {
        Chain c = new Chain();
        // Names the intermediate as issuer but is signed by another key.
        X509Certificate forged = c.leaf(c.inter, TestPki.ecKey("forger").getPrivate()).sign();
        ChainVerdict v = validator(c).validate(c.sent(forged, c.inter), NOW, HOST);
        assertEquals(Verdict.INVALID, v.verdict());
        assertAbout(v, CheckKind.TRUST, Outcome.FAIL, 0);
        assertTrue(v.checks(CheckKind.TRUST).get(0).message().contains("signature"));
    }

    @Test
    void wrongExtendedKeyUsage() {
        Chain c = new Chain(l -> l.eku = List.of(KeyPurposeId.id_kp_clientAuth));
        ChainVerdict v = validator(c).validate(c.sent(), NOW, HOST);
        assertEquals(Verdict.INVALID, v.verdict());
        assertAbout(v, CheckKind.USAGE, Outcome.FAIL, 0);
    }

    @Test
    void outOfOrderAndSuperfluousCertificates() {
        Chain c = new Chain();
        X509Certificate stranger = new Cert("CN=Unrelated", TestPki.ecKey("unrelated")).sign();
        ChainVerdict v = validator(c).validate(c.sent(c.leaf, stranger, c.root, c.inter), NOW, HOST);
        assertEquals(Verdict.VALID, v.verdict(), v.checks()::toString);
        assertEquals(List.of(c.leaf.getSubjectX500Principal().getName(), c.inter.getSubjectX500Principal().getName(),
                        c.root.getSubjectX500Principal().getName()),
                v.path().stream().map(p -> {
                    try {
                        return p.x509Certificate().getSubjectX500Principal().getName();
                    } catch (CertificateParseException e) {
                        throw new AssertionError(e);
                    }
                }).toList());
    }

    @Test
    void weakKeyAndSha1AreWarnings() {
        KeyPair small = TestPki.rsaKey("small leaf", 1024);
        Chain base = new Chain();
        Cert l = base.leaf(base.inter, base.interKey.getPrivate());
        l.key = small;
        X509Certificate rsaLeaf = l.sign();
        Chain c = new Chain(base.root, base.inter, rsaLeaf);
        ChainVerdict v = validator(c).validate(c.sent(), NOW, HOST);
        assertEquals(Verdict.VALID, v.verdict(), v.checks()::toString);
        assertAbout(v, CheckKind.ALGORITHMS, Outcome.WARN, 0);
        assertTrue(v.checks(CheckKind.ALGORITHMS).get(0).message().contains("1024"));

        Cert s = base.leaf(base.inter, base.interKey.getPrivate());
        s.signatureAlgorithm = "SHA1withECDSA";
        ChainVerdict sha1 = validator(base).validate(base.sent(s.sign(), base.inter), NOW, HOST);
        assertAbout(sha1, CheckKind.ALGORITHMS, Outcome.WARN, 0);
        assertTrue(sha1.checks(CheckKind.ALGORITHMS).get(0).message().contains("SHA1"));
    }

    @Test
    void basicConstraintsAndPathLength() {
        Chain base = new Chain();
        // The intermediate may have no CA below it, but a second intermediate follows.
        Cert i1 = base.intermediate(base.root, base.rootKey.getPrivate());
        i1.pathLen = 0;
        X509Certificate inter1 = i1.sign();
        KeyPair k2 = TestPki.ecKey("inter2");
        Cert i2 = new Cert("CN=Second Intermediate,C=ZZ", k2).issuedBy(inter1, base.interKey.getPrivate());
        i2.ca = true;
        X509Certificate inter2 = i2.sign();
        X509Certificate leaf = base.leaf(inter2, k2.getPrivate()).sign();
        ChainVerdict v = validator(base).validate(base.sent(leaf, inter2, inter1), NOW, HOST);
        assertEquals(Verdict.INVALID, v.verdict());
        assertAbout(v, CheckKind.USAGE, Outcome.FAIL, 2);

        // An end-entity certificate used as a CA.
        Cert notCa = base.intermediate(base.root, base.rootKey.getPrivate());
        notCa.ca = false;
        X509Certificate fake = notCa.sign();
        X509Certificate leaf2 = base.leaf(fake, base.interKey.getPrivate()).sign();
        ChainVerdict v2 = validator(base).validate(base.sent(leaf2, fake), NOW, HOST);
        assertEquals(Verdict.INVALID, v2.verdict());
        assertAbout(v2, CheckKind.USAGE, Outcome.FAIL, 1);
        assertOutcome(v2, CheckKind.TRUST, Outcome.FAIL); // PKIX agrees
    }

    @Test
    void nameConstraints() {
        Chain base = new Chain();
        Cert i = base.intermediate(base.root, base.rootKey.getPrivate());
        i.permitted = new GeneralSubtree(new GeneralName(GeneralName.dNSName, "example.org"));
        X509Certificate inter = i.sign();
        X509Certificate leaf = base.leaf(inter, base.interKey.getPrivate()).sign();
        ChainVerdict v = validator(base).validate(base.sent(leaf, inter), NOW, HOST);
        assertEquals(Verdict.INVALID, v.verdict());
        assertOutcome(v, CheckKind.TRUST, Outcome.FAIL);
    }

    @Test
    void unreadableCertificatesFail() {
        Chain c = new Chain();
        List<byte[]> sent = new ArrayList<>(c.sent());
        sent.add(new byte[] {0x30, 0x01, 0x00});
        ChainVerdict v = validator(c).validate(sent, NOW, HOST);
        assertEquals(Verdict.INVALID, v.verdict());
        assertAbout(v, CheckKind.TRUST, Outcome.FAIL, 2);
        ChainVerdict none = validator(c).validate(List.of(new byte[] {1, 2, 3}), NOW, HOST);
        assertEquals(Verdict.INVALID, none.verdict());
        assertEquals(CheckKind.values().length, none.checks().size());
    }

    @Test
    void trustedLeafItself() {
        Chain c = new Chain();
        ChainVerdict v = CertificateValidator.builder().trustStore(TrustStore.of(List.of(c.leaf))).build()
                .validate(c.sent(c.leaf), NOW, HOST);
        assertEquals(Verdict.VALID, v.verdict(), v.checks()::toString);
    }

    @Test
    void fetcherIsAskedOnlyWhenInstalledAndItsAnswersAreChecked() {
        Chain c = new Chain();
        List<String> asked = new ArrayList<>();
        RevocationFetcher fetcher = new RevocationFetcher() {
            @Override
            public byte[] fetchOcspResponse(X509Certificate cert, X509Certificate issuer) {
                asked.add(cert.getSubjectX500Principal().getName());
                return cert.equals(c.leaf) ? TestPki.ocsp(c.leaf, c.inter, null, c.interKey.getPrivate(),
                        NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)), null) : null;
            }
        };
        ChainVerdict v = CertificateValidator.builder().trustStore(c.trust()).revocationFetcher(fetcher).build()
                .validate(c.sent(), NOW, HOST);
        assertAbout(v, CheckKind.REVOCATION, Outcome.PASS, 0);
        assertAbout(v, CheckKind.REVOCATION, Outcome.UNKNOWN, 1);
        assertEquals(2, asked.size());
        assertTrue(v.checks(CheckKind.REVOCATION).get(0).message().contains("fetched OCSP"));
    }
}
