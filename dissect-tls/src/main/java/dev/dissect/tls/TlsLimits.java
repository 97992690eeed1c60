package dev.dissect.tls;

import dev.dissect.net.engine.Limit;
import dev.dissect.tls.cert.CertificateValidator;
import dev.dissect.tls.connection.TlsConnection;
import dev.dissect.tls.connection.TlsConnections;
import dev.dissect.tls.decrypt.TlsKeyring;
import dev.dissect.tls.handshake.HandshakeReassembler;

/**
 * The caps of the TLS and X.509 dissectors, set with {@code Limits.with} or the CLI's {@code -o NAME:VALUE}
 * (docs/limits.md). The engine's session holds the values; the TLS dissector reads them when a connection starts.
 *
 * @since 0.1
 */
public final class TlsLimits {
    /** Largest handshake message reassembled across records, header included; a longer one is reported, not held. */
    public static final Limit MAX_HANDSHAKE_SIZE = Limit.of("tls.max_handshake_size",
            "bytes of one handshake message reassembled", HandshakeReassembler.MAX_MESSAGE, 64, (1 << 24) + 4);

    /** Certificates kept per connection for validation and {@code -z tls,conn} (the server's chain first). */
    public static final Limit MAX_CHAIN_CERTIFICATES = Limit.of("tls.max_chain_certificates",
            "certificates kept per connection", TlsConnection.MAX_CERTIFICATES, 0, 1_024);

    /** Longest certificate kept per connection; a longer one is dissected but not kept. */
    public static final Limit MAX_CHAIN_CERTIFICATE_SIZE = Limit.of("tls.max_chain_certificate_size",
            "bytes of one certificate kept per connection", TlsConnection.MAX_CERTIFICATE_BYTES, 0, 1 << 24);

    /** Timeline entries and alerts kept per connection. */
    public static final Limit MAX_CONNECTION_EVENTS = Limit.of("tls.max_connection_events",
            "handshake events and alerts kept per connection", TlsConnection.MAX_EVENTS, 0, 1 << 20);

    /** Connections kept for the session's report ({@code -z tls,conn}); later ones are counted only. */
    public static final Limit MAX_CONNECTIONS = Limit.of("tls.max_connections",
            "TLS connections kept per capture", TlsConnections.DEFAULT_MAX_CONNECTIONS, 0, 1 << 24);

    /** TLS 1.2 sessions remembered (by id and by ticket) to decrypt resumed sessions; the oldest is forgotten. */
    public static final Limit MAX_REMEMBERED_SESSIONS = Limit.of("tls.max_remembered_sessions",
            "TLS sessions remembered for resumption", TlsKeyring.MAX_REMEMBERED, 0, 1 << 24);

    /**
     * Decrypted bytes held over per direction for the dissector inside TLS (HTTP waiting for a body); past it the
     * held bytes are dropped with {@code tls.plaintext.too_long}.
     */
    public static final Limit MAX_PLAINTEXT_HELD = Limit.of("tls.max_plaintext_held",
            "decrypted bytes held per direction for the next dissector", 2 * 1024 * 1024, 0, Integer.MAX_VALUE / 2);

    /** Largest DER certificate parsed; a longer one is {@code x509.malformed}. */
    public static final Limit MAX_DER_SIZE = Limit.of("x509.max_der_size",
            "bytes of one DER certificate parsed", 64 * 1024, 16, 1 << 24);

    /**
     * Deepest DER nesting parsed; a deeper certificate is {@code x509.malformed}. At most 256: bcprov's parser
     * recurses once per level, and the guard that counts levels first is what keeps it off the Java stack's end.
     */
    public static final Limit MAX_DER_DEPTH = Limit.of("x509.max_der_depth",
            "DER nesting levels parsed", 32, 1, 256);

    /** The longest certificate path tried when validating, trust anchor included. */
    public static final Limit MAX_PATH_LENGTH = Limit.of("x509.max_path_length",
            "certificates in a validation path", CertificateValidator.MAX_PATH, 2, 64);

    /** Signature verifications allowed while building one path; then the verdict says it gave up. */
    public static final Limit MAX_SIGNATURE_CHECKS = Limit.of("x509.max_signature_checks",
            "signature verifications per chain validated", CertificateValidator.MAX_SIGNATURE_CHECKS, 1, 1 << 20);

    private TlsLimits() {
    }
}
