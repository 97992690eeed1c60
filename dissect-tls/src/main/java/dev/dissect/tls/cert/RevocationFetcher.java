package dev.dissect.tls.cert;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Fetches revocation information the capture did not carry, for example from the certificate's OCSP responder or
 * CRL distribution point. <b>Off by default:</b> {@link CertificateValidator} never touches the network unless the
 * user installs one. The answers are checked exactly like stapled or supplied ones (signature, responder,
 * freshness at the capture's instant); a fetcher only supplies bytes.
 *
 * <p>Called from the validating thread, only for certificates that have no usable stapled response and no usable
 * supplied CRL. Return null or an empty list for "nothing"; throwing counts as nothing.
 *
 * @since 0.1
 */
public interface RevocationFetcher {
    /** A DER OCSP response about {@code cert}, or null. */
    default byte[] fetchOcspResponse(X509Certificate cert, X509Certificate issuer) {
        return null;
    }

    /** CRLs that may cover {@code cert}. */
    default List<X509CRL> fetchCrls(X509Certificate cert) {
        return List.of();
    }
}
