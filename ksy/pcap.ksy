meta:
  id: pcap
  title: libpcap capture file header and record header
  endian:
    switch-on: big_endian
    cases:
      true: be
      false: le
doc: |
  The 24-byte file header of a classic pcap file, and (type `pcap_record`) the
  16-byte header before each packet. The byte order is the writer's: the magic read
  big-endian is 0xa1b2c3d4 (microseconds) or 0xa1b23c4d (nanoseconds) for a
  big-endian file, 0xd4c3b2a1 or 0x4d3cb2a1 for a little-endian one. The reader
  decides that from the first four bytes and passes it in as `big_endian`.
doc-ref: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html
params:
  - id: big_endian
    type: bool
    doc: True if the file was written big-endian (decided from the magic).
seq:
  - id: magic
    type: u4
    doc: 0xa1b2c3d4 (microsecond timestamps) or 0xa1b23c4d (nanosecond timestamps) in this file's order.
  - id: version_major
    type: u2
    doc: Major version, 2.
  - id: version_minor
    type: u2
    doc: Minor version, 4.
  - id: thiszone
    type: s4
    doc: Offset of local time from UTC in seconds (always 0 in practice).
  - id: sigfigs
    type: u4
    doc: Accuracy of timestamps (always 0 in practice).
  - id: snaplen
    type: u4
    doc: Maximum number of bytes captured per packet.
  - id: network
    type: u4
    doc: Link type (LINKTYPE_*); upper bits may carry FCS information.
types:
  pcap_record:
    doc: The 16-byte header before each packet's data, in the file's byte order.
    doc-ref: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html section 5
    seq:
      - id: ts_sec
        type: u4
        doc: Timestamp, seconds since the epoch.
      - id: ts_frac
        type: u4
        doc: Microseconds or nanoseconds (per the magic) within the second.
      - id: incl_len
        type: u4
        doc: Number of bytes of packet data that follow.
      - id: orig_len
        type: u4
        doc: Length of the packet on the wire.
