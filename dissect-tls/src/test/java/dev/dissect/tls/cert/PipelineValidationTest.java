package dev.dissect.tls.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.tls.TlsPreferences;
import dev.dissect.tls.connection.TlsConnection;
import dev.dissect.tls.connection.TlsConnectionReport;
import dev.dissect.tls.connection.TlsConnections;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Certificate validation through the whole pipeline (reader, engine, TCP, TLS dissector) on the loopback captures
 * of {@code certs/loopback}: the verdict fields on the frame with the Certificate message, the verdict in the
 * {@link TlsConnection} and its report; valid, wrong host, untrusted root, stapled OCSP.
 */
class PipelineValidationTest {

    private static Path loopback(String name) throws Exception {
        return Path.of(PipelineValidationTest.class.getResource("/certs/loopback/" + name).toURI());
    }

    /** Frame number and verdict fields of every frame that has them. */
    private static List<String> verdictFrames(DissectionEngine engine, String capture, Dissection d)
            throws Exception {
        List<String> out = new ArrayList<>();
        try (CaptureSource source = Captures.open(loopback(capture))) {
            for (FrameView f; (f = source.next()) != null; ) {
                engine.dissect(f, d);
                int v = d.find("tls.cert_validation.verdict", 0);
                if (v >= 0) {
                    out.add(f.number() + " " + d.valueString(v) + " hostname="
                            + d.valueString(d.find("tls.cert_validation.hostname", 0)) + " trust="
                            + d.valueString(d.find("tls.cert_validation.trust", 0)) + " revocation="
                            + d.valueString(d.find("tls.cert_validation.revocation", 0)));
                }
            }
        }
        return out;
    }

    private static DissectionEngine trusting(String root) throws Exception {
        DissectionEngine engine = DissectionEngine.withDefaults();
        TlsPreferences.of(engine.session()).trustStore(loopback(root));
        return engine;
    }

    @Test
    void validChainOnceAtTheCertificateFrame() throws Exception {
        DissectionEngine engine = trusting("rsa-root.pem");
        List<String> frames = verdictFrames(engine, "rsa-tls12.pcap", new Dissection());
        assertEquals(1, frames.size(), frames::toString);
        assertTrue(frames.get(0).endsWith(" valid hostname=pass trust=pass revocation=unknown"), frames::toString);
        TlsConnection c = TlsConnections.of(engine.session()).all().get(0);
        assertEquals(Verdict.VALID, c.chainVerdict().verdict());
        assertEquals(2, c.serverCertificates().size());
        String report = TlsConnectionReport.format(TlsConnections.of(engine.session()));
        assertTrue(report.contains("Validation:   valid (trust pass, validity pass, hostname pass"), report);
        assertTrue(report.contains("server 0:  CN=www.loopback.test"), report);
    }

    @Test
    void wrongHostNameIsInvalid() throws Exception {
        DissectionEngine engine = trusting("rsa-root.pem");
        TlsPreferences.of(engine.session()).hostName("wrong.example");
        List<String> frames = verdictFrames(engine, "rsa-tls12.pcap", new Dissection());
        assertTrue(frames.get(0).endsWith(" invalid hostname=fail trust=pass revocation=unknown"), frames::toString);
        TlsConnection c = TlsConnections.of(engine.session()).all().get(0);
        assertTrue(c.chainVerdict().checks(CheckKind.HOSTNAME).get(0).message().contains("wrong.example"));
    }

    @Test
    void untrustedRootIsInvalid() throws Exception {
        DissectionEngine engine = trusting("rsa-root.pem"); // the EC chain's root is not in it
        List<String> frames = verdictFrames(engine, "ec-tls12.pcap", new Dissection());
        assertTrue(frames.get(0).endsWith(" invalid hostname=pass trust=fail revocation=unknown"), frames::toString);
    }

    @Test
    void stapledOcspReachesTheValidator() throws Exception {
        DissectionEngine engine = trusting("ec-root.pem");
        List<String> frames = verdictFrames(engine, "ec-tls12-ocsp.pcap", new Dissection());
        assertEquals(1, frames.size(), frames::toString);
        assertTrue(frames.get(0).endsWith(" valid hostname=pass trust=pass revocation=unknown"), frames::toString);
        ChainVerdict v = TlsConnections.of(engine.session()).all().get(0).chainVerdict();
        ValidationCheck leaf = v.checks(CheckKind.REVOCATION).get(0);
        assertEquals(Outcome.PASS, leaf.outcome(), leaf::toString);
        assertEquals(0, leaf.chainIndex());
    }

    /** With only other fields recorded, nothing is validated unless the preferences ask for every chain. */
    @Test
    void validatesOnlyWhenShownOrAsked() throws Exception {
        DissectionEngine engine = trusting("rsa-root.pem");
        Dissection d = new Dissection();
        d.recordFields(Set.of(engine.registry().fields().get("frame.number")));
        assertEquals(List.of(), verdictFrames(engine, "rsa-tls12.pcap", d));
        assertNull(TlsConnections.of(engine.session()).all().get(0).chainVerdict());

        DissectionEngine always = trusting("rsa-root.pem");
        TlsPreferences.of(always.session()).validation(TlsPreferences.Validation.ALWAYS);
        verdictFrames(always, "rsa-tls12.pcap", d);
        assertEquals(Verdict.VALID, TlsConnections.of(always.session()).all().get(0).chainVerdict().verdict());
    }
}
