meta:
  id: ipv6_fragment
  title: IPv6 fragment header
  endian: be
doc: The 8-byte fragment header (next header 44).
doc-ref: RFC 8200 section 4.5
seq:
  - id: next_header
    type: u1
    doc: Type of the header that follows in the reassembled packet.
  - id: reserved
    type: u1
    doc: Reserved.
  - id: frag_offset
    type: b13
    doc: Fragment offset in units of 8 bytes.
  - id: res
    type: b2
    doc: Reserved bits.
  - id: more_fragments
    type: b1
    doc: 1 if more fragments follow.
  - id: identification
    type: u4
    doc: Identifies the fragments of one packet.
