meta:
  id: cisco_fabric_path
  title: Cisco FabricPath header
  endian: be
doc: |
  The 16-byte outer header of a Cisco FabricPath frame: hierarchical destination and source
  addresses in MAC form, EtherType 0x8903, forwarding tag and TTL. A complete Ethernet frame
  (the inner one) follows.
doc-ref: Cisco FabricPath frame format (EtherType 0x8903), as Wireshark's cfp dissector reads it
seq:
  - id: dst_hmac
    size: 6
    doc: Outer destination address (switch id, sub-switch id, local id).
  - id: src_hmac
    size: 6
    doc: Outer source address.
  - id: ether_type
    type: u2
    doc: EtherType, 0x8903.
  - id: ftag
    type: b10
    doc: Forwarding tag.
  - id: ttl
    type: b6
    doc: Time to live.
