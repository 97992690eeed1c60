meta:
  id: ethernet
  title: Ethernet II / IEEE 802.3 MAC header
  endian: be
doc: |
  The 14-byte MAC header that starts every Ethernet frame (no preamble, no FCS:
  captures carry neither). An `ether_type` below 1536 (0x0600) is an IEEE 802.3
  length and an LLC header follows; the dissector decides that, not the grammar.
doc-ref: IEEE 802.3-2018 clause 3.2.6; RFC 894
seq:
  - id: dst_mac
    size: 6
    doc: Destination MAC address.
  - id: src_mac
    size: 6
    doc: Source MAC address.
  - id: ether_type
    type: u2
    doc: EtherType (>= 0x0600) or 802.3 payload length (<= 1500).
enums:
  ether_type:
    0x0800: ipv4
    0x0806: arp
    0x22f0: avtp
    0x8100: vlan
    0x86dd: ipv6
    0x8847: mpls
    0x8863: pppoe_discovery
    0x8864: pppoe_session
    0x888e: eapol
    0x88a8: qinq
    0x88cc: lldp
    0x9100: qinq_old
