meta:
  id: udp
  title: User Datagram Protocol header
  endian: be
doc: The 8-byte UDP header.
doc-ref: RFC 768
seq:
  - id: src_port
    type: u2
    doc: Source port.
  - id: dst_port
    type: u2
    doc: Destination port.
  - id: length
    type: u2
    doc: Length of header and data in bytes.
  - id: checksum
    type: u2
    doc: Checksum over pseudo-header, header and data (0 = none, IPv4 only).
