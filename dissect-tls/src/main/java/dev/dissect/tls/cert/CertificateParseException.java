package dev.dissect.tls.cert;

/**
 * The bytes are not a certificate we can read: not DER, too large, nested too deep, or not an X.509 certificate.
 * Dissection never lets this escape; it becomes the diagnostic {@code x509.malformed}.
 *
 * @since 0.1
 */
public final class CertificateParseException extends Exception {
    public CertificateParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
