package dev.dissect.cli;

import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.tls.TlsPreferences;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code -o NAME:VALUE} preferences the command knows, each mapped to a call on the engine, as tshark's
 * {@code -o} sets a dissector's preference.
 *
 * <p>Today there is one family: <b>port preferences</b> {@code PROTOCOL.udp.port:RANGE} and
 * {@code PROTOCOL.tcp.port:RANGE} ({@code -o testproto.udp.port:7777,8000-8002}), which decode those ports as
 * that protocol, like a {@code -d udp.port==7777,testproto} per port. Named preferences register with
 * {@link #define}; TLS has six, applied to the session's {@link TlsPreferences}:
 * <ul>
 *   <li>{@code tls.keylog_file:PATH} (tshark's name): an NSS key log file (SSLKEYLOGFILE); repeatable.</li>
 *   <li>{@code tls.rsa_key_file:PATH} (ours; tshark's RSA keys are a table): a server's RSA private key in PEM,
 *       for RSA key exchange; repeatable.</li>
 *   <li>{@code tls.trust_store:PATH} (ours): a PEM bundle, or a folder of PEM files, to validate server chains
 *       against instead of the JDK's trust store.</li>
 *   <li>{@code tls.cert_host:NAME} (ours): the host name chains are checked for, instead of each SNI (without
 *       either, the name the capture's DNS resolved to the server's address).</li>
 *   <li>{@code tls.crl_file:PATH} (ours): CRLs (PEM or DER) to check revocation with; repeatable.</li>
 *   <li>{@code tls.intermediates:PATH} (ours): a PEM bundle of intermediates to complete chains servers sent
 *       without them; repeatable.</li>
 * </ul>
 *
 * <p><b>Caps</b> ({@code tcp.max_flows:N}, {@code tls.max_handshake_size:BYTES}, ..., every one in docs/limits.md)
 * are {@link CapPreferences}: applied when the engine is made, accepted here as known names.
 *
 * <p>An unknown name is an error listing what is known; the command turns it into a usage error.
 */
final class Preferences {
    /** Applies a preference's value to the engine; throws {@link IllegalArgumentException} for a bad value. */
    interface Setter {
        void apply(DissectionEngine engine, String value) throws IOException;
    }

    private record Definition(String description, Setter setter) {
    }

    /** Tables a port preference can name, as {@code PROTOCOL.<table>}. */
    private static final List<String> PORT_TABLES = List.of("udp.port", "tcp.port");
    private static final int MAX_PORT = 65_535;

    private final DissectionEngine engine;
    private final Map<String, Definition> definitions = new LinkedHashMap<>();

    Preferences(DissectionEngine engine) {
        this.engine = engine;
    }

    /**
     * The preferences the command offers. New ones are defined here, e.g.
     * {@code .define("tcp.desegment_tcp_streams", "reassemble TCP streams: TRUE or FALSE", (e, v) -> …)} once the
     * engine has the switch, and {@code tls.keylog_file} once TLS decryption reads a key log.
     */
    static Preferences forCommand(DissectionEngine engine) {
        Preferences prefs = new Preferences(engine);
        // Caps were applied when the engine was made (CapPreferences); here they are only known names.
        CapPreferences.descriptions().forEach((name, description) -> prefs.define(name, description, (e, v) -> { }));
        return prefs
                .define("tls.keylog_file", "NSS key log file to decrypt TLS with", (e, v) ->
                        tls(e).addKeyLogFile(existing("tls.keylog_file", v)))
                .define("tls.rsa_key_file", "server RSA private key (PEM) for RSA key exchange", (e, v) ->
                        tls(e).addRsaKeyFile(existing("tls.rsa_key_file", v)))
                .define("tls.trust_store", "PEM bundle or folder of trusted roots for certificate validation",
                        tlsFile("tls.trust_store", TlsPreferences::trustStore))
                .define("tls.cert_host", "host name to validate server certificates for (default: the SNI)",
                        (e, v) -> tls(e).hostName(v.isBlank() ? null : v.strip()))
                .define("tls.crl_file", "CRL file (PEM or DER) to check certificate revocation with",
                        tlsFile("tls.crl_file", TlsPreferences::addCrlFile))
                .define("tls.intermediates", "PEM bundle of intermediate certificates to complete chains with",
                        tlsFile("tls.intermediates", TlsPreferences::addIntermediates));
    }

    /** Gives a TLS preference an existing file that should hold certificates or CRLs. */
    private interface TlsFileSetter {
        void apply(TlsPreferences tls, Path file) throws IOException, GeneralSecurityException;
    }

    /** A setter for {@code name}: a missing file or one that is not certificates or CRLs is a bad value. */
    private static Setter tlsFile(String name, TlsFileSetter setter) {
        return (e, v) -> {
            try {
                setter.apply(tls(e), existing(name, v));
            } catch (GeneralSecurityException ex) {
                throw new IllegalArgumentException("bad -o " + name + ":" + v + ": " + ex.getMessage());
            }
        };
    }

    private static TlsPreferences tls(DissectionEngine engine) {
        return TlsPreferences.of(engine.session());
    }

    private static Path existing(String name, String value) {
        Path p = Path.of(value);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("-o " + name + ": the file \"" + value + "\" doesn't exist");
        }
        return p;
    }

    /** Adds a named preference (the hook for preferences beyond the port family). */
    Preferences define(String name, String description, Setter setter) {
        definitions.put(name, new Definition(description, setter));
        return this;
    }

    /** Applies one {@code NAME:VALUE}. */
    void set(String setting) {
        int colon = setting.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("bad -o \"" + setting + "\": use NAME:VALUE, e.g. "
                    + "testproto.udp.port:7777");
        }
        String name = setting.substring(0, colon);
        String value = setting.substring(colon + 1);
        Definition d = definitions.get(name);
        if (d != null) {
            try {
                d.setter().apply(engine, value);
            } catch (IOException e) {
                throw new IllegalArgumentException("-o " + name + ":" + value + ": " + e.getMessage(), e);
            }
            return;
        }
        for (String table : PORT_TABLES) {
            if (name.endsWith("." + table)) {
                String protocol = name.substring(0, name.length() - table.length() - 1);
                if (engine.registry().dissector(protocol) != null) {
                    for (int port : ports(setting, value)) {
                        engine.registry().decodeAs(table, port, protocol);
                    }
                    return;
                }
            }
        }
        throw new IllegalArgumentException("unknown preference \"" + name + "\" in -o " + setting
                + "; known: " + known());
    }

    /** What {@link #set} accepts, for error messages and help. */
    String known() {
        List<String> names = new ArrayList<>();
        names.add("PROTOCOL.udp.port:PORTS and PROTOCOL.tcp.port:PORTS, PROTOCOL one of "
                + String.join(", ", protocolsWithDissectors()));
        definitions.forEach((name, def) -> names.add(name + " (" + def.description() + ")"));
        return String.join("; ", names);
    }

    private List<String> protocolsWithDissectors() {
        List<String> out = new ArrayList<>();
        for (String p : engine.registry().protocols().keySet()) {
            if (engine.registry().dissector(p) != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** Wireshark's range syntax: {@code 80,443,8000-8080}. */
    private static List<Integer> ports(String setting, String value) {
        List<Integer> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String p = part.strip();
            int dash = p.indexOf('-');
            try {
                int lo = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).strip());
                int hi = dash < 0 ? lo : Integer.parseInt(p.substring(dash + 1).strip());
                if (lo < 0 || hi > MAX_PORT || lo > hi) {
                    throw new NumberFormatException();
                }
                for (int port = lo; port <= hi; port++) {
                    out.add(port);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port range \"" + p + "\" in -o " + setting
                        + ": use ports 0-65535 such as 80,443,8000-8080");
            }
        }
        return out;
    }
}
