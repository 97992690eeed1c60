meta:
  id: ip_auth_header
  title: IP Authentication Header (AH)
  endian: be
doc: The authentication header (protocol 51) for IPv4 and IPv6.
doc-ref: RFC 4302 section 2
seq:
  - id: next_header
    type: u1
    doc: Type of the header that follows.
  - id: payload_len
    type: u1
    doc: Length of AH in 32-bit words, minus 2.
  - id: reserved
    type: u2
    doc: Reserved.
  - id: spi
    type: u4
    doc: Security parameters index.
  - id: seq_num
    type: u4
    doc: Sequence number.
  - id: icv
    size: (payload_len + 2) * 4 - 12
    doc: Integrity check value (and padding).
instances:
  header_length:
    value: (payload_len + 2) * 4
    doc: Length of the whole header in bytes.
