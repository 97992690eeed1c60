package dev.dissect.tls.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.net.engine.Limits;
import dev.dissect.tls.TlsLimits;
import dev.dissect.tls.TlsPreferences;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validator on the chains openssl served in the loopback captures, at the capture's own time. The certificates
 * come out of the pcap by {@link LoopbackCapture}'s minimal scan; the through-the-whole-pipeline test comes when
 * the TLS dissector lands.
 */
class LoopbackValidationTest {
    private static TrustStore root(String prefix) throws Exception {
        Path tmp = Files.createTempFile("root", ".pem");
        try (InputStream in = LoopbackValidationTest.class.getResourceAsStream("/certs/loopback/" + prefix
                + "-root.pem")) {
            Files.write(tmp, in.readAllBytes());
            return TrustStore.fromPem(tmp);
        } finally {
            Files.delete(tmp);
        }
    }

    @Test
    void rsaChainInOrder() throws Exception {
        LoopbackCapture cap = LoopbackCapture.read("rsa-tls12.pcap");
        assertEquals(2, cap.certificates().size());
        CertificateValidator v = CertificateValidator.builder().trustStore(root("rsa")).build();
        ChainVerdict ok = v.validate(cap.certificates(), cap.certificateTime(), "www.loopback.test");
        assertEquals(Verdict.VALID, ok.verdict(), ok.checks()::toString);
        assertEquals(Outcome.PASS, v.validate(cap.certificates(), cap.certificateTime(), "a.wild.loopback.test")
                .outcome(CheckKind.HOSTNAME));
        assertEquals(Outcome.PASS, v.validate(cap.certificates(), cap.certificateTime(), "127.0.0.1")
                .outcome(CheckKind.HOSTNAME));
        assertEquals(Outcome.FAIL, v.validate(cap.certificates(), cap.certificateTime(), "a.b.wild.loopback.test")
                .outcome(CheckKind.HOSTNAME));
        // With the JDK's roots the loopback root is unknown and was not sent: undecided, not invalid.
        ChainVerdict jdk = CertificateValidator.builder().build()
                .validate(cap.certificates(), cap.certificateTime(), "www.loopback.test");
        assertEquals(Verdict.UNKNOWN, jdk.verdict(), jdk.checks()::toString);
    }

    @Test
    void ecChainOutOfOrderWithSuperfluousRoot() throws Exception {
        LoopbackCapture cap = LoopbackCapture.read("ec-tls12.pcap");
        assertEquals(3, cap.certificates().size());
        ChainVerdict ok = CertificateValidator.builder().trustStore(root("ec")).build()
                .validate(cap.certificates(), cap.certificateTime(), "www.loopback.test");
        assertEquals(Verdict.VALID, ok.verdict(), ok.checks()::toString);
        assertEquals(3, ok.path().size());
        // The root was sent, but nobody trusts it.
        ChainVerdict jdk = CertificateValidator.builder().build()
                .validate(cap.certificates(), cap.certificateTime(), "www.loopback.test");
        assertEquals(Verdict.INVALID, jdk.verdict());
        assertTrue(jdk.checks(CheckKind.TRUST).get(0).message().contains("untrusted root"));
    }

    @Test
    void theSessionsValidationCapsReachTheValidator() throws Exception {
        LoopbackCapture cap = LoopbackCapture.read("ec-tls12.pcap");
        Limits shortPaths = Limits.defaults().with(TlsLimits.MAX_PATH_LENGTH, 2);
        ChainVerdict cut = new TlsPreferences(shortPaths).trustStore(root("ec")).validator()
                .validate(cap.certificates(), cap.certificateTime(), "www.loopback.test");
        assertNotEquals(Verdict.VALID, cut.verdict(), cut.checks()::toString);
        Limits oneCheck = Limits.defaults().with(TlsLimits.MAX_SIGNATURE_CHECKS, 1);
        ChainVerdict gaveUp = new TlsPreferences(oneCheck).trustStore(root("ec")).validator()
                .validate(cap.certificates(), cap.certificateTime(), "www.loopback.test");
        assertTrue(gaveUp.checks(CheckKind.TRUST).get(0).message().contains("gave up"), gaveUp.checks()::toString);
        assertEquals(Verdict.VALID, new TlsPreferences().trustStore(root("ec")).validator()
                .validate(cap.certificates(), cap.certificateTime(), "www.loopback.test").verdict());
    }

    @Test
    void stapledOcspFromADelegatedResponder() throws Exception {
        LoopbackCapture cap = LoopbackCapture.read("ec-tls12-ocsp.pcap");
        assertNotNull(cap.stapledOcsp());
        ServerChain chain = ServerChain.of(cap.certificates()).withStapledOcsp(0, cap.stapledOcsp());
        CertificateValidator v = CertificateValidator.builder().trustStore(root("ec")).build();
        ChainVerdict ok = v.validate(chain, cap.certificateTime(), "www.loopback.test");
        assertEquals(Verdict.VALID, ok.verdict(), ok.checks()::toString);
        ValidationCheck leaf = ok.checks(CheckKind.REVOCATION).get(0);
        assertEquals(Outcome.PASS, leaf.outcome(), leaf::toString);
        assertEquals(0, leaf.chainIndex());
        // openssl made it valid for 30 days: stale 40 days later.
        ChainVerdict later = v.validate(chain, cap.certificateTime().plus(Duration.ofDays(40)), "www.loopback.test");
        assertEquals(Outcome.UNKNOWN, later.checks(CheckKind.REVOCATION).get(0).outcome());
    }

    @Test
    void verdictFields() throws Exception {
        LoopbackCapture cap = LoopbackCapture.read("rsa-tls12.pcap");
        ChainVerdict verdict = CertificateValidator.builder().trustStore(root("rsa")).build()
                .validate(cap.certificates(), cap.certificateTime(), "wrong.example");
        dev.dissect.api.dissection.Dissection tree = new dev.dissect.api.dissection.Dissection();
        tree.reset(null);
        tree.beginLayer(new dev.dissect.api.field.Protocol("tls", "TLS", "TLS"), 0, 0);
        CertValidationFields.add(tree, verdict);
        assertEquals("invalid", tree.valueString(tree.find("tls.cert_validation.verdict", 0)));
        assertEquals("fail", tree.valueString(tree.find("tls.cert_validation.hostname", 0)));
        assertEquals("pass", tree.valueString(tree.find("tls.cert_validation.trust", 0)));
        assertEquals("unknown", tree.valueString(tree.find("tls.cert_validation.revocation", 0)));
        List<String> messages = new java.util.ArrayList<>();
        for (int i = tree.find(CertValidationFields.MESSAGE, 0); i >= 0; i = tree.find(CertValidationFields.MESSAGE, i + 1)) {
            messages.add(tree.valueString(i));
        }
        assertTrue(messages.get(0).startsWith("hostname fail [0 CN=www.loopback.test"), messages.toString());
    }
}
