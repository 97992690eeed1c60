/**
 * DNS, mDNS and LLMNR (RFC 1035, 6762, 4795) with tshark 4.0's field names, values and info column.
 *
 * <p>{@link dev.dissect.net.dns.DnsMessageDissector} dissects one message from {@code (ctx, data, offset,
 * length)}; {@link dev.dissect.net.dns.DnsDissector} is its UDP face (ports 53, 5353, 5355). DNS over TCP is a
 * small adapter to add once the stream-dissector SPI exists: frame on the two-byte length prefix and call
 * {@code dissectMessage} for each message (the query table then also matches TCP transactions, as tshark's
 * {@code dns.response_to=56,56,56} for three responses in one segment).
 *
 * <h2>Where we follow tshark 4.0 on purpose</h2>
 * <ul>
 *   <li>A record whose name or RDATA cannot be read (pointer out of the message, label type 0x40/0x80, RDATA
 *       longer than the message) adds no field and ends the message; {@code dns.response_to} and
 *       {@code dns.time} are then absent, as tshark loses them to its exception.</li>
 *   <li>Empty RDATA shows nothing; SRV owners are {@code dns.srv.service/proto/name}, not {@code dns.resp.name};
 *       NSEC/NSEC3 type bitmaps add {@code dns.resp.type}; OPT has no {@code dns.resp.ttl} or class.</li>
 *   <li>TXT strings are read on past RDATA (inside the message) until the count hits zero, as tshark reads them.</li>
 *   <li>Name text: labels joined with {@code .} (dots inside labels unescaped), control bytes escaped
 *       ({@code \000}), invalid UTF-8 as U+FFFD, {@code <Root>}, {@code <Name too long>},
 *       {@code <Name contains a pointer that loops>}.</li>
 * </ul>
 *
 * <h2>Where we differ</h2>
 * <ul>
 *   <li>{@code dns.response_in} needs a second pass; it is declared but not emitted.</li>
 *   <li>Matching keeps at most {@code DnsTransactions.CAPACITY} open queries (direct-mapped, newer wins).</li>
 *   <li>Names stop after 4096 labels and pointers (tshark has no such bound); the result is the loop text.</li>
 * </ul>
 */
package dev.dissect.net.dns;
