meta:
  id: tls_handshake
  title: TLS handshake message and message bodies
  endian: be
  bit-endian: be
doc: |
  One handshake message: type, 24-bit length, body. Bodies have their own types
  below; list-valued parts (cipher suites, extensions, certificates) are regions,
  iterated with the element views (`tls_extension`, `tls_certificate_entry`, ...).
  Bodies that are empty (hello_request, end_of_early_data, server_hello_done) have
  no type.
doc-ref: RFC 8446 section 4, RFC 5246 section 7.4
seq:
  - id: msg_type
    type: u1
    doc: Handshake type (IANA TLS HandshakeType registry).
  - id: body_length
    type: b24
    doc: Length of the body.
  - id: body
    size: body_length
    doc: The message body.
types:
  tls_client_hello:
    doc: ClientHello body; `extensions_block` is empty (SSL 3.0) or a two-byte length and extensions.
    doc-ref: RFC 8446 section 4.1.2
    seq:
      - id: version
        type: u2
        doc: legacy_version.
      - id: random
        size: 32
        doc: Client random.
      - id: session_id_length
        type: u1
        doc: Length of the session id (0 to 32).
      - id: session_id
        size: session_id_length
        doc: legacy_session_id.
      - id: cipher_suites_length
        type: u2
        doc: Bytes of cipher suites (two each).
      - id: cipher_suites
        size: cipher_suites_length
        doc: Cipher suites.
      - id: compression_methods_length
        type: u1
        doc: Bytes of compression methods.
      - id: compression_methods
        size: compression_methods_length
        doc: Compression methods.
      - id: extensions_block
        size-eos: true
        doc: Empty, or `tls_extensions`.
  tls_server_hello:
    doc: ServerHello (and HelloRetryRequest) body.
    doc-ref: RFC 8446 section 4.1.3
    seq:
      - id: version
        type: u2
        doc: legacy_version.
      - id: random
        size: 32
        doc: Server random (the HelloRetryRequest value marks a HelloRetryRequest).
      - id: session_id_length
        type: u1
        doc: Length of the session id.
      - id: session_id
        size: session_id_length
        doc: Session id (echoed in TLS 1.3).
      - id: cipher_suite
        type: u2
        doc: Chosen cipher suite.
      - id: compression_method
        type: u1
        doc: Chosen compression method.
      - id: extensions_block
        size-eos: true
        doc: Empty, or `tls_extensions`.
  tls_extensions:
    doc: A two-byte length and that many bytes of extensions (iterate with `tls_extension`).
    doc-ref: RFC 8446 section 4.2
    seq:
      - id: extensions_length
        type: u2
        doc: Bytes of extensions.
      - id: extensions
        size: extensions_length
        doc: Extensions.
  tls_extension:
    doc: One extension.
    doc-ref: RFC 8446 section 4.2
    seq:
      - id: extension_type
        type: u2
        doc: Extension type (IANA TLS ExtensionType registry).
      - id: extension_length
        type: u2
        doc: Length of the data.
      - id: data
        size: extension_length
        doc: Extension data.
  tls_u16_list:
    doc: A two-byte length and two-byte items (supported_groups, signature_algorithms, key share list, SNI list).
    seq:
      - id: list_length
        type: u2
        doc: Bytes of items.
      - id: items
        size: list_length
        doc: Items.
  tls_u8_list:
    doc: A one-byte length and items (ec_point_formats, supported_versions in a ClientHello, psk modes).
    seq:
      - id: list_length
        type: u1
        doc: Bytes of items.
      - id: items
        size: list_length
        doc: Items.
  tls_server_name:
    doc: One entry of the server_name list.
    doc-ref: RFC 6066 section 3
    seq:
      - id: name_type
        type: u1
        doc: 0 host_name.
      - id: name_length
        type: u2
        doc: Length of the name.
      - id: name
        size: name_length
        doc: The host name (ASCII).
  tls_key_share_entry:
    doc: One KeyShareEntry.
    doc-ref: RFC 8446 section 4.2.8
    seq:
      - id: group
        type: u2
        doc: Named group.
      - id: key_exchange_length
        type: u2
        doc: Length of the key exchange.
      - id: key_exchange
        size: key_exchange_length
        doc: Public value.
  tls_psk_identity:
    doc: One PskIdentity of the pre_shared_key extension.
    doc-ref: RFC 8446 section 4.2.11
    seq:
      - id: identity_length
        type: u2
        doc: Length of the identity.
      - id: identity
        size: identity_length
        doc: Identity (a ticket).
      - id: obfuscated_ticket_age
        type: u4
        doc: Obfuscated ticket age.
  tls_new_session_ticket12:
    doc: NewSessionTicket up to TLS 1.2.
    doc-ref: RFC 5077 section 3.3
    seq:
      - id: lifetime_hint
        type: u4
        doc: Ticket lifetime hint in seconds.
      - id: ticket_length
        type: u2
        doc: Length of the ticket.
      - id: ticket
        size: ticket_length
        doc: Ticket.
  tls_new_session_ticket13:
    doc: NewSessionTicket in TLS 1.3.
    doc-ref: RFC 8446 section 4.6.1
    seq:
      - id: lifetime
        type: u4
        doc: Ticket lifetime in seconds.
      - id: age_add
        type: u4
        doc: Ticket age add.
      - id: nonce_length
        type: u1
        doc: Length of the nonce.
      - id: nonce
        size: nonce_length
        doc: Ticket nonce.
      - id: ticket_length
        type: u2
        doc: Length of the ticket.
      - id: ticket
        size: ticket_length
        doc: Ticket.
      - id: extensions
        size-eos: true
        doc: Extensions, as `tls_extensions`.
  tls_certificate12:
    doc: Certificate body up to TLS 1.2 (iterate `certificates` with `tls_certificate_entry12`).
    doc-ref: RFC 5246 section 7.4.2
    seq:
      - id: certificates_length
        type: b24
        doc: Bytes of certificates.
      - id: certificates
        size: certificates_length
        doc: Certificates.
  tls_certificate_entry12:
    doc: One ASN.1Cert of a TLS 1.2 certificate list.
    seq:
      - id: cert_length
        type: b24
        doc: Length of the DER certificate.
      - id: cert
        size: cert_length
        doc: DER certificate.
  tls_certificate13:
    doc: Certificate body in TLS 1.3 (iterate `certificates` with `tls_certificate_entry13`).
    doc-ref: RFC 8446 section 4.4.2
    seq:
      - id: context_length
        type: u1
        doc: Length of the request context.
      - id: context
        size: context_length
        doc: certificate_request_context.
      - id: certificates_length
        type: b24
        doc: Bytes of certificate entries.
      - id: certificates
        size: certificates_length
        doc: Certificate entries.
  tls_certificate_entry13:
    doc: One CertificateEntry of TLS 1.3.
    seq:
      - id: cert_length
        type: b24
        doc: Length of the DER certificate (or raw public key).
      - id: cert
        size: cert_length
        doc: DER certificate.
      - id: extensions_length
        type: u2
        doc: Bytes of per-certificate extensions.
      - id: extensions
        size: extensions_length
        doc: Extensions (status_request, signed_certificate_timestamp).
  tls_ecdhe_params:
    doc: ServerKeyExchange for ECDHE with a named curve, then the signature.
    doc-ref: RFC 8422 section 5.4
    seq:
      - id: curve_type
        type: u1
        doc: 3 named_curve.
      - id: named_curve
        type: u2
        doc: Named group.
      - id: point_length
        type: u1
        doc: Length of the public point.
      - id: point
        size: point_length
        doc: Public point.
      - id: signature
        size-eos: true
        doc: A `tls_digitally_signed` (TLS 1.2) or a bare signature.
  tls_dhe_params:
    doc: ServerKeyExchange for DHE, then the signature.
    doc-ref: RFC 5246 section 7.4.3
    seq:
      - id: p_length
        type: u2
        doc: Length of p.
      - id: p
        size: p_length
        doc: Prime modulus.
      - id: g_length
        type: u2
        doc: Length of g.
      - id: g
        size: g_length
        doc: Generator.
      - id: ys_length
        type: u2
        doc: Length of Ys.
      - id: ys
        size: ys_length
        doc: Server public value.
      - id: signature
        size-eos: true
        doc: A `tls_digitally_signed` (TLS 1.2) or a bare signature.
  tls_digitally_signed:
    doc: Signature algorithm and signature (ServerKeyExchange, CertificateVerify).
    doc-ref: RFC 8446 section 4.4.3
    seq:
      - id: algorithm
        type: u2
        doc: SignatureScheme.
      - id: signature_length
        type: u2
        doc: Length of the signature.
      - id: signature
        size: signature_length
        doc: Signature.
  tls_certificate_request12:
    doc: CertificateRequest up to TLS 1.2 (signature algorithms from TLS 1.2 on).
    doc-ref: RFC 5246 section 7.4.4
    seq:
      - id: types_count
        type: u1
        doc: Number of certificate types.
      - id: types
        size: types_count
        doc: Certificate types.
      - id: rest
        size-eos: true
        doc: TLS 1.2 signature algorithms (`tls_u16_list`), then distinguished names (`tls_u16_list`).
  tls_certificate_request13:
    doc: CertificateRequest in TLS 1.3.
    doc-ref: RFC 8446 section 4.3.2
    seq:
      - id: context_length
        type: u1
        doc: Length of the request context.
      - id: context
        size: context_length
        doc: certificate_request_context.
      - id: extensions
        size-eos: true
        doc: Extensions, as `tls_extensions`.
  tls_certificate_status:
    doc: CertificateStatus (stapled OCSP).
    doc-ref: RFC 6066 section 8
    seq:
      - id: status_type
        type: u1
        doc: 1 ocsp.
      - id: response_length
        type: b24
        doc: Length of the OCSP response.
      - id: response
        size: response_length
        doc: DER OCSPResponse.
  tls_key_update:
    doc: KeyUpdate.
    doc-ref: RFC 8446 section 4.6.3
    seq:
      - id: request_update
        type: u1
        doc: 0 update_not_requested, 1 update_requested.
  tls_opaque16:
    doc: A two-byte length and bytes (RSA/DHE ClientKeyExchange, cookie, ticket).
    seq:
      - id: data_length
        type: u2
        doc: Length of the data.
      - id: data
        size: data_length
        doc: Data.
  tls_opaque8:
    doc: A one-byte length and bytes (ECDHE ClientKeyExchange, renegotiation_info).
    seq:
      - id: data_length
        type: u1
        doc: Length of the data.
      - id: data
        size: data_length
        doc: Data.
enums:
  tls_handshake_type:
    0: hello_request
    1: client_hello
    2: server_hello
    4: new_session_ticket
    5: end_of_early_data
    8: encrypted_extensions
    11: certificate
    12: server_key_exchange
    13: certificate_request
    14: server_hello_done
    15: certificate_verify
    16: client_key_exchange
    20: finished
    22: certificate_status
    24: key_update
