meta:
  id: ipv6
  title: Internet Protocol version 6 fixed header
  endian: be
doc: |
  The 40-byte fixed IPv6 header. Extension headers have their own grammars:
  ipv6_ext_header (hop-by-hop, routing, destination options), ipv6_fragment and
  ip_auth_header.
doc-ref: RFC 8200 section 3
seq:
  - id: version
    type: b4
    doc: Always 6 for IPv6.
  - id: traffic_class
    type: b8
    doc: DSCP (upper 6 bits) and ECN (lower 2 bits).
  - id: flow_label
    type: b20
    doc: Flow label, RFC 6437.
  - id: payload_length
    type: u2
    doc: Length of everything after this header, extension headers included.
  - id: next_header
    type: u1
    doc: Type of the header that follows (IANA protocol numbers).
  - id: hop_limit
    type: u1
    doc: Hop limit.
  - id: src_addr
    size: 16
    doc: Source address.
  - id: dst_addr
    size: 16
    doc: Destination address.
