/** HTTP/2 (RFC 9113) framing over a byte stream: cleartext after HTTP/1.1, or the plaintext of decrypted TLS. */
package dev.dissect.tls.http2;
