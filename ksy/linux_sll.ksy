meta:
  id: linux_sll
  title: Linux "cooked" capture header, version 1 (LINKTYPE_LINUX_SLL = 113)
  endian: be
doc: The 16-byte pseudo-header that Linux writes for captures on the "any" device.
doc-ref: https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html
seq:
  - id: packet_type
    type: u2
    doc: 0 to us, 1 broadcast, 2 multicast, 3 to someone else, 4 sent by us.
  - id: arphrd_type
    type: u2
    doc: ARPHRD_ link-layer address type.
  - id: addr_length
    type: u2
    doc: Number of meaningful bytes in `addr`.
  - id: addr
    size: 8
    doc: Link-layer source address, zero-padded (or truncated) to 8 bytes.
  - id: protocol
    type: u2
    doc: Protocol type (an EtherType for most ARPHRD types).
