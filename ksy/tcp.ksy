meta:
  id: tcp
  title: Transmission Control Protocol header
  endian: be
doc: |
  The TCP header; options kept as a raw region (iterate with `tcp_option`, then read
  known bodies with `tcp_option_mss`, `tcp_option_wscale`, `tcp_option_timestamp`
  and `tcp_option_sack_block`).
doc-ref: RFC 9293 section 3.1
seq:
  - id: src_port
    type: u2
    doc: Source port.
  - id: dst_port
    type: u2
    doc: Destination port.
  - id: seq_num
    type: u4
    doc: Sequence number (absolute).
  - id: ack_num
    type: u4
    doc: Acknowledgment number (absolute).
  - id: data_offset
    type: b4
    doc: Header length in 32-bit words (at least 5).
  - id: flags
    type: b12
    doc: |
      The 12 bits after the data offset, as tshark's tcp.flags: reserved (0xe00),
      AE/NS (0x100), CWR (0x080), ECE (0x040), URG (0x020), ACK (0x010), PSH (0x008),
      RST (0x004), SYN (0x002), FIN (0x001).
  - id: window
    type: u2
    doc: Receive window (before scaling).
  - id: checksum
    type: u2
    doc: Checksum over pseudo-header, header and data.
  - id: urgent_pointer
    type: u2
    doc: Urgent pointer.
  - id: options
    size: data_offset * 4 - 20
    doc: Options and padding, raw; a negative size (data_offset < 5) makes the header invalid.
instances:
  header_length:
    value: data_offset * 4
    doc: Header length in bytes.
types:
  tcp_option:
    doc: |
      One TCP option. Kinds 0 (end of list) and 1 (no operation) are a single byte;
      every other kind has a length that counts the kind and length bytes.
    doc-ref: RFC 9293 section 3.2
    seq:
      - id: kind
        type: u1
        doc: Option kind.
      - id: len
        type: u1
        if: kind > 1
        doc: Length of the whole option.
      - id: body
        size: len - 2
        if: kind > 1
        doc: Option data.
  tcp_option_mss:
    doc: Body of the maximum segment size option (kind 2).
    doc-ref: RFC 9293 section 3.7.1
    seq:
      - id: mss
        type: u2
        doc: Maximum segment size.
  tcp_option_wscale:
    doc: Body of the window scale option (kind 3).
    doc-ref: RFC 7323 section 2.2
    seq:
      - id: shift
        type: u1
        doc: Shift count.
  tcp_option_timestamp:
    doc: Body of the timestamps option (kind 8).
    doc-ref: RFC 7323 section 3.2
    seq:
      - id: tsval
        type: u4
        doc: Timestamp value.
      - id: tsecr
        type: u4
        doc: Timestamp echo reply.
  tcp_option_sack_block:
    doc: One block of the SACK option (kind 5); the body holds one to four.
    doc-ref: RFC 2018 section 3
    seq:
      - id: left_edge
        type: u4
        doc: First sequence number of the block.
      - id: right_edge
        type: u4
        doc: Sequence number just after the block.
enums:
  tcp_option_kind:
    0: end_of_list
    1: nop
    2: mss
    3: window_scale
    4: sack_permitted
    5: sack
    8: timestamp
    28: user_timeout
    29: tcp_ao
    30: mptcp
    34: tfo
