package dev.dissect.tls.connection;

import dev.dissect.api.flow.FlowKey;
import dev.dissect.tls.cert.CertificateParseException;
import dev.dissect.tls.cert.CheckKind;
import dev.dissect.tls.cert.ChainVerdict;
import dev.dissect.tls.cert.Outcome;
import dev.dissect.tls.cert.ParsedCertificate;
import dev.dissect.tls.cert.ValidationCheck;
import dev.dissect.tls.decrypt.FinishedCheck;
import dev.dissect.tls.record.TlsVersions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * Formats connection summaries as plain text, one block per connection, for {@code -z tls,conn}.
 *
 * <pre>
 * Connection 0 (tcp.stream 0): 10.0.0.1:40000 -> 10.0.0.2:443
 *   Version:     TLS 1.3, cipher suite 0x1301
 *   SNI:         example.com
 *   ALPN:        offered h2,http/1.1; chosen h2
 *   Resumption:  none (session id 32 bytes, ticket offered no, PSK offered no)
 *   Certificates: 2 (1234, 987 bytes)
 *     server 0:  CN=www.example.com
 *     server 1:  CN=Example CA,O=Example
 *   Validation:  invalid (trust pass, validity pass, hostname fail, revocation unknown, usage pass, algorithms pass)
 *     hostname fail [0 CN=www.example.com]: none of [www.example.com] matches other.example
 *   Decryption:  12 records decrypted, 0 failed
 *   Finished:    client verified, server verified
 *   JA3:         771,4865-...  [0123...]
 *   JA3S:        771,4865,51-43  [eb1d...]
 *   JA4:         t13d1516h2_8daaf6152771_e5627efa2ab1
 *   Alerts:      none
 *   Timeline:
 *     frame 4  +0.000000 C Client Hello
 *     frame 6  +0.002039 S Server Hello
 * </pre>
 */
public final class TlsConnectionReport {
    private TlsConnectionReport() {
    }

    /** Every connection of the registry, then a line for those dropped under its cap. */
    public static String format(TlsConnections connections) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (TlsConnection c : connections.all()) {
            append(out, i++, c);
        }
        if (connections.dropped() > 0) {
            out.append(connections.dropped()).append(" more connections not kept (cap ")
                    .append(connections.maxConnections()).append(")\n");
        }
        return out.toString();
    }

    /** One block. */
    public static StringBuilder append(StringBuilder out, int index, TlsConnection c) {
        out.append("Connection ").append(index).append(" (tcp.stream ").append(c.streamIndex()).append("): ");
        FlowKey f = c.flow();
        if (f != null) {
            out.append(endpoint(f.clientAddress(), f.clientPort())).append(" -> ")
                    .append(endpoint(f.serverAddress(), f.serverPort()));
        }
        out.append('\n');
        line(out, "Version", c.version() < 0 ? "unknown (no ServerHello)"
                : TlsVersions.displayName(c.version()) + ", cipher suite " + String.format("0x%04x", c.cipherSuite())
                + (c.helloRetryRequest() ? ", after HelloRetryRequest" : ""));
        line(out, "SNI", c.serverName() == null ? "none" : c.serverName());
        line(out, "ALPN", "offered " + (c.alpnOffered().isEmpty() ? "none" : String.join(",", c.alpnOffered()))
                + "; chosen " + (c.alpnChosen() == null ? "none" : c.alpnChosen()));
        line(out, "Resumption", (c.resumption() == null ? "none" : c.resumption()) + " (session id "
                + c.clientSessionId().length + " bytes, ticket offered " + yesNo(c.ticketOffered())
                + ", PSK offered " + yesNo(c.pskOffered()) + ")");
        StringBuilder certs = new StringBuilder().append(c.certificates().size());
        if (!c.certificates().isEmpty()) {
            certs.append(" (");
            String sep = "";
            for (byte[] der : c.certificates()) {
                certs.append(sep).append(der.length);
                sep = ", ";
            }
            certs.append(" bytes)");
        }
        line(out, "Certificates", certs.toString());
        int i = 0;
        for (byte[] der : c.serverCertificates()) {
            out.append("    server ").append(i++).append(":  ").append(subject(der)).append('\n');
        }
        ChainVerdict v = c.chainVerdict();
        if (v == null) {
            line(out, "Validation", c.serverCertificates().isEmpty() ? "none (no server certificate seen)"
                    : "not validated");
        } else {
            StringBuilder kinds = new StringBuilder();
            for (CheckKind k : CheckKind.values()) {
                kinds.append(kinds.length() == 0 ? "" : ", ").append(k.fieldSuffix()).append(' ')
                        .append(v.outcome(k).text());
            }
            line(out, "Validation", v.verdict().text() + " (" + kinds + ")");
            for (ValidationCheck check : v.checks()) {
                if (check.outcome() != Outcome.PASS && check.outcome() != Outcome.SKIPPED) {
                    out.append("    ").append(check).append('\n');
                }
            }
        }
        line(out, "Decryption", c.decryptedRecords() == 0 && c.failedRecords() == 0
                ? "none" + (c.keyProblem() != null && !c.keyProblem().isEmpty() ? " (" + c.keyProblem() + ")" : "")
                : c.decryptedRecords() + " records decrypted, " + c.failedRecords() + " failed");
        line(out, "Finished", "client " + finished(c.finishedCheck(false)) + ", server "
                + finished(c.finishedCheck(true)));
        line(out, "JA3", c.ja3Full() == null ? "none" : c.ja3Full() + "  [" + c.ja3() + "]");
        line(out, "JA3S", c.ja3sFull() == null ? "none" : c.ja3sFull() + "  [" + c.ja3s() + "]");
        line(out, "JA4", c.ja4() == null ? "none" : c.ja4());
        StringBuilder alerts = new StringBuilder();
        for (TlsAlert a : c.alerts()) {
            alerts.append(alerts.length() == 0 ? "" : "; ").append("frame ").append(a.frame())
                    .append(a.fromServer() ? " S " : " C ")
                    .append(a.encrypted() ? "encrypted" : a.level() + "/" + a.description());
        }
        line(out, "Alerts", alerts.length() == 0 ? "none" : alerts.toString());
        out.append("  Timeline:\n");
        for (HandshakeEvent e : c.timeline()) {
            out.append("    frame ").append(e.frame()).append(String.format("  +%.6f ", e.offsetNanos() / 1e9))
                    .append(e.fromServer() ? "S " : "C ").append(e.message()).append('\n');
        }
        if (c.truncated()) {
            out.append("  (some certificates or timeline entries left out under the caps)\n");
        }
        return out;
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append("  ").append(label).append(':').append(" ".repeat(Math.max(1, 13 - label.length())))
                .append(value).append('\n');
    }

    private static String finished(FinishedCheck check) {
        if (check == null) {
            return "not seen";
        }
        return switch (check.verdict()) {
            case VERIFIED -> "verified";
            case MISMATCH -> "MISMATCH";
            default -> "not checked (" + check.reason() + ")";
        };
    }

    private static String subject(byte[] der) {
        try {
            return ParsedCertificate.parse(der).subject();
        } catch (CertificateParseException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static String endpoint(byte[] address, int port) {
        try {
            String a = InetAddress.getByAddress(address).getHostAddress();
            return (address.length == 16 ? "[" + a + "]" : a) + ":" + port;
        } catch (UnknownHostException e) {
            return HexFormat.of().formatHex(address) + ":" + port;
        }
    }
}
