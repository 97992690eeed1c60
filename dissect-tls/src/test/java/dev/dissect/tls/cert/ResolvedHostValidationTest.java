package dev.dissect.tls.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.tls.TlsPreferences;
import dev.dissect.tls.connection.TlsConnections;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code certs/resolved/dns-then-tls12-no-sni.pcap} (make-resolved.sh): a DNS lookup of www.resolved.test, then a
 * TLS 1.2 connection without SNI to the address it gave, the server sending its leaf only. The host name comes
 * from the DNS response; the intermediate from {@link TlsPreferences#addIntermediates}; revocation from
 * {@link TlsPreferences#addCrlFile}.
 */
class ResolvedHostValidationTest {

    private static Path resolved(String name) throws Exception {
        return Path.of(ResolvedHostValidationTest.class.getResource("/certs/resolved/" + name).toURI());
    }

    /** Runs the capture (from frame {@code first} on) and returns the connection's verdict. */
    private static ChainVerdict verdict(TlsPreferences prefs, DissectionEngine engine, int first) throws Exception {
        prefs.trustStore(resolved("root.pem")).validation(TlsPreferences.Validation.ALWAYS);
        Dissection d = new Dissection();
        try (CaptureSource source = Captures.open(resolved("dns-then-tls12-no-sni.pcap"))) {
            for (FrameView f; (f = source.next()) != null; ) {
                if (f.number() >= first) {
                    engine.dissect(f, d);
                }
            }
        }
        return TlsConnections.of(engine.session()).all().get(0).chainVerdict();
    }

    @Test
    void withoutSniTheHostNameIsTheOneDnsResolvedEarlier() throws Exception {
        DissectionEngine engine = DissectionEngine.withDefaults();
        TlsPreferences prefs = TlsPreferences.of(engine.session()).addIntermediates(resolved("inter.pem"));
        ChainVerdict v = verdict(prefs, engine, 1);
        assertEquals(Outcome.PASS, v.outcome(CheckKind.HOSTNAME), v.toString());
        assertEquals("names www.resolved.test", v.checks(CheckKind.HOSTNAME).get(0).message());
        assertEquals(Outcome.PASS, v.outcome(CheckKind.TRUST), v.toString());
    }

    @Test
    void withoutTheLookupThereIsNoHostToCheck() throws Exception {
        DissectionEngine engine = DissectionEngine.withDefaults();
        TlsPreferences prefs = TlsPreferences.of(engine.session()).addIntermediates(resolved("inter.pem"));
        ChainVerdict v = verdict(prefs, engine, 3); // frames 1 and 2 are the DNS query and response
        assertEquals(Outcome.SKIPPED, v.outcome(CheckKind.HOSTNAME), v.toString());
    }

    @Test
    void theServerSentNoIntermediate() throws Exception {
        DissectionEngine engine = DissectionEngine.withDefaults();
        ChainVerdict v = verdict(TlsPreferences.of(engine.session()), engine, 1);
        assertEquals(Outcome.UNKNOWN, v.outcome(CheckKind.TRUST), v.toString());
    }

    @Test
    void crlFilesDecideRevocation() throws Exception {
        DissectionEngine engine = DissectionEngine.withDefaults();
        TlsPreferences prefs = TlsPreferences.of(engine.session()).addIntermediates(resolved("inter.pem"))
                .addCrlFile(resolved("inter-revokes-leaf.crl.pem"));
        ChainVerdict revoked = verdict(prefs, engine, 1);
        assertEquals(Verdict.INVALID, revoked.verdict(), revoked.toString());
        assertTrue(revoked.checks(CheckKind.REVOCATION).get(0).message().startsWith("revoked on "), revoked::toString);

        DissectionEngine engine2 = DissectionEngine.withDefaults();
        TlsPreferences good = TlsPreferences.of(engine2.session()).addIntermediates(resolved("inter.pem"))
                .addCrlFile(resolved("inter-empty.crl.pem"));
        ChainVerdict notRevoked = verdict(good, engine2, 1);
        assertEquals(Outcome.PASS, notRevoked.checks(CheckKind.REVOCATION).get(0).outcome(), notRevoked::toString);
    }
}
