package dev.dissect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code -o tls.*} preferences and {@code -z tls,conn}, on the TLS module's loopback test captures. */
class TlsOptionsTest {
    private static final Path DECRYPT = Path.of("..", "dissect-tls", "src", "test", "resources", "decrypt");
    private static final Path CERTS = Path.of("..", "dissect-tls", "src", "test", "resources", "certs", "loopback");
    private static final Path RESOLVED = Path.of("..", "dissect-tls", "src", "test", "resources", "certs", "resolved");

    @Test
    void keyLogDecryptsAndTheReportSaysSo() {
        Cli.Result r = Cli.run("-r", DECRYPT.resolve("tls13-chacha20.pcap").toString(),
                "-o", "tls.keylog_file:" + DECRYPT.resolve("tls13-chacha20.keys"), "-z", "tls,conn");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("HTTP 177 GET /hello.http HTTP/1.1"), r.out());
        assertTrue(r.out().contains("Connection 0 (tcp.stream 0): 127.0.0.1:"), r.out());
        assertTrue(r.out().contains("Finished:     client verified, server verified"), r.out());
        assertTrue(r.out().contains("Validation:   invalid"), r.out()); // self-signed, not in the JDK's store
    }

    @Test
    void rsaKeyTrustStoreAndHost() {
        Cli.Result r = Cli.run("-r", CERTS.resolve("rsa-tls12.pcap").toString(),
                "-o", "tls.trust_store:" + CERTS.resolve("rsa-root.pem"), "-o", "tls.cert_host:wrong.example",
                "-T", "fields", "-e", "tls.cert_validation.verdict", "-e", "tls.cert_validation.hostname",
                "-Y", "tls.cert_validation.verdict");
        assertEquals(0, r.code(), r.err());
        assertEquals("invalid\tfail\n", r.out());
        Cli.Result rsa = Cli.run("-r", DECRYPT.resolve("tls12-rsa-aes128-cbc-sha.pcap").toString(),
                "-o", "tls.rsa_key_file:" + DECRYPT.resolve("server-key.pem"), "-T", "fields",
                "-e", "tls.finished.verified", "-Y", "tls.finished.verified");
        assertEquals("1\n1\n", rsa.out(), rsa.err());
    }

    /** The validator's caps, lowered with -o, make a valid chain (leaf, intermediate, root) unverifiable. */
    @Test
    void loweredValidationCaps() {
        String[] args = {"-r", CERTS.resolve("ec-tls12.pcap").toString(), "-o",
            "tls.trust_store:" + CERTS.resolve("ec-root.pem"), "-o", "tls.cert_host:www.loopback.test",
            "-T", "fields", "-e", "tls.cert_validation.verdict", "-e", "tls.cert_validation.trust",
            "-Y", "tls.cert_validation.verdict"};
        assertEquals("valid	pass\n", Cli.run(args).out());
        for (String cap : new String[] {"x509.max_path_length:2", "x509.max_signature_checks:1"}) {
            String[] lowered = java.util.Arrays.copyOf(args, args.length + 2);
            lowered[args.length] = "-o";
            lowered[args.length + 1] = cap;
            Cli.Result r = Cli.run(lowered);
            assertEquals(0, r.code(), r.err());
            assertTrue(!r.out().startsWith("valid\t"), cap + ": " + r.out());
        }
    }

    /**
     * certs/resolved: the server sends its leaf only and no SNI; the intermediate comes from -o tls.intermediates,
     * revocation from -o tls.crl_file (repeatable), the host name from the capture's DNS lookup.
     */
    @Test
    void intermediatesAndCrlFiles() {
        String pcap = RESOLVED.resolve("dns-then-tls12-no-sni.pcap").toString();
        String trust = "tls.trust_store:" + RESOLVED.resolve("root.pem");
        String inter = "tls.intermediates:" + RESOLVED.resolve("inter.pem");
        String[] fields = {"-T", "fields", "-e", "tls.cert_validation.verdict", "-e", "tls.cert_validation.trust",
                "-e", "tls.cert_validation.hostname", "-e", "tls.cert_validation.revocation",
                "-Y", "tls.cert_validation.verdict"};
        Cli.Result without = Cli.run(concat(new String[] {"-r", pcap, "-o", trust}, fields));
        assertEquals("unknown\tunknown\tpass\tunknown\n", without.out(), without.err());
        Cli.Result with = Cli.run(concat(new String[] {"-r", pcap, "-o", trust, "-o", inter}, fields));
        assertEquals("valid\tpass\tpass\tunknown\n", with.out(), with.err());
        Cli.Result revoked = Cli.run(concat(new String[] {"-r", pcap, "-o", trust, "-o", inter,
                "-o", "tls.crl_file:" + RESOLVED.resolve("inter-empty.crl.pem"),
                "-o", "tls.crl_file:" + RESOLVED.resolve("inter-revokes-leaf.crl.pem")}, fields));
        assertEquals("invalid\tpass\tpass\tfail\n", revoked.out(), revoked.err());
        Cli.Result bad = Cli.run("-r", pcap, "-o", "tls.crl_file:" + RESOLVED.resolve("root.pem"));
        assertEquals(DissectCommand.EXIT_USAGE, bad.code(), bad.err());
        assertTrue(bad.err().contains("tls.crl_file"), bad.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aMissingKeyFileIsAUsageError() {
        Cli.Result r = Cli.run("-r", Cli.EXAMPLE.toString(), "-o", "tls.keylog_file:/no/such/file");
        assertEquals(DissectCommand.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("tls.keylog_file"), r.err());
    }
}
