package dev.dissect.tls.http;

import dev.dissect.api.spi.DissectorProvider;
import dev.dissect.api.spi.Registrar;

/**
 * Registers HTTP/1.x (cleartext) on tshark 4.0's HTTP TCP ports, and as tshark's heuristic for any other TCP port
 * (a first line that starts or ends with {@code HTTP/1.}). Decrypted TLS hands its plaintext to an
 * {@code HttpDissector("https")} of its own.
 *
 * @since 0.1
 */
public final class HttpProvider implements DissectorProvider {
    /**
     * Cleartext HTTP ports, as tshark 4.0's {@code tcp.port} table gives them to HTTP ({@code tshark -G decodes}):
     * HTTP, IPP, SSDP, proxies, DAAP, WinRM, alternates, HKP.
     */
    static final int[] PORTS = {80, 631, 1900, 2710, 2869, 3128, 3132, 3689, 5985, 8080, 8088, 11371};

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
        r.addStreamHeuristic("tcp.port", http);
    }
}
