meta:
  id: llc
  title: IEEE 802.2 Logical Link Control header
  endian: be
doc: |
  The LLC header after an 802.3 length field. Only the one-byte control field of
  unnumbered (U) frames is described; I and S frames carry a second control byte,
  which the dissector reads when `control & 3 != 3`.
doc-ref: IEEE 802.2-1998 clause 3
seq:
  - id: dsap
    type: u1
    doc: Destination service access point.
  - id: ssap
    type: u1
    doc: Source service access point; bit 0 is the command/response bit.
  - id: control
    type: u1
    doc: Control field (0x03 = UI).
types:
  llc_snap:
    doc: |
      SNAP header, after an LLC header with DSAP = SSAP = 0xAA and control 0x03.
      With OUI 00-00-00 the protocol id is an EtherType.
    doc-ref: IEEE 802-2014 clause 10.3; RFC 1042
    seq:
      - id: oui
        size: 3
        doc: Organizationally unique identifier.
      - id: protocol_id
        type: u2
        doc: Protocol id (an EtherType when the OUI is zero).
