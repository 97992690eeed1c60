meta:
  id: ipv6_ext_header
  title: IPv6 hop-by-hop, routing or destination options header
  endian: be
doc: |
  The generic shape shared by the hop-by-hop options (0), routing (43) and
  destination options (60) headers: 8 bytes plus `hdr_ext_len` units of 8 bytes.
doc-ref: RFC 8200 sections 4.3, 4.4 and 4.6
seq:
  - id: next_header
    type: u1
    doc: Type of the header that follows.
  - id: hdr_ext_len
    type: u1
    doc: Length in 8-byte units, not counting the first 8 bytes.
  - id: body
    size: hdr_ext_len * 8 + 6
    doc: Options (or routing data) after the first two bytes.
instances:
  header_length:
    value: hdr_ext_len * 8 + 8
    doc: Length of the whole extension header in bytes.
