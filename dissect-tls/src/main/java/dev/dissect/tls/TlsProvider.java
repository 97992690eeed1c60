package dev.dissect.tls;

import dev.dissect.api.spi.DissectorProvider;
import dev.dissect.api.spi.Registrar;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;
import dev.dissect.tls.cert.CertValidationFields;
import dev.dissect.tls.cert.CertificateFields;
import dev.dissect.tls.cert.CertificateLayers;
import dev.dissect.tls.fingerprint.FingerprintFields;
import dev.dissect.tls.handshake.CertificateSink;
import dev.dissect.tls.handshake.HandshakeFields;
import dev.dissect.tls.record.TlsRecordFields;
import dev.dissect.tls.record.TlsStreamDissector;

/**
 * Registers TLS: the {@code tls} protocol and its fields, the stream dissector on TLS's well-known ports, and the
 * same dissector as a heuristic for any other TCP port.
 *
 * <p>Connections are summarised in the session: {@code TlsConnections.of(engine.session())} after a pass. Keys,
 * trust store and host name are the session's {@link TlsPreferences}.
 */
public final class TlsProvider implements DissectorProvider {
    /** HTTPS, SMTPS, NNTPS, LDAPS, DNS over TLS, FTPS, IMAPS, POP3S, SIP over TLS, HTTPS alternate. */
    static final int[] PORTS = {443, 465, 563, 636, 853, 990, 993, 995, 5061, 8443};

    /**
     * Wireshark's X.509 dissectors (x509af, x509ce, x509sat, x509if) record their fields inside tls here; x509af is
     * the protocol they are declared with, and a layer where DSA parameters are read (see {@link CertificateLayers}).
     */
    static final Protocol X509 = CertificateLayers.X509AF;

    /** The certificate call site: X.509 fields are added by this sink. */
    private final CertificateSink certificates;

    /** The provider ServiceLoader makes. */
    public TlsProvider() {
        this(CertificateFields.SINK);
    }

    /** A provider whose dissector hands every DER certificate to {@code certificates}. */
    public TlsProvider(CertificateSink certificates) {
        this.certificates = certificates;
    }

    @Override
    public String id() {
        return "dissect.tls";
    }

    @Override
    public void register(Registrar registrar) {
        registrar.protocol(TlsRecordFields.PROTOCOL, TlsRecordFields.FIELDS);
        registrar.protocol(TlsRecordFields.PROTOCOL, HandshakeFields.FIELDS);
        registrar.protocol(TlsRecordFields.PROTOCOL, FingerprintFields.FIELDS);
        registrar.protocol(TlsRecordFields.PROTOCOL, CertValidationFields.fields().toArray(new FieldDef[0]));
        registrar.diagnostics(TlsRecordFields.DIAGNOSTICS);
        registrar.protocol(X509, CertificateFields.fields().toArray(new FieldDef[0]));
        registrar.diagnostics(CertificateFields.MALFORMED, CertificateFields.NOT_DER);
        for (Protocol p : CertificateLayers.PROTOCOLS) {
            registrar.protocol(p); // layers only: their fields are recorded in tls
        }
        TlsStreamDissector tls = new TlsStreamDissector(certificates);
        for (int port : PORTS) {
            registrar.addStream("tcp.port", port, tls);
        }
        registrar.addStreamHeuristic("tcp.port", tls);
    }
}
