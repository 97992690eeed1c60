meta:
  id: pcapng
  title: pcapng block and block bodies
  endian:
    switch-on: big_endian
    cases:
      true: be
      false: le
doc: |
  One pcapng block (the top-level type) and the bodies of the standard block types.
  A file is a sequence of sections, each a Section Header Block followed by other
  blocks, all in the byte order of the SHB: its byte-order magic 0x1a2b3c4d reads
  correctly only in that order (block type 0x0a0d0d0a is a palindrome). The reader
  decides the order from the magic and passes it in as `big_endian`.
  Option lists (`options`) are raw regions; iterate with `pcapng_option`.
doc-ref: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html section 3
params:
  - id: big_endian
    type: bool
    doc: True if the section is big-endian (decided from the SHB's byte-order magic).
seq:
  - id: block_type
    type: u4
    doc: Block type (0x0a0d0d0a SHB, 1 IDB, 2 PB, 3 SPB, 4 NRB, 5 ISB, 6 EPB, 10 DSB, 0xbad / 0x40000bad custom).
  - id: block_total_length
    type: u4
    doc: Length of the whole block in bytes, a multiple of 4.
  - id: body
    size: block_total_length - 12
    doc: Block body (one of the `pcapng_*` body types below).
  - id: block_total_length_trailer
    type: u4
    doc: Copy of `block_total_length`.
types:
  pcapng_shb:
    doc: Section Header Block body.
    doc-ref: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html section 4.1
    seq:
      - id: byte_order_magic
        type: u4
        doc: 0x1a2b3c4d in the section's byte order.
      - id: major_version
        type: u2
        doc: Major version, 1.
      - id: minor_version
        type: u2
        doc: Minor version, 0.
      - id: section_length
        type: s8
        doc: Length of the section after this block, or -1 if not known.
      - id: options
        size-eos: true
        doc: Options, raw.
  pcapng_idb:
    doc: Interface Description Block body.
    doc-ref: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html section 4.2
    seq:
      - id: link_type
        type: u2
        doc: Link type (LINKTYPE_*).
      - id: reserved
        type: u2
        doc: Reserved.
      - id: snaplen
        type: u4
        doc: Maximum number of bytes captured per packet (0 = no limit).
      - id: options
        size-eos: true
        doc: Options, raw (if_tsresol = 9 sets the timestamp resolution).
  pcapng_epb:
    doc: Enhanced Packet Block body.
    doc-ref: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html section 4.3
    seq:
      - id: interface_id
        type: u4
        doc: Index of the interface (order of IDBs in the section).
      - id: timestamp_high
        type: u4
        doc: Upper 32 bits of the timestamp (units of the interface's resolution).
      - id: timestamp_low
        type: u4
        doc: Lower 32 bits of the timestamp.
      - id: captured_len
        type: u4
        doc: Number of bytes of packet data.
      - id: original_len
        type: u4
        doc: Length of the packet on the wire.
      - id: packet_data
        size: captured_len
        doc: Packet data.
      - id: padding
        size: (4 - captured_len % 4) % 4
        doc: Padding to 32 bits.
      - id: options
        size-eos: true
        doc: Options, raw.
  pcapng_spb:
    doc: Simple Packet Block body; the captured length is the rest of the block (up to the IDB's snaplen).
    doc-ref: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html section 4.4
    seq:
      - id: original_len
        type: u4
        doc: Length of the packet on the wire.
      - id: packet_data
        size-eos: true
        doc: Packet data with padding.
  pcapng_pb:
    doc: Packet Block body (obsolete, superseded by the EPB).
    doc-ref: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html appendix A
    seq:
      - id: interface_id
        type: u2
        doc: Index of the interface.
      - id: drops_count
        type: u2
        doc: Packets dropped since the previous packet, or 0xffff if unknown.
      - id: timestamp_high
        type: u4
        doc: Upper 32 bits of the timestamp.
      - id: timestamp_low
        type: u4
        doc: Lower 32 bits of the timestamp.
      - id: captured_len
        type: u4
        doc: Number of bytes of packet data.
      - id: original_len
        type: u4
        doc: Length of the packet on the wire.
      - id: packet_data
        size: captured_len
        doc: Packet data.
      - id: padding
        size: (4 - captured_len % 4) % 4
        doc: Padding to 32 bits.
      - id: options
        size-eos: true
        doc: Options, raw.
  pcapng_nrb_record:
    doc: |
      One record of a Name Resolution Block body; the body is a list of these ended by
      record type 0 (nrb_record_end), then options.
    doc-ref: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html section 4.5
    seq:
      - id: record_type
        type: u2
        doc: 0 end, 1 IPv4, 2 IPv6, 3 EUI-48, 4 EUI-64.
      - id: record_length
        type: u2
        doc: Length of the value, without padding.
      - id: value
        size: record_length
        doc: Address then zero-terminated names.
      - id: padding
        size: (4 - record_length % 4) % 4
        doc: Padding to 32 bits.
  pcapng_isb:
    doc: Interface Statistics Block body.
    doc-ref: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html section 4.6
    seq:
      - id: interface_id
        type: u4
        doc: Index of the interface.
      - id: timestamp_high
        type: u4
        doc: Upper 32 bits of the timestamp.
      - id: timestamp_low
        type: u4
        doc: Lower 32 bits of the timestamp.
      - id: options
        size-eos: true
        doc: Options (the statistics), raw.
  pcapng_dsb:
    doc: Decryption Secrets Block body.
    doc-ref: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html section 4.7
    seq:
      - id: secrets_type
        type: u4
        doc: 0x544c534b TLS key log, 0x57474b4c WireGuard key log, and others.
      - id: secrets_length
        type: u4
        doc: Length of the secrets, without padding.
      - id: secrets_data
        size: secrets_length
        doc: The secrets (for TLS, NSS key log lines).
      - id: padding
        size: (4 - secrets_length % 4) % 4
        doc: Padding to 32 bits.
      - id: options
        size-eos: true
        doc: Options, raw.
  pcapng_custom:
    doc: Custom Block body (block types 0xbad and 0x40000bad).
    doc-ref: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html section 4.8
    seq:
      - id: pen
        type: u4
        doc: IANA private enterprise number of the block's owner.
      - id: data
        size-eos: true
        doc: Custom data and options.
  pcapng_option:
    doc: One option (code, length, value, padding); code 0 (opt_endofopt) ends the list.
    doc-ref: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html section 3.5
    seq:
      - id: code
        type: u2
        doc: Option code.
      - id: length
        type: u2
        doc: Length of the value, without padding.
      - id: value
        size: length
        doc: Option value.
      - id: padding
        size: (4 - length % 4) % 4
        doc: Padding to 32 bits.
enums:
  pcapng_block_type:
    0x0a0d0d0a: section_header
    1: interface_description
    2: packet
    3: simple_packet
    4: name_resolution
    5: interface_statistics
    6: enhanced_packet
    10: decryption_secrets
    0xbad: custom_copyable
    0x40000bad: custom_no_copy
