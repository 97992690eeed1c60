/**
 * X.509 certificates in TLS: their fields under tshark's names ({@link dev.dissect.tls.cert.CertificateFields}),
 * a parsed value for other code ({@link dev.dissect.tls.cert.ParsedCertificate}), and validation of a server's
 * chain as the client would have done it at capture time ({@link dev.dissect.tls.cert.CertificateValidator},
 * verdict fields in {@link dev.dissect.tls.cert.CertValidationFields}; see {@code docs/cert-validation.md}).
 * All parsing is bcprov/bcpkix; nothing here reads ASN.1 by hand except {@code DerGuard}'s size and depth bound.
 */
package dev.dissect.tls.cert;
