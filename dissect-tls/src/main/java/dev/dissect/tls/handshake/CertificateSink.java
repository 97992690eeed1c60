package dev.dissect.tls.handshake;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.net.engine.Limits;

/**
 * Where each DER certificate of a Certificate message goes after {@code tls.handshake.certificate} was recorded:
 * the call site for X.509 dissection ({@code x509af.*}, {@code x509ce.*}, {@code x509sat.*}).
 *
 * <p><b>Plug-in point.</b> {@code dev.dissect.tls.cert.CertificateFields.add(Dissection, ByteView, int, int)} has
 * this shape; once it is merged, {@code TlsProvider} passes {@code CertificateFields::add} instead of
 * {@link #NONE}. Implementations must not throw on bad DER and must read only
 * {@code [offset, offset + length)}; the view is valid during the call only.
 */
@FunctionalInterface
public interface CertificateSink {
    /** Does nothing: certificates are shown as bytes only. */
    CertificateSink NONE = (tree, data, offset, length) -> {
    };

    /** Dissects one DER certificate into {@code tree} (the current frame's record, inside the tls layer). */
    void add(Dissection tree, ByteView data, int offset, int length);

    /**
     * {@link #add(Dissection, ByteView, int, int)} within the session's caps (a DER size and depth); the TLS
     * dissector calls this one. The default ignores the caps.
     */
    default void add(Dissection tree, ByteView data, int offset, int length, Limits limits) {
        add(tree, data, offset, length);
    }
}
