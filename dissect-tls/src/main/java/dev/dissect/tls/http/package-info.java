/**
 * HTTP/1.x as a stream dissector ({@link dev.dissect.tls.http.HttpDissector}): on cleartext TCP ports 80 and 8080,
 * and on the plaintext of decrypted TLS. Field names are Wireshark's ({@link dev.dissect.tls.http.HttpFields}).
 */
package dev.dissect.tls.http;
