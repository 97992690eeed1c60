package dev.dissect.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The rules, documented in {@code deliberate-differences.md}, by which a cell where we and tshark differ is not a
 * disagreement. Both come from one fact: tshark dissects protocols we do not have yet.
 *
 * <p>Per frame, our {@code frame.protocols} without a trailing {@code data} (bytes we hand to no dissector) is
 * compared with tshark's. When ours is a prefix of tshark's and tshark has either nothing more or, next, a
 * protocol we do not register:
 * <ol>
 *   <li>{@code frame.protocols} is compared only up to the deepest protocol we dissect (the cell is skipped);</li>
 *   <li>if tshark goes on, the frame is <em>beyond our reach</em> from there, and a field of a protocol that
 *       tshark dissects again beyond that point (an IP header inside ICMP or a tunnel) is skipped when our
 *       occurrences are a prefix of tshark's: the extra occurrences come from layers we do not reach. Fields of
 *       protocols that appear only within our reach are compared as usual.</li>
 * </ol>
 * A frame where tshark's next protocol is one we register ({@code data} included: we stop where we should go on)
 * is compared in full. Wireshark's IPv6 dissector emits {@code ip.version} too, so that field belongs to both
 * {@code ip} and {@code ipv6}; its mDNS and LLMNR dissectors emit the {@code dns.*} fields, so those belong to
 * {@code dns}, {@code mdns} and {@code llmnr}.
 *
 * <p>Apart from reach: {@code frame.time_epoch} is skipped where tshark prints a time that is not one (more than
 * nine fraction digits, or negative), or one whose nanoseconds are the record's microseconds times 1000 wrapped to
 * 32 bits ({@link #wrappedMicroseconds}): a record whose sub-second field is out of range, which we carry into the
 * seconds.
 *
 * <p>Where tshark's innermost {@code ipv6.plen} is 0 (BIG TCP, no Jumbo option), its UDP and TCP fields are absent
 * and ours are skipped.
 *
 * <p>{@code tcp.stream} is compared after renumbering tshark's indices ({@link #renumberStream}); a cell that agrees
 * only after renumbering is counted as skipped.
 *
 * <p>TLS inside a TCP connection begun by another protocol (rule 8 of the document): STARTTLS in SMTP, IMAP, POP,
 * FTP, LDAP, XMPP, PostgreSQL, MySQL; HTTP CONNECT; SOCKS; or bytes tshark first called {@code data}. Per
 * {@code tcp.stream} (tshark's), the first protocol tshark names after {@code tcp} is remembered; in a later frame
 * of that connection where tshark shows {@code tls} and we show no {@code tls} layer, {@code frame.protocols} and
 * every {@code tls.}, {@code x509}, {@code http.} cell where we have nothing are skipped. We choose a stream
 * dissector once per connection, from its first bytes; tshark's STARTTLS dissectors hand over to TLS, and its
 * heuristics are asked again on every segment of a connection no dissector claimed.
 *
 * <p>Sequence analysis of a TCP connection tshark also saw inside a tunnel we do not open (rule 11): once a frame
 * beyond our reach (rule 2) shows {@code tcp} in tshark's {@code frame.protocols} and not in ours (and no
 * {@code icmp} before it: headers quoted in ICMP errors are not analysed), later differing {@code tcp.seq}, {@code tcp.nxtseq}, {@code tcp.ack}
 * and {@code tcp.analysis.*} cells of that connection (tshark's {@code tcp.stream}) are skipped: tshark's analysis
 * counted segments we never saw.
 *
 * <p>An HTTP message without a length at the end of a TLS connection (rule 9): we dissect it in the frame that
 * closes the connection (as tshark does for cleartext HTTP); tshark 4.0 keeps it in TLS's reassembly and never
 * shows it. In a connection where tshark showed {@code tls}, a frame where ours is tshark's plus {@code :http}
 * skips {@code frame.protocols} and the {@code http.} cells tshark leaves empty.
 *
 * <p>Past HTTP/2 (rule 12): a frame whose deepest protocol of ours is {@code http2} is beyond our reach from there
 * even when tshark's next protocol is one we register ({@code dns} over HTTPS, {@code data}): tshark chooses the
 * DATA frames' protocol by the content type of HPACK-coded headers, which we do not decode.
 *
 * <p>A port tshark gives to a protocol we do not have (rule 13): tshark hands a TCP or UDP payload to the dissector
 * its port table ({@code tshark-ports.tsv}) names for the lower port, else the higher one, before any heuristic;
 * where that protocol is not ours, our heuristics (TLS, DNS) may find a protocol there. In such a frame where both
 * agree through {@code tcp} or {@code udp}, tshark shows nothing more or that protocol (and, over TCP, has named no
 * other protocol after {@code tcp} in the connection), and we show more, {@code frame.protocols} and the
 * {@code tls.}, {@code x509}, {@code http.}, {@code dns.} cells tshark leaves empty are skipped.
 *
 * <p>ARIA cipher suites (rule 10): tshark 4.0.17's cipher suite table lacks them, so in a connection whose
 * ServerHello (in tshark's cells) chose one, tshark parses no ServerKeyExchange parameters and decrypts nothing. A
 * {@code tls.}, {@code http.} or {@code frame.protocols} cell of that connection is skipped where tshark's is
 * empty or ours is tshark's with more values before or after it.
 */
final class DeliberateDifferences {
    static final String PROTOCOLS = "frame.protocols";
    static final String TIME = "frame.time_epoch";
    static final String STREAM = "tcp.stream";
    static final String IPV6_PLEN = "ipv6.plen";
    static final String HANDSHAKE_TYPE = "tls.handshake.type";
    static final String CIPHER_SUITE = "tls.handshake.ciphersuite";
    static final String TCP_SOURCE_PORT = "tcp.srcport";
    static final String TCP_DESTINATION_PORT = "tcp.dstport";
    static final String UDP_SOURCE_PORT = "udp.srcport";
    static final String UDP_DESTINATION_PORT = "udp.dstport";
    /** tshark 4.0.17's TCP and UDP port tables (rule 13), from {@code tshark -G decodes}: "tcp.port" to port to protocol. */
    private static final Map<String, Map<Integer, String>> TSHARK_PORTS = readPorts("/tshark-ports.tsv");
    /** The protocol of the {@code dns.*} fields, which Wireshark's mDNS and LLMNR dissectors emit too. */
    private static final String DNS = "dns";

    private final Set<String> ourProtocols;
    private final Map<String, String> streamNumbers = new HashMap<>();
    private final Set<String> beyondReach = new HashSet<>();
    private boolean protocolsWithinReach;
    private boolean frameBeyondReach;
    private boolean zeroIpv6Length;
    /** tshark's first protocol after tcp, by tshark's tcp.stream. */
    private final Map<String, String> firstApplication = new HashMap<>();
    private boolean tlsAfterOtherProtocol;
    private boolean httpAtTlsClose;
    /** tshark's tcp.stream of the current frame, or null. */
    private String stream;
    /** tshark's tcp.stream numbers of connections whose ServerHello chose an ARIA suite. */
    private final Set<String> ariaConnections = new HashSet<>();
    /** tshark's tcp.stream numbers of connections with segments beyond our reach (inside a tunnel). */
    private final Set<String> partlyUnseen = new HashSet<>();
    private boolean analysisOfPartlyUnseen;
    private String unseenStream;
    private String ourProtocolsCell = "";
    private String theirProtocolsCell = "";
    private boolean portOfAnotherProtocol;

    DeliberateDifferences(Set<String> ourProtocols) {
        this.ourProtocols = ourProtocols;
    }

    /** Starts a frame, given both {@code frame.protocols} cells and tshark's {@code tcp.stream}. */
    void frame(String ours, String theirs, String tcpStream) {
        beyondReach.clear();
        protocolsWithinReach = false;
        frameBeyondReach = false;
        tlsAfterOtherProtocol = false;
        httpAtTlsClose = false;
        stream = null;
        analysisOfPartlyUnseen = false;
        unseenStream = null;
        ourProtocolsCell = ours;
        theirProtocolsCell = theirs;
        portOfAnotherProtocol = false;
        if (!tcpStream.isEmpty()) {
            int comma = tcpStream.indexOf(',');
            stream = comma < 0 ? tcpStream : tcpStream.substring(0, comma);
            unseenStream = theirs.contains(":tcp") && !ours.contains(":tcp") && !theirs.contains(":icmp")
                    ? stream : null;
            analysisOfPartlyUnseen = partlyUnseen.contains(stream);
            int tcp = theirs.indexOf(":tcp:");
            if (tcp >= 0) {
                int start = tcp + 5;
                int end = theirs.indexOf(':', start);
                firstApplication.putIfAbsent(stream, theirs.substring(start, end < 0 ? theirs.length() : end));
            }
            String first = firstApplication.get(stream);
            boolean theyShowTls = theirs.contains(":tls");
            tlsAfterOtherProtocol = first != null && !first.equals("tls") && theyShowTls && !ours.contains(":tls");
            httpAtTlsClose = "tls".equals(first) && ours.equals(theirs + ":http");
        }
        String[] o = split(ours.endsWith(":data") ? ours.substring(0, ours.length() - 5)
                : ours.equals("data") ? "" : ours);
        String[] t = split(theirs);
        int k = 0;
        while (k < o.length && k < t.length && o[k].equals(t[k])) {
            k++;
        }
        // rule 12: what HTTP/2 DATA frames carry is chosen by a content-type in HPACK-coded headers, which we do not
        // decode; past our deepest http2 even a protocol we register (dns over HTTPS, data) is beyond our reach
        boolean pastHttp2 = k == o.length && k > 0 && o[k - 1].equals("http2");
        if (k == o.length && (k == t.length || !ourProtocols.contains(t[k]) || pastHttp2)) {
            protocolsWithinReach = true;
            frameBeyondReach = k < t.length;
            for (int i = k; i < t.length; i++) {
                beyondReach.add(t[i]);
            }
        }
        if (unseenStream != null && frameBeyondReach) {
            partlyUnseen.add(unseenStream); // rule 11: tshark saw this segment where we do not reach
        }
    }

    /**
     * Gives tshark's source and destination port cells of the current frame's {@code transport} ({@code tcp} or
     * {@code udp}; call after {@link #frame}) for rule 13: the outer header's ports, looked up in tshark's port
     * table lower port first.
     */
    void transportPorts(String transport, String sourcePorts, String destinationPorts) {
        if (sourcePorts.isEmpty() || destinationPorts.isEmpty()) {
            return;
        }
        int source = firstNumber(sourcePorts);
        int destination = firstNumber(destinationPorts);
        Map<Integer, String> table = TSHARK_PORTS.getOrDefault(transport + ".port", Map.of());
        String owner = table.get(Math.min(source, destination));
        if (owner == null) {
            owner = table.get(Math.max(source, destination));
        }
        String first = stream == null || !transport.equals("tcp") ? null : firstApplication.get(stream);
        if (owner == null || ourProtocols.contains(owner) || first != null && !first.equals(owner)) {
            return; // not a port of another protocol, or tshark's port dissector refused it in this connection
        }
        String[] o = split(ourProtocolsCell);
        String[] t = split(theirProtocolsCell);
        int at = indexOf(t, transport);
        if (at < 0 || o.length <= at + 1 || !prefix(o, t, at + 1)) {
            return;
        }
        portOfAnotherProtocol |= t.length == at + 1 || t[at + 1].equals(owner);
    }

    private static int firstNumber(String cell) {
        int comma = cell.indexOf(',');
        try {
            return Integer.parseInt(comma < 0 ? cell : cell.substring(0, comma));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int indexOf(String[] list, String name) {
        for (int i = 0; i < list.length; i++) {
            if (list[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean prefix(String[] a, String[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (!a[i].equals(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Map<Integer, String>> readPorts(String resource) {
        Map<String, Map<Integer, String>> ports = new HashMap<>();
        try (InputStream in = DeliberateDifferences.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                String[] f = line.split("\t");
                if (!line.startsWith("#") && f.length == 3) {
                    ports.computeIfAbsent(f[0], k -> new HashMap<>()).put(Integer.parseInt(f[1]), f[2].strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ports;
    }

    /** Gives tshark's {@code ipv6.plen} cell of the current frame (call after {@link #frame}). */
    void ipv6PayloadLength(String theirs) {
        zeroIpv6Length = theirs.equals("0") || theirs.endsWith(",0");
    }

    /**
     * Gives tshark's {@code tls.handshake.type} and {@code tls.handshake.ciphersuite} cells of the current frame (call
     * after {@link #frame}): a ServerHello that chose an ARIA suite (0xC03C to 0xC071, RFC 6209) marks its
     * connection for rule 10.
     */
    void tlsHandshake(String types, String suites) {
        if (stream == null || suites.isEmpty() || !("," + types + ",").contains(",2,")
                || ("," + types + ",").contains(",1,")) {
            return;
        }
        String chosen = suites.substring(suites.lastIndexOf(',') + 1);
        if (chosen.startsWith("0x")) {
            int id = Integer.parseInt(chosen.substring(2), 16);
            if (id >= 0xC03C && id <= 0xC071) {
                ariaConnections.add(stream);
            }
        }
    }

    /** Whether a differing cell of {@code field} in the current frame is a deliberate difference. */
    boolean skips(String field, String ours, String theirs) {
        if (stream != null && ariaConnections.contains(stream)
                && (field.startsWith("tls.") || field.startsWith("http.") || field.equals(PROTOCOLS))
                && (theirs.isEmpty() || ours.startsWith(theirs + ",") || ours.endsWith("," + theirs)
                || field.equals(PROTOCOLS) && ours.startsWith(theirs + ":"))) {
            return true; // rule 10: tshark 4.0.17 does not know the ARIA suites
        }
        if (zeroIpv6Length && theirs.isEmpty() && (field.startsWith("udp.") || field.startsWith("tcp."))) {
            return true; // rule 7: an IPv6 payload length of 0 (BIG TCP)
        }
        if (tlsAfterOtherProtocol && (field.equals(PROTOCOLS) || ours.isEmpty() && (field.startsWith("tls.")
                || field.startsWith("x509") || field.startsWith("http.")))) {
            return true; // rule 8: TLS after another protocol in the same connection
        }
        if (portOfAnotherProtocol && (field.equals(PROTOCOLS) || theirs.isEmpty() && (field.startsWith("tls.")
                || field.startsWith("x509") || field.startsWith("http.") || field.startsWith("dns.")))) {
            return true; // rule 13: a port tshark gives to a protocol we do not have
        }
        if (httpAtTlsClose && (field.equals(PROTOCOLS) || theirs.isEmpty() && field.startsWith("http."))) {
            return true; // rule 9: HTTP without a length at the close of a TLS connection
        }
        if (analysisOfPartlyUnseen && (field.startsWith("tcp.analysis.") || field.equals("tcp.seq")
                || field.equals("tcp.nxtseq") || field.equals("tcp.ack"))) {
            return true; // rule 11: sequence analysis of a connection tshark also saw inside a tunnel
        }
        if (field.equals(PROTOCOLS)) {
            return protocolsWithinReach;
        }
        if (field.equals(TIME)) {
            int point = theirs.indexOf('.');
            return theirs.startsWith("-") || (point >= 0 && theirs.length() - point - 1 > 9)
                    || wrappedMicroseconds(ours, theirs);
        }
        if (!frameBeyondReach) {
            return false;
        }
        int dot = field.indexOf('.');
        String protocol = dot < 0 ? field : field.substring(0, dot);
        boolean beyond = beyondReach.contains(protocol)
                || (field.equals("ip.version") && beyondReach.contains("ipv6"))
                || (protocol.equals(DNS) && (beyondReach.contains("mdns") || beyondReach.contains("llmnr")));
        return beyond && (ours.isEmpty() || theirs.startsWith(ours + ","));
    }

    /**
     * tshark's {@code tcp.stream} cell with its indices renumbered densely in order of first appearance in frames
     * where we show {@code tcp.stream} (as many of tshark's occurrences as we have): tshark also numbers TCP
     * conversations it finds in layers we do not reach (headers quoted in ICMP errors, connections a SOCKS
     * dissector announces), so from there its indices run ahead of ours. A stream we split or merge still differs.
     * Call once per frame of a capture, in order; returns {@code theirs} unchanged when ours is empty.
     */
    String renumberStream(String ours, String theirs) {
        if (ours.isEmpty() || theirs.isEmpty()) {
            return theirs;
        }
        int ourCount = ours.split(",", -1).length;
        String[] t = theirs.split(",", -1);
        for (int i = 0; i < t.length && i < ourCount; i++) {
            String mapped = streamNumbers.get(t[i]);
            if (mapped == null) {
                mapped = String.valueOf(streamNumbers.size());
                streamNumbers.put(t[i], mapped);
            }
            t[i] = mapped;
        }
        return String.join(",", t);
    }

    /**
     * Rule 3, second form: a pcap record's microseconds of 2^32 / 1000 or more, which tshark multiplies by 1000 in
     * 32 bits. Ours carries every whole second of the field into the seconds, so the field is
     * {@code (our seconds - their seconds) * 10^6 + our microseconds}; the cell is skipped when tshark's nanoseconds
     * are exactly that times 1000 modulo 2^32, with the record's own seconds.
     */
    static boolean wrappedMicroseconds(String ours, String theirs) {
        int o = ours.indexOf('.');
        int t = theirs.indexOf('.');
        if (o < 0 || t < 0 || ours.length() - o - 1 != 9 || theirs.length() - t - 1 != 9 || ours.startsWith("-")) {
            return false;
        }
        try {
            long ourSeconds = Long.parseLong(ours.substring(0, o));
            long ourNanos = Long.parseLong(ours.substring(o + 1));
            long theirSeconds = Long.parseLong(theirs.substring(0, t));
            long theirNanos = Long.parseLong(theirs.substring(t + 1));
            long micros = (ourSeconds - theirSeconds) * 1_000_000L + ourNanos / 1000;
            return ourNanos % 1000 == 0 && ourSeconds > theirSeconds && micros <= 0xFFFF_FFFFL
                    && theirNanos == (micros * 1000) % (1L << 32);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String[] split(String protocols) {
        return protocols.isEmpty() ? new String[0] : protocols.split(":", -1);
    }
}
