meta:
  id: tls_record
  title: TLS record (TLSPlaintext / TLSCiphertext header and fragment)
  endian: be
doc: |
  One record of the TLS record layer, SSL 3.0 to TLS 1.3: a five-byte header and
  `length` bytes of fragment. The SSLv2-compatible ClientHello has a different
  header (`tls_sslv2_client_hello`).
doc-ref: RFC 8446 section 5.1, RFC 5246 section 6.2
seq:
  - id: content_type
    type: u1
    doc: Content type (20 change_cipher_spec, 21 alert, 22 handshake, 23 application_data, 24 heartbeat).
  - id: version
    type: u2
    doc: Record-layer version (0x0300 SSL 3.0 to 0x0303; TLS 1.3 keeps 0x0303).
  - id: len
    type: u2
    doc: Length of the fragment (at most 2^14 + 2048).
  - id: fragment
    size: len
    doc: The fragment, plaintext or protected.
types:
  tls_alert:
    doc: Body of an alert record (content type 21), when not encrypted.
    doc-ref: RFC 8446 section 6
    seq:
      - id: level
        type: u1
        doc: 1 warning, 2 fatal.
      - id: description
        type: u1
        doc: Alert description (IANA TLS Alerts registry).
  tls_sslv2_client_hello:
    doc: |
      The SSLv2-compatible ClientHello (RFC 5246 appendix E.2): a two-byte length with
      the high bit set, message type 1, then the version and three length-prefixed lists.
    doc-ref: RFC 5246 appendix E.2
    seq:
      - id: record_length
        type: u2
        doc: 0x8000 | length of the rest.
      - id: msg_type
        type: u1
        doc: 1 (client hello).
      - id: version
        type: u2
        doc: Highest version the client supports.
      - id: cipher_spec_length
        type: u2
        doc: Bytes of cipher specs (three each).
      - id: session_id_length
        type: u2
        doc: 0 or 16.
      - id: challenge_length
        type: u2
        doc: 16 to 32.
      - id: cipher_specs
        size: cipher_spec_length
        doc: Three-byte cipher specs; 0x00XXXX are TLS suites.
      - id: session_id
        size: session_id_length
        doc: Session id.
      - id: challenge
        size: challenge_length
        doc: Challenge (becomes the client random).
enums:
  tls_content_type:
    20: change_cipher_spec
    21: alert
    22: handshake
    23: application_data
    24: heartbeat
