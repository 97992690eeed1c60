meta:
  id: dns
  title: Domain Name System message header and the fixed parts of its records
  endian: be
doc: |
  The 12-byte DNS message header (the top-level type), and as nested types the
  fixed-size parts of questions and resource records and the layouts of the
  RDATA types that dissect decodes.

  What this grammar does not describe, on purpose: domain names. A name is a
  sequence of length-prefixed labels that may end in a compression pointer to
  anywhere earlier (or, in hostile input, later) in the message, so its size is
  known only by walking it and its bytes may live elsewhere. The KSY subset our
  generator supports has no way to say that, and a Kaitai `repeat-until` would
  follow no pointers. Name parsing is therefore hand-written in
  `dev.dissect.net.dns.DnsNames`, with strict bounds (label <= 63, name <= 255
  octets, a bounded number of pointer hops). Every type below that follows a
  name in the wire format (`dns_question_tail`, `dns_rr_fixed`) or contains one
  (`dns_rdata_soa_tail` after two names, `dns_rdata_rrsig_head` before the
  signer's name, `dns_rdata_srv_head` before the target) describes only the
  fixed part, and the dissector wraps it at the offset where the name ended.
doc-ref: RFC 1035 section 4.1
seq:
  - id: transaction_id
    type: u2
    doc: Identifier copied from query to response.
  - id: flags
    type: u2
    doc: |
      QR (0x8000), opcode (0x7800), AA (0x0400), TC (0x0200), RD (0x0100), RA (0x0080),
      Z (0x0040), AD (0x0020), CD (0x0010) and rcode (0x000f), as tshark's dns.flags.
  - id: qdcount
    type: u2
    doc: Entries in the question section.
  - id: ancount
    type: u2
    doc: Resource records in the answer section.
  - id: nscount
    type: u2
    doc: Resource records in the authority section.
  - id: arcount
    type: u2
    doc: Resource records in the additional section.
instances:
  is_response:
    value: (flags >> 15) & 1
    doc: QR bit; 1 in a response.
  opcode:
    value: (flags >> 11) & 0xf
    doc: Kind of query (0 standard, 4 notify, 5 update).
  rcode:
    value: flags & 0xf
    doc: Response code (the low 4 bits; EDNS0 adds 8 more in the OPT record).
types:
  dns_question_tail:
    doc: What follows the name of a question entry.
    doc-ref: RFC 1035 section 4.1.2
    seq:
      - id: qtype
        type: u2
        doc: Type asked for.
      - id: qclass
        type: u2
        doc: Class asked for; in mDNS the top bit is the unicast-response (QU) bit.
  dns_rr_fixed:
    doc: |
      What follows the owner name of a resource record, up to and including RDATA.
      For OPT (type 41) `rr_class` is the requester's UDP payload size and `ttl`
      holds the extended rcode, version and flags (RFC 6891 section 6.1.3).
    doc-ref: RFC 1035 section 4.1.3
    seq:
      - id: rr_type
        type: u2
        doc: Record type.
      - id: rr_class
        type: u2
        doc: Record class; in mDNS the top bit is the cache-flush bit.
      - id: ttl
        type: u4
        doc: Time to live in seconds.
      - id: rdlength
        type: u2
        doc: Length of RDATA.
      - id: rdata
        size: rdlength
        doc: The record data, laid out per type.
  dns_character_string:
    doc: One <character-string> (TXT, HINFO, NAPTR fields, CAA is different).
    doc-ref: RFC 1035 section 3.3
    seq:
      - id: text_length
        type: u1
        doc: Bytes of text.
      - id: text
        size: text_length
        doc: The text, not terminated.
  dns_rdata_soa_tail:
    doc: The five counters after MNAME and RNAME of an SOA record.
    doc-ref: RFC 1035 section 3.3.13
    seq:
      - id: serial
        type: u4
      - id: refresh
        type: u4
      - id: retry
        type: u4
      - id: expire
        type: u4
      - id: minimum
        type: u4
  dns_rdata_mx_head:
    doc: MX preference; the exchange name follows. Also the head of RT, AFSDB and KX.
    doc-ref: RFC 1035 section 3.3.9
    seq:
      - id: preference
        type: u2
  dns_rdata_srv_head:
    doc: SRV priority, weight and port; the target name follows.
    doc-ref: RFC 2782
    seq:
      - id: priority
        type: u2
      - id: weight
        type: u2
      - id: port
        type: u2
  dns_rdata_naptr_head:
    doc: NAPTR order and preference; flags, service, regexp (character strings) and replacement (a name) follow.
    doc-ref: RFC 3403 section 4.1
    seq:
      - id: order
        type: u2
      - id: preference
        type: u2
  dns_rdata_caa:
    doc: A CAA record; `value` runs to the end of RDATA (wrap the view on RDATA only).
    doc-ref: RFC 6844 section 5.1
    seq:
      - id: caa_flags
        type: u1
        doc: Bit 0x80 is issuer-critical.
      - id: tag_length
        type: u1
      - id: tag
        size: tag_length
        doc: Property tag, e.g. issue, issuewild, iodef.
      - id: value
        size-eos: true
  dns_opt_option:
    doc: One EDNS0 option in OPT RDATA.
    doc-ref: RFC 6891 section 6.1.2
    seq:
      - id: option_code
        type: u2
        doc: 8 client subnet, 10 cookie, 12 padding, ...
      - id: option_length
        type: u2
      - id: option_data
        size: option_length
  dns_opt_client_subnet:
    doc: Data of the client subnet option (code 8); wrap on the option data only.
    doc-ref: RFC 7871 section 6
    seq:
      - id: family
        type: u2
        doc: Address family (1 IPv4, 2 IPv6).
      - id: source_prefix_length
        type: u1
      - id: scope_prefix_length
        type: u1
      - id: address
        size-eos: true
        doc: The leftmost source_prefix_length bits of the address, in whole bytes.
  dns_svc_param:
    doc: One SvcParam of an SVCB or HTTPS record.
    doc-ref: RFC 9460 section 2.2
    seq:
      - id: svc_param_key
        type: u2
        doc: 0 mandatory, 1 alpn, 2 no-default-alpn, 3 port, 4 ipv4hint, 5 ech, 6 ipv6hint.
      - id: svc_param_length
        type: u2
      - id: svc_param_value
        size: svc_param_length
  dns_rdata_ds:
    doc: A DS record (also CDS, DLV); wrap on RDATA only.
    doc-ref: RFC 4034 section 5.1
    seq:
      - id: key_tag
        type: u2
      - id: algorithm
        type: u1
      - id: digest_type
        type: u1
      - id: digest
        size-eos: true
  dns_rdata_dnskey:
    doc: A DNSKEY record (also CDNSKEY); wrap on RDATA only.
    doc-ref: RFC 4034 section 2.1
    seq:
      - id: key_flags
        type: u2
        doc: Zone key (0x0100), key revoked (0x0080), secure entry point (0x0001).
      - id: protocol
        type: u1
        doc: Always 3.
      - id: algorithm
        type: u1
      - id: public_key
        size-eos: true
  dns_rdata_rrsig_head:
    doc: The fixed part of an RRSIG record; the signer's name and the signature follow.
    doc-ref: RFC 4034 section 3.1
    seq:
      - id: type_covered
        type: u2
      - id: algorithm
        type: u1
      - id: labels
        type: u1
      - id: original_ttl
        type: u4
      - id: signature_expiration
        type: u4
      - id: signature_inception
        type: u4
      - id: key_tag
        type: u2
  dns_rdata_nsec3_head:
    doc: |
      The fixed part of an NSEC3 (or NSEC3PARAM) record up to the salt; NSEC3 goes on
      with the hash length, next hashed owner and the type bitmap.
    doc-ref: RFC 5155 section 3.2
    seq:
      - id: hash_algorithm
        type: u1
      - id: nsec3_flags
        type: u1
        doc: Opt-out is 0x01.
      - id: iterations
        type: u2
      - id: salt_length
        type: u1
      - id: salt
        size: salt_length
  dns_type_bitmap_window:
    doc: One window block of an NSEC or NSEC3 type bitmap.
    doc-ref: RFC 4034 section 4.1.2
    seq:
      - id: window_block
        type: u1
        doc: High byte of the types in this block.
      - id: bitmap_length
        type: u1
        doc: 1 to 32.
      - id: bitmap
        size: bitmap_length
        doc: Bit i (from the most significant bit of byte 0) set means type window_block * 256 + i is present.
  dns_rdata_tlsa:
    doc: A TLSA record; wrap on RDATA only.
    doc-ref: RFC 6698 section 2.1
    seq:
      - id: certificate_usage
        type: u1
      - id: selector
        type: u1
      - id: matching_type
        type: u1
      - id: certificate_association_data
        size-eos: true
  dns_rdata_sshfp:
    doc: An SSHFP record; wrap on RDATA only.
    doc-ref: RFC 4255 section 3.1
    seq:
      - id: sshfp_algorithm
        type: u1
      - id: fingerprint_type
        type: u1
      - id: fingerprint
        size-eos: true
