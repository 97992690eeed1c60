package dev.dissect.tls.cert;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Validates a server's certificate chain as a TLS client would have at the moment of the handshake: path to a
 * trusted root, validity at the capture's instant (not today), host name, revocation, usage and algorithms, each
 * reported as its own {@link ValidationCheck} in a {@link ChainVerdict}.
 *
 * <p><b>Never touches the network</b> unless a {@link RevocationFetcher} is installed. <b>Never throws on bad
 * input:</b> unreadable certificates, garbage OCSP responses and broken chains become checks that fail.
 * <b>Bounded:</b> paths of at most {@value #MAX_PATH} certificates and at most {@value #MAX_SIGNATURE_CHECKS}
 * signature verifications per chain by default ({@link Builder#maxPathLength}, {@link Builder#maxSignatureChecks};
 * {@code x509.max_path_length} and {@code x509.max_signature_checks}). <b>Thread-safe</b> once built.
 *
 * <h2>How the path is found, and why not with {@code CertPathBuilder}</h2>
 * We build the path ourselves, as browsers do: from the leaf, look for an issuer (same name as the certificate's
 * issuer, and its key verifies the certificate's signature) first among the trust anchors, then among the other
 * certificates the server sent (in any order; superfluous ones are ignored) and the user's extra intermediates,
 * depth first with backtracking. Dates play no part in building. The JDK's and bcprov's {@code CertPathBuilder}
 * check dates while building, so an expired intermediate or a capture from years ago gives "no path found" with no
 * reason; ours tells an untrusted root from a missing intermediate from a bad signature, and keeps validity as a
 * check of its own.
 *
 * <h2>How the path is validated, and why bcprov's PKIX</h2>
 * The path found goes through bcprov's RFC 5280 {@code CertPathValidator} (basic constraints, path length, key
 * usage of CAs, name constraints, policies, unknown critical extensions), revocation off (we do it, see
 * {@link RevocationChecker}). bcprov's rather than the JDK's: the JDK's applies its {@code java.security}
 * {@code jdk.certpath.disabledAlgorithms} policy, which differs between JDK updates and would turn SHA-1 and small
 * keys into hard failures, where we report them as warnings under {@link CheckKind#ALGORITHMS}. The provider is an
 * instance passed to {@code getInstance}; it is never registered globally. PKIX runs at the given instant, or, when
 * some certificate is outside its validity then, at an instant inside every certificate's validity, so an expired
 * chain still says whether it chains to a trusted root; validity is reported under {@link CheckKind#VALIDITY}.
 *
 * <h2>Verdict</h2>
 * {@link Verdict#INVALID} if any check failed; else {@link Verdict#UNKNOWN} if trust could not be decided (the
 * leaf's issuer was neither sent nor trusted: a client that caches intermediates or fetches them from AIA might
 * succeed) or revocation was required and unknown; else {@link Verdict#VALID}. Revocation is soft-fail by default,
 * as browsers do.
 *
 * <p>Own checks beside PKIX: the leaf's extendedKeyUsage includes serverAuth (or anyExtendedKeyUsage) when present
 * and its keyUsage allows digitalSignature, keyEncipherment or keyAgreement; CAs that are not trust anchors have
 * cA, keyCertSign when keyUsage is present, a pathLenConstraint that holds, and serverAuth in any extendedKeyUsage
 * (EKU chaining, as Mozilla and Chrome enforce). The trust anchor's own constraints are not enforced (RFC 5280 §6.1
 * treats the anchor as input). Weak: MD2, MD5 and SHA-1 signatures below the anchor; RSA and DSA keys below 2048
 * bits; EC keys below 224 bits, the anchor's key included.
 *
 * @since 0.1
 */
public final class CertificateValidator {
    /** The longest path tried by default, trust anchor included. */
    public static final int MAX_PATH = 10;
    /** Signature verifications allowed by default while building one path. */
    public static final int MAX_SIGNATURE_CHECKS = 200;

    private static final Provider BC = new BouncyCastleProvider();
    private static final String SERVER_AUTH = KeyPurposeId.id_kp_serverAuth.getId();
    private static final String ANY_EKU = KeyPurposeId.anyExtendedKeyUsage.getId();
    private static final Set<String> WEAK_SIGNATURES = Set.of(
            PKCSObjectIdentifiers.md2WithRSAEncryption.getId(), PKCSObjectIdentifiers.md5WithRSAEncryption.getId(),
            PKCSObjectIdentifiers.sha1WithRSAEncryption.getId(), X9ObjectIdentifiers.ecdsa_with_SHA1.getId(),
            X9ObjectIdentifiers.id_dsa_with_sha1.getId());

    private final TrustStore trust;
    private final List<X509Certificate> extraIntermediates;
    private final RevocationChecker revocation;
    private final boolean commonNameFallback;
    private final boolean requireRevocationInfo;
    private final int maxPath;
    private final int maxSignatureChecks;

    private CertificateValidator(Builder b) {
        this.maxPath = b.maxPath;
        this.maxSignatureChecks = b.maxSignatureChecks;
        this.trust = b.trust != null ? b.trust : TrustStore.jdkDefault();
        this.extraIntermediates = List.copyOf(b.extraIntermediates);
        this.revocation = new RevocationChecker(b.crls, b.fetcher);
        this.commonNameFallback = b.commonNameFallback;
        this.requireRevocationInfo = b.requireRevocationInfo;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Validates a chain with nothing stapled; see {@link #validate(ServerChain, Instant, String)}. */
    public ChainVerdict validate(List<byte[]> certificates, Instant at, String hostName) {
        return validate(ServerChain.of(certificates), at, hostName);
    }

    /**
     * Validates what the server presented.
     *
     * @param chain    the Certificate message's certificates and any stapled OCSP responses
     * @param at       the instant to validate at: the timestamp of the frame that carried the Certificate message
     * @param hostName the name the client wanted (SNI, a name the user gives, or one resolved earlier in the
     *                 capture); an IP literal is matched against iPAddress entries; null skips the check
     * @return the verdict; never null
     */
    public ChainVerdict validate(ServerChain chain, Instant at, String hostName) {
        Objects.requireNonNull(at, "at");
        List<ValidationCheck> checks = new ArrayList<>();
        List<Node> presented = new ArrayList<>();
        for (int i = 0; i < chain.certificates().size(); i++) {
            try {
                ParsedCertificate p = ParsedCertificate.parse(chain.certificates().get(i));
                presented.add(new Node(p, p.x509Certificate(), i, false));
            } catch (CertificateParseException e) {
                checks.add(new ValidationCheck(CheckKind.TRUST, Outcome.FAIL, i, "",
                        "certificate " + i + " cannot be read: " + e.getMessage()));
            }
        }
        if (presented.isEmpty() || presented.get(0).chainIndex != 0) {
            if (presented.isEmpty() && checks.isEmpty()) {
                checks.add(new ValidationCheck(CheckKind.TRUST, Outcome.FAIL, -1, "", "no certificate"));
            }
            return finish(checks, List.of());
        }
        Node leaf = presented.get(0);
        List<Node> pool = new ArrayList<>(presented.subList(1, presented.size()));
        for (X509Certificate c : extraIntermediates) {
            Node n = node(c, -1, false);
            if (n != null) {
                pool.add(n);
            }
        }
        PathSearch search = new PathSearch(pool);
        List<Node> path = search.build(leaf);
        boolean complete = path != null;
        if (!complete) {
            path = search.longest;
            checks.add(new ValidationCheck(CheckKind.TRUST, search.failure, search.failedAt.chainIndex,
                    search.failedAt.parsed.subject(), search.failureMessage));
        } else {
            checks.add(pkix(path, at));
        }
        validity(path, at, checks);
        hostName(leaf, hostName, checks);
        revocation(path, complete, chain, at, checks);
        usage(path, complete, checks);
        algorithms(path, complete, checks);
        List<ParsedCertificate> parsed = new ArrayList<>();
        for (Node n : path) {
            parsed.add(n.parsed);
        }
        return finish(checks, parsed);
    }

    private ChainVerdict finish(List<ValidationCheck> checks, List<ParsedCertificate> path) {
        for (CheckKind k : CheckKind.values()) {
            if (checks.stream().noneMatch(c -> c.kind() == k)) {
                checks.add(new ValidationCheck(k, Outcome.SKIPPED, -1, "", "not checked: no readable leaf"));
            }
        }
        ChainVerdict draft = new ChainVerdict(Verdict.VALID, checks, path);
        boolean failed = checks.stream().anyMatch(c -> c.outcome() == Outcome.FAIL);
        boolean undecided = draft.outcome(CheckKind.TRUST) == Outcome.UNKNOWN
                || requireRevocationInfo && draft.outcome(CheckKind.REVOCATION) == Outcome.UNKNOWN;
        Verdict v = failed ? Verdict.INVALID : undecided ? Verdict.UNKNOWN : Verdict.VALID;
        return new ChainVerdict(v, checks, path);
    }

    /** A certificate in a path: where it came from, and both bcprov's and the JCA's view of it. */
    private record Node(ParsedCertificate parsed, X509Certificate x509, int chainIndex, boolean anchor) {
    }

    private static Node node(X509Certificate c, int chainIndex, boolean anchor) {
        try {
            return new Node(ParsedCertificate.parse(c.getEncoded()), c, chainIndex, anchor);
        } catch (GeneralSecurityException | CertificateParseException e) {
            return null; // a trust store or user certificate bcprov cannot read is left out
        }
    }

    /** Depth-first search from the leaf to a trust anchor; remembers the deepest dead end to explain it. */
    private final class PathSearch {
        private final List<Node> pool;
        private int signatureChecks;
        List<Node> longest = List.of();
        Node failedAt;
        Outcome failure;
        String failureMessage;

        PathSearch(List<Node> pool) {
            this.pool = pool;
        }

        List<Node> build(Node leaf) {
            List<Node> path = new ArrayList<>();
            path.add(leaf);
            return extend(path) ? path : null;
        }

        private boolean extend(List<Node> path) {
            Node cur = path.get(path.size() - 1);
            if (trust.trusts(cur.x509)) {
                path.set(path.size() - 1, new Node(cur.parsed, cur.x509, cur.chainIndex, true));
                return true;
            }
            boolean named = false;
            for (X509Certificate a : trust.withSubject(cur.x509.getIssuerX500Principal())) {
                named = true;
                if (verifies(cur.x509, a)) {
                    Node n = node(a, -1, true);
                    if (n != null) {
                        path.add(n);
                        return true;
                    }
                }
            }
            if (path.size() < maxPath - 1) {
                for (Node c : pool) {
                    if (!c.x509.getSubjectX500Principal().equals(cur.x509.getIssuerX500Principal())
                            || path.contains(c)) {
                        continue;
                    }
                    named = true;
                    if (verifies(cur.x509, c.x509)) {
                        path.add(c);
                        if (extend(path)) {
                            return true;
                        }
                        path.remove(path.size() - 1);
                    }
                }
            }
            deadEnd(path, cur, named);
            return false;
        }

        private void deadEnd(List<Node> path, Node cur, boolean named) {
            if (path.size() < longest.size()) {
                return;
            }
            longest = List.copyOf(path);
            failedAt = cur;
            if (cur.parsed.isSelfIssued() && verifies(cur.x509, cur.x509)) {
                failure = Outcome.FAIL;
                failureMessage = "self-signed certificate not in the trust store (untrusted root)";
            } else if (named) {
                failure = Outcome.FAIL;
                failureMessage = signatureChecks >= maxSignatureChecks
                        ? "gave up after " + maxSignatureChecks + " signature checks"
                        : "signature does not verify with the key of any certificate named " + cur.parsed.issuer()
                                + (path.size() >= maxPath - 1 ? " (or the path is longer than " + maxPath + ")" : "");
            } else {
                failure = Outcome.UNKNOWN;
                failureMessage = "issuer " + cur.parsed.issuer() + " was not sent and is not trusted (missing "
                        + "intermediate? a client that caches intermediates or fetches them via AIA may still succeed)";
            }
        }

        private boolean verifies(X509Certificate subject, X509Certificate issuer) {
            if (signatureChecks++ >= maxSignatureChecks) {
                return false;
            }
            try {
                subject.verify(issuer.getPublicKey());
                return true;
            } catch (GeneralSecurityException | RuntimeException e) {
                return false;
            }
        }
    }

    private static ValidationCheck pkix(List<Node> path, Instant at) {
        Node anchor = path.get(path.size() - 1);
        if (path.size() == 1) {
            return new ValidationCheck(CheckKind.TRUST, Outcome.PASS, anchor.chainIndex, anchor.parsed.subject(),
                    "the leaf itself is a trust anchor");
        }
        Instant date = at;
        Instant start = Instant.MIN;
        Instant end = Instant.MAX;
        for (Node n : path) {
            start = n.parsed.notBefore().isAfter(start) ? n.parsed.notBefore() : start;
            end = n.parsed.notAfter().isBefore(end) ? n.parsed.notAfter() : end;
        }
        String when = "";
        if (at.isBefore(start) || at.isAfter(end)) {
            if (start.isAfter(end)) {
                return new ValidationCheck(CheckKind.TRUST, Outcome.UNKNOWN, -1, "",
                        "signatures chain to " + anchor.parsed.subject() + ", but the validity periods do not "
                                + "overlap, so RFC 5280 path processing could not run");
            }
            date = start;
            when = " (checked at " + start + ", when every certificate was valid)";
        }
        List<X509Certificate> certs = new ArrayList<>();
        for (Node n : path.subList(0, path.size() - 1)) {
            certs.add(n.x509);
        }
        try {
            CertPath cp = CertificateFactory.getInstance("X.509").generateCertPath(certs);
            PKIXParameters p = new PKIXParameters(Set.of(new TrustAnchor(anchor.x509, null)));
            p.setRevocationEnabled(false);
            p.setDate(Date.from(date));
            CertPathValidator.getInstance("PKIX", BC).validate(cp, p);
            return new ValidationCheck(CheckKind.TRUST, Outcome.PASS, anchor.chainIndex, anchor.parsed.subject(),
                    "path of " + path.size() + " to trust anchor " + anchor.parsed.subject() + when);
        } catch (CertPathValidatorException e) {
            int i = e.getIndex();
            Node bad = i >= 0 && i < path.size() ? path.get(i) : anchor;
            return new ValidationCheck(CheckKind.TRUST, Outcome.FAIL, bad.chainIndex, bad.parsed.subject(),
                    "RFC 5280 path validation failed: " + e.getMessage() + when);
        } catch (GeneralSecurityException e) {
            return new ValidationCheck(CheckKind.TRUST, Outcome.UNKNOWN, -1, "", "PKIX could not run: " + e);
        }
    }

    private static void validity(List<Node> path, Instant at, List<ValidationCheck> checks) {
        int before = checks.size();
        for (Node n : path) {
            ParsedCertificate c = n.parsed;
            String problem = at.isBefore(c.notBefore()) ? "not yet valid at " + at + ": notBefore " + c.notBefore()
                    : at.isAfter(c.notAfter()) ? "expired at " + at + ": notAfter " + c.notAfter() : null;
            if (problem != null) {
                // RFC 5280 §6.1 does not check a trust anchor's validity; NSS does. Say so, without failing.
                checks.add(new ValidationCheck(CheckKind.VALIDITY, n.anchor && n != path.get(0) ? Outcome.WARN
                        : Outcome.FAIL, n.chainIndex, c.subject(), (n.anchor ? "trust anchor " : "") + problem));
            }
        }
        if (checks.size() == before) {
            checks.add(new ValidationCheck(CheckKind.VALIDITY, Outcome.PASS, -1, "",
                    "all " + path.size() + " certificates valid at " + at));
        }
    }

    private void hostName(Node leaf, String host, List<ValidationCheck> checks) {
        if (host == null || host.isEmpty()) {
            checks.add(new ValidationCheck(CheckKind.HOSTNAME, Outcome.SKIPPED, 0, leaf.parsed.subject(),
                    "no host name given"));
            return;
        }
        String mismatch = HostNameMatcher.mismatch(leaf.parsed, host, commonNameFallback);
        checks.add(new ValidationCheck(CheckKind.HOSTNAME, mismatch == null ? Outcome.PASS : Outcome.FAIL, 0,
                leaf.parsed.subject(), mismatch == null ? "names " + host : mismatch));
    }

    private void revocation(List<Node> path, boolean complete, ServerChain chain, Instant at,
                            List<ValidationCheck> checks) {
        for (int i = 0; i < path.size(); i++) {
            Node n = path.get(i);
            if (n.anchor) {
                break; // anchors are trusted as they are
            }
            if (i + 1 >= path.size()) {
                checks.add(new ValidationCheck(CheckKind.REVOCATION, Outcome.UNKNOWN, n.chainIndex,
                        n.parsed.subject(), "issuer unknown, so revocation cannot be checked"));
                continue;
            }
            byte[] stapled = n.chainIndex >= 0 ? chain.stapledOcsp().get(n.chainIndex) : null;
            RevocationChecker.Answer a = revocation.check(n.x509, path.get(i + 1).x509, stapled, at);
            checks.add(new ValidationCheck(CheckKind.REVOCATION, a.outcome(), n.chainIndex, n.parsed.subject(),
                    a.message()));
        }
        if (path.size() == 1 && complete) {
            checks.add(new ValidationCheck(CheckKind.REVOCATION, Outcome.PASS, 0, path.get(0).parsed.subject(),
                    "the leaf is a trust anchor"));
        }
    }

    private static void usage(List<Node> path, boolean complete, List<ValidationCheck> checks) {
        int before = checks.size();
        Node leaf = path.get(0);
        List<String> eku = leaf.parsed.extendedKeyUsages();
        if (eku != null && !eku.contains(SERVER_AUTH) && !eku.contains(ANY_EKU)) {
            checks.add(usageFail(leaf, "extendedKeyUsage " + eku + " lacks serverAuth"));
        }
        KeyUsage ku = leaf.parsed.keyUsage();
        if (ku != null && !ku.hasUsages(KeyUsage.digitalSignature) && !ku.hasUsages(KeyUsage.keyEncipherment)
                && !ku.hasUsages(KeyUsage.keyAgreement)) {
            checks.add(usageFail(leaf, "keyUsage allows none of digitalSignature, keyEncipherment, keyAgreement"));
        }
        int casBelow = 0; // CA certificates between this one and the leaf, self-issued ones not counted
        for (int i = 1; i < path.size(); i++) {
            Node ca = path.get(i);
            if (!ca.anchor) {
                ParsedCertificate c = ca.parsed;
                if (!c.isCa()) {
                    checks.add(usageFail(ca, "issues certificates but basicConstraints cA is not set"));
                }
                KeyUsage cku = c.keyUsage();
                if (cku != null && !cku.hasUsages(KeyUsage.keyCertSign)) {
                    checks.add(usageFail(ca, "issues certificates but keyUsage lacks keyCertSign"));
                }
                int limit = c.pathLengthConstraint();
                if (limit >= 0 && casBelow > limit) {
                    checks.add(usageFail(ca, "pathLenConstraint " + limit + " but " + casBelow
                            + " CA certificates below it"));
                }
                List<String> caEku = c.extendedKeyUsages();
                if (caEku != null && !caEku.contains(SERVER_AUTH) && !caEku.contains(ANY_EKU)) {
                    checks.add(usageFail(ca, "extendedKeyUsage " + caEku + " lacks serverAuth (EKU chaining)"));
                }
            }
            if (!path.get(i).parsed.isSelfIssued()) {
                casBelow++;
            }
        }
        if (checks.size() == before) {
            checks.add(new ValidationCheck(CheckKind.USAGE, Outcome.PASS, 0, leaf.parsed.subject(),
                    "usable for serverAuth" + (complete ? "" : " (as far as the path goes)")));
        }
    }

    private static ValidationCheck usageFail(Node n, String message) {
        return new ValidationCheck(CheckKind.USAGE, Outcome.FAIL, n.chainIndex, n.parsed.subject(), message);
    }

    private static void algorithms(List<Node> path, boolean complete, List<ValidationCheck> checks) {
        int before = checks.size();
        for (Node n : path) {
            ParsedCertificate c = n.parsed;
            if (!n.anchor && WEAK_SIGNATURES.contains(c.signatureAlgorithmOid())) {
                checks.add(new ValidationCheck(CheckKind.ALGORITHMS, Outcome.WARN, n.chainIndex, c.subject(),
                        "signed with " + c.signatureAlgorithmName() + " (MD5 and SHA-1 are broken for signatures)"));
            }
            int bits = c.keyBits();
            String alg = c.keyAlgorithm();
            boolean weak = (alg.equals("RSA") || alg.equals("DSA")) && bits < 2048 || alg.equals("EC") && bits < 224;
            if (weak && bits > 0) {
                checks.add(new ValidationCheck(CheckKind.ALGORITHMS, Outcome.WARN, n.chainIndex, c.subject(),
                        alg + " key of " + bits + " bits (minimum " + (alg.equals("EC") ? 224 : 2048) + ")"));
            }
        }
        if (checks.size() == before) {
            checks.add(new ValidationCheck(CheckKind.ALGORITHMS, Outcome.PASS, -1, "",
                    "no weak signature or key" + (complete ? "" : " (as far as the path goes)")));
        }
    }

    /**
     * Options. Defaults: the JDK's trust store, no extra intermediates, no CRLs, no fetcher (no network), no CN
     * fallback, revocation soft-fail.
     */
    public static final class Builder {
        private TrustStore trust;
        private final List<X509Certificate> extraIntermediates = new ArrayList<>();
        private final List<X509CRL> crls = new ArrayList<>();
        private RevocationFetcher fetcher;
        private boolean commonNameFallback;
        private boolean requireRevocationInfo;
        private int maxPath = MAX_PATH;
        private int maxSignatureChecks = MAX_SIGNATURE_CHECKS;

        private Builder() {
        }

        /** The longest path tried, trust anchor included ({@value #MAX_PATH} by default; one recursion per step). */
        public Builder maxPathLength(int certificates) {
            if (certificates < 2 || certificates > 64) {
                throw new IllegalArgumentException("path length " + certificates + " outside 2..64");
            }
            this.maxPath = certificates;
            return this;
        }

        /** Signature verifications allowed while building one path ({@value #MAX_SIGNATURE_CHECKS} by default). */
        public Builder maxSignatureChecks(int checks) {
            if (checks < 1) {
                throw new IllegalArgumentException("signature checks " + checks + " < 1");
            }
            this.maxSignatureChecks = checks;
            return this;
        }

        public Builder trustStore(TrustStore store) {
            this.trust = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Intermediates a client may have cached, used when the server did not send them. */
        public Builder extraIntermediates(Collection<X509Certificate> certificates) {
            extraIntermediates.addAll(certificates);
            return this;
        }

        /** CRLs to check revocation against (each checked for signature and currency at the instant). */
        public Builder crls(Collection<X509CRL> list) {
            crls.addAll(list);
            return this;
        }

        /** Fetches what the capture lacks; null (the default) fetches nothing. */
        public Builder revocationFetcher(RevocationFetcher f) {
            this.fetcher = f;
            return this;
        }

        /** Match the host name against the subject CN when the leaf has no subjectAltName (off by default). */
        public Builder commonNameFallback(boolean allow) {
            this.commonNameFallback = allow;
            return this;
        }

        /** Make the verdict UNKNOWN when revocation cannot be decided (hard-fail; off by default). */
        public Builder requireRevocationInfo(boolean require) {
            this.requireRevocationInfo = require;
            return this;
        }

        public CertificateValidator build() {
            return new CertificateValidator(this);
        }
    }
}
