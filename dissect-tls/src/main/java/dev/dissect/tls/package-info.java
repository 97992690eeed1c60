/**
 * TLS: the record layer and every handshake message, certificates and their validation, JA3/JA4 fingerprints and
 * decryption. Sub-packages: {@code record}, {@code handshake}, {@code cert}, {@code fingerprint}, {@code decrypt}.
 */
package dev.dissect.tls;
