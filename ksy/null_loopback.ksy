meta:
  id: null_loopback
  title: BSD loopback encapsulation (LINKTYPE_NULL = 0, LINKTYPE_LOOP = 108)
  endian: be
doc: |
  A 4-byte protocol family (AF_INET = 2; AF_INET6 = 24, 28 or 30 depending on the OS).
  `family` is read here in network order. For LINKTYPE_LOOP that is right; for
  LINKTYPE_NULL the value is in the capturing host's order, which a capture does not
  record, so the dissector byte-swaps when the value read looks swapped (the low 16
  bits are zero and the high 16 bits are not), as Wireshark does.
doc-ref: https://www.tcpdump.org/linktypes/LINKTYPE_NULL.html
seq:
  - id: family
    type: u4be
    doc: Address family, raw 4 bytes in network order (see above for DLT_NULL).
