meta:
  id: linux_sll2
  title: Linux "cooked" capture header, version 2 (LINKTYPE_LINUX_SLL2 = 276)
  endian: be
doc: The 20-byte pseudo-header of SLL2, which adds the interface index.
doc-ref: https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html
seq:
  - id: protocol
    type: u2
    doc: Protocol type (an EtherType for most ARPHRD types).
  - id: reserved
    type: u2
    doc: Reserved (MBZ).
  - id: if_index
    type: u4
    doc: Interface index.
  - id: arphrd_type
    type: u2
    doc: ARPHRD_ link-layer address type.
  - id: packet_type
    type: u1
    doc: 0 to us, 1 broadcast, 2 multicast, 3 to someone else, 4 sent by us.
  - id: addr_length
    type: u1
    doc: Number of meaningful bytes in `addr`.
  - id: addr
    size: 8
    doc: Link-layer source address, zero-padded (or truncated) to 8 bytes.
