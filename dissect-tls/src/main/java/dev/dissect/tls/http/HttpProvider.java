package dev.dissect.tls.http;

import dev.dissect.api.spi.DissectorProvider;
import dev.dissect.api.spi.Registrar;

/**
 * Registers HTTP/1.x on TCP ports 80 and 8080 (cleartext). Decrypted TLS hands its plaintext to an
 * {@code HttpDissector("https")} of its own.
 *
 * @since 0.1
 */
public final class HttpProvider implements DissectorProvider {
    /** Cleartext HTTP ports, as Wireshark's default {@code tcp.port} range for HTTP starts. */
    static final int[] PORTS = {80, 8080};

    @Override
    public String id() {
        return "dissect.http";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(HttpFields.PROTOCOL, HttpFields.FIELDS);
        r.diagnostics(HttpFields.DIAGNOSTICS);
        HttpDissector http = new HttpDissector();
        for (int port : PORTS) {
            r.addStream("tcp.port", port, http);
        }
    }
}
