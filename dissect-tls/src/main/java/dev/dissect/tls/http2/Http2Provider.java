package dev.dissect.tls.http2;

import dev.dissect.api.spi.DissectorProvider;
import dev.dissect.api.spi.Registrar;

/**
 * Registers HTTP/2's protocol and fields. It has no port of its own, as in tshark: decrypted TLS hands it the
 * plaintext when ALPN chose {@code h2} (or the plaintext starts with the connection preface), and cleartext HTTP/1.1
 * hands it a connection that starts with the preface or upgrades to {@code h2c}.
 *
 * @since 0.1
 */
public final class Http2Provider implements DissectorProvider {
    @Override
    public String id() {
        return "dissect.http2";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(Http2Fields.PROTOCOL, Http2Fields.FIELDS);
        r.diagnostics(Http2Fields.DIAGNOSTICS);
    }
}
