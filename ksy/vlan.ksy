meta:
  id: vlan
  title: IEEE 802.1Q / 802.1ad VLAN tag
  endian: be
doc: |
  The four bytes after a TPID of 0x8100 (C-tag) or 0x88a8 (S-tag): tag control
  information, then the EtherType of what follows.
doc-ref: IEEE 802.1Q-2018 clause 9.6
seq:
  - id: priority
    type: b3
    doc: Priority code point (PCP).
  - id: dei
    type: b1
    doc: Drop eligible indicator (formerly CFI).
  - id: vid
    type: b12
    doc: VLAN identifier.
  - id: ether_type
    type: u2
    doc: EtherType of the encapsulated payload (or an 802.3 length).
