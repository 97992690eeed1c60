meta:
  id: ipv4
  title: Internet Protocol version 4 header
  endian: be
doc: The IPv4 header, options kept as a raw region (iterate with `ipv4_option`).
doc-ref: RFC 791 section 3.1
seq:
  - id: version
    type: b4
    doc: Always 4 for IPv4.
  - id: ihl
    type: b4
    doc: Header length in 32-bit words (at least 5).
  - id: dsfield
    type: u1
    doc: Differentiated services (DSCP, upper 6 bits) and ECN (lower 2 bits), RFC 2474 and RFC 3168.
  - id: total_length
    type: u2
    doc: Length of header and payload in bytes.
  - id: identification
    type: u2
    doc: Identifies the fragments of one datagram.
  - id: flags
    type: b3
    doc: Reserved, don't fragment (0x2), more fragments (0x1).
  - id: frag_offset
    type: b13
    doc: Fragment offset in units of 8 bytes.
  - id: ttl
    type: u1
    doc: Time to live.
  - id: protocol
    type: u1
    doc: Protocol of the payload (IANA protocol numbers).
  - id: header_checksum
    type: u2
    doc: Internet checksum of the header.
  - id: src_addr
    type: u4
    doc: Source address.
  - id: dst_addr
    type: u4
    doc: Destination address.
  - id: options
    size: ihl * 4 - 20
    doc: Options and padding, raw; a negative size (ihl < 5) makes the header invalid.
instances:
  header_length:
    value: ihl * 4
    doc: Header length in bytes.
types:
  ipv4_option:
    doc: |
      One IPv4 option. Kinds 0 (end of list) and 1 (no operation) are a single byte;
      every other kind has a length that counts the kind and length bytes.
    doc-ref: RFC 791 section 3.1 (Options)
    seq:
      - id: kind
        type: u1
        doc: Option type (copied flag, class, number).
      - id: len
        type: u1
        if: kind > 1
        doc: Length of the whole option.
      - id: body
        size: len - 2
        if: kind > 1
        doc: Option data.
enums:
  ip_protocol:
    0: hopopt
    1: icmp
    2: igmp
    4: ipip
    6: tcp
    17: udp
    41: ipv6
    43: ipv6_route
    44: ipv6_frag
    47: gre
    50: esp
    51: ah
    58: icmpv6
    59: ipv6_nonxt
    60: ipv6_opts
    132: sctp
