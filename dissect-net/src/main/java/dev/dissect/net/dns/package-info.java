/**
 * DNS, mDNS and LLMNR (RFC 1035, 6762, 4795) with tshark 4.0's field names, values and info column.
 *
 * <p>{@link dev.dissect.net.dns.DnsMessageDissector} dissects one message; {@link dev.dissect.net.dns.DnsDissector}
 * is its UDP face (ports 53, 5353, 5355) and {@link dev.dissect.net.dns.DnsTcpDissector} its TCP face (ports 53 and
 * 5353, two-byte length prefix through the stream SPI, {@code dns.length}). Queries and responses match on the
 * transaction id within the engine's conversation (UDP flow key, or {@code tcp.stream}), in a table kept per
 * capture in the session's store; no recorded field is read.
 *
 * <h2>Two passes</h2>
 * {@code dns.response_in} names a later frame. With {@code DissectionEngine.beginFirstPass()}, a pass over the
 * capture, then {@code beginSecondPass()} and a second pass (tshark's {@code -2}), the first pass remembers which
 * frame answered each query (frame number and id, a primitive table) and the second emits
 * {@code dns.response_in} on the query. The default one-pass dissection does not emit it.
 *
 * <h2>Where we follow tshark 4.0 on purpose</h2>
 * <ul>
 *   <li>A record whose name or RDATA cannot be read (pointer out of the message, label type 0x40/0x80, RDATA
 *       longer than the message) adds no field and ends the message; {@code dns.response_to} and
 *       {@code dns.time} are then absent, as tshark loses them to its exception.</li>
 *   <li>Empty RDATA shows nothing; SRV owners are {@code dns.srv.service/proto/name}, not {@code dns.resp.name};
 *       NSEC/NSEC3 type bitmaps add {@code dns.resp.type}; OPT has no {@code dns.resp.ttl} or class.</li>
 *   <li>Over TCP, a message completed from earlier segments is a layer of its own and the whole messages of one
 *       segment share one layer, so {@code frame.protocols} is {@code tcp:dns} or {@code tcp:dns:dns} as tshark
 *       counts its calls; the info column is the last message's.</li>
 *   <li>A zone transfer (AXFR, IXFR) query matches every response; other transactions match their first response
 *       (a later one is a retransmission).</li>
 *   <li>TXT strings are read on past RDATA (inside the message) until the count hits zero, as tshark reads them.</li>
 *   <li>EDNS0 options, SvcParams and NSEC/NSEC3 type bitmaps are read as tshark reads them: on past RDATA inside
 *       the message (with a diagnostic), a port SvcParam as two bytes whatever its length, and a read past the
 *       message ends it there, after the fields tshark shows before its exception (so no match fields).</li>
 *   <li>A response matches its query across VLANs (tshark's UDP conversations are addresses and ports).</li>
 *   <li>Name text: labels joined with {@code .} (dots inside labels unescaped), control bytes escaped
 *       ({@code \000}), invalid UTF-8 as U+FFFD, {@code <Root>}, {@code <Name too long>},
 *       {@code <Name contains a pointer that loops>}.</li>
 * </ul>
 *
 * <h2>Where we differ</h2>
 * <ul>
 *   <li>{@code dns.response_in} only in two-pass mode, and not on a retransmitted query (tshark shows it there
 *       too).</li>
 *   <li>{@code dns.retransmit_request_in}/{@code dns.retransmit_response_in} are not emitted.</li>
 *   <li>Recorded text values are pooled builders valid until the record is reset for the next frame, like the
 *       record's byte-valued fields (copy with {@code valueString}).</li>
 *   <li>Matching keeps at most {@code DnsLimits.MAX_OPEN_QUERIES} open queries (four-way sets, the oldest gives
 *       way).</li>
 * </ul>
 */
package dev.dissect.net.dns;
