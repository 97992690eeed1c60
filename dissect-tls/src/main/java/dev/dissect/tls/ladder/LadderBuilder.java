package dev.dissect.tls.ladder;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.net.filter.DisplayFilter;
import dev.dissect.tls.connection.TlsConnection;
import dev.dissect.tls.connection.TlsConnections;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@link Ladder}s in one pass over a capture: feed it every dissected frame, then ask for the ladders.
 *
 * <pre>{@code
 * DissectionEngine engine = DissectionEngine.withDefaults();
 * LadderBuilder ladders = new LadderBuilder(engine, null, LadderFacts.NONE);
 * Dissection d = new Dissection();
 * d.recordFields(ladders.fields());           // only what the ladder reads: dissection stays fast
 * for (FrameView f; (f = capture.next()) != null; ) { engine.dissect(f, d); ladders.accept(d); }
 * List<Ladder> all = ladders.build();
 * }</pre>
 *
 * <p><b>Which connections:</b> every TCP connection that carried TLS, in order of {@code tcp.stream}; with a display
 * filter, every TCP connection with at least one frame that passes it (TLS or not). <b>The DNS lookup</b> that
 * produced the server's address is drawn when the capture holds it: the latest answer before the SYN, sent to the
 * client, whose A or AAAA records hold the server's address, with the queries and answers for that name between
 * the same two hosts in the ten seconds before.
 *
 * <p><b>Memory is bounded by the handshakes, not by the data:</b> bare ACKs are dropped as they come (except the one
 * that completes the three-way handshake), runs of application data in one direction are folded into one arrow, and
 * at most {@link #MAX_STREAMS} connections of at most {@link #MAX_ENTRIES} arrows and {@link #MAX_DNS_MESSAGES} DNS
 * messages are kept.
 *
 * <p>Without keys, TLS 1.3's encrypted handshake looks like application data; the builder labels the server's
 * encrypted records before the client's first one as {@code EncryptedExtensions, Certificate, CertificateVerify, Finished} and the client's first
 * encrypted record as its {@code Finished}, and says that it inferred them. Not thread-safe.
 *
 * @since 0.1
 */
public final class LadderBuilder {
    /** Connections kept. */
    public static final int MAX_STREAMS = 10_000;
    /** Arrows kept per connection; later ones are dropped. */
    public static final int MAX_ENTRIES = 2_000;
    /** DNS messages kept. */
    public static final int MAX_DNS_MESSAGES = 100_000;
    private static final long DNS_WINDOW_NANOS = 10_000_000_000L;
    private static final int CONTENT_APPLICATION_DATA = 23;
    private static final int HANDSHAKE_FINISHED = 20;

    private enum F {
        TCP_STREAM("tcp.stream"), TCP_FLAGS("tcp.flags"), TCP_SEQ("tcp.seq"), TCP_ACK("tcp.ack"), TCP_LEN("tcp.len"),
        TCP_SRCPORT("tcp.srcport"), TCP_DSTPORT("tcp.dstport"), UDP_SRCPORT("udp.srcport"), UDP_DSTPORT("udp.dstport"),
        IP_SRC("ip.src"), IP_DST("ip.dst"), IPV6_SRC("ipv6.src"), IPV6_DST("ipv6.dst"),
        DNS_ID("dns.id"), DNS_RESPONSE("dns.flags.response"), DNS_QRY_NAME("dns.qry.name"), DNS_QRY_TYPE("dns.qry.type"),
        DNS_RCODE("dns.flags.rcode"), DNS_A("dns.a"), DNS_AAAA("dns.aaaa"), DNS_RESPONSE_TO("dns.response_to"),
        CONTENT_TYPE("tls.record.content_type"), OPAQUE_TYPE("tls.record.opaque_type"), HANDSHAKE_TYPE("tls.handshake.type"),
        CIPHERSUITE("tls.handshake.ciphersuite"), SUPPORTED_VERSION("tls.handshake.extensions.supported_version"),
        KEY_SHARE_GROUP("tls.handshake.extensions_key_share_group"), VERDICT("tls.cert_validation.verdict");

        final String name;

        F(String name) {
            this.name = name;
        }
    }

    private final DissectionEngine engine;
    private final DisplayFilter filter;
    private final LadderFacts facts;
    private final F[] byId;
    private final Set<FieldDef> fields = new LinkedHashSet<>();

    private final Map<Long, List<FrameFacts>> streams = new LinkedHashMap<>();
    private final Set<Long> selected = new LinkedHashSet<>();
    private final List<FrameFacts> dnsMessages = new ArrayList<>();
    private final Map<Long, StreamState> states = new HashMap<>();
    private long firstSecond = Long.MIN_VALUE;

    /** Per-connection state the builder needs while reading: TLS 1.3 or not, and who has sent encrypted records. */
    private static final class StreamState {
        boolean tls13;
        boolean clientEncrypted;
        boolean serverSentHello;
        byte[] clientAddress;
        int clientPort = -1;
        boolean dropped;
    }

    /**
     * @param engine the engine that dissects the frames (its registry names the fields; its session holds the TLS
     *               connections after the pass)
     * @param filter selects connections, or null for every TLS connection
     * @param facts  verdicts and Finished checks known from elsewhere; {@link LadderFacts#NONE} if none
     */
    public LadderBuilder(DissectionEngine engine, DisplayFilter filter, LadderFacts facts) {
        this.engine = engine;
        this.filter = filter;
        this.facts = facts == null ? LadderFacts.NONE : facts;
        Map<String, FieldDef> known = engine.registry().fields();
        int max = 0;
        for (F f : F.values()) {
            FieldDef def = known.get(f.name);
            if (def != null) {
                fields.add(def);
                max = Math.max(max, def.id());
            }
        }
        byId = new F[max + 1];
        for (F f : F.values()) {
            FieldDef def = known.get(f.name);
            if (def != null) {
                byId[def.id()] = f;
            }
        }
        if (filter != null) {
            fields.addAll(filter.fields());
        }
    }

    /** One pass over {@code capture} with a fresh engine: every ladder the filter (or null, for all TLS) selects. */
    public static List<Ladder> read(Path capture, String filter, LadderFacts facts) throws IOException {
        DissectionEngine engine = DissectionEngine.withDefaults();
        DisplayFilter f = filter == null || filter.isBlank() ? null : DisplayFilter.compile(filter, engine.registry());
        LadderBuilder builder = new LadderBuilder(engine, f, facts);
        Dissection d = new Dissection();
        d.recordFields(builder.fields());
        d.setInfoWanted(false);
        try (CaptureSource source = Captures.open(capture)) {
            for (FrameView frame; (frame = source.next()) != null; ) {
                engine.dissect(frame, d);
                builder.accept(d);
            }
        }
        return builder.build();
    }

    /** The fields the builder (and its filter) read: record at least these. */
    public Set<FieldDef> fields() {
        return fields;
    }

    /** Takes what the ladder needs from one dissected frame. Call for every frame, in capture order. */
    public void accept(Dissection d) {
        FrameView frame = d.frame();
        if (firstSecond == Long.MIN_VALUE) {
            firstSecond = frame.epochSecond();
        }
        FrameFacts f = read(d);
        if (f == null) {
            return;
        }
        f.frame = f.firstFrame = f.lastFrame = frame.number();
        f.second = frame.epochSecond();
        f.nanos = frame.nanos();
        if (f.isTcp()) {
            if (filter != null && filter.test(d)) {
                selected.add(f.stream);
            }
            addTcp(f);
        } else if (f.dns && dnsMessages.size() < MAX_DNS_MESSAGES) {
            dnsMessages.add(f);
        }
    }

    private FrameFacts read(Dissection d) {
        FrameFacts f = new FrameFacts();
        int[] content = new int[4];
        int contentCount = 0;
        List<Integer> handshake = new ArrayList<>(2);
        List<Integer> suites = new ArrayList<>();
        List<Integer> versions = new ArrayList<>(2);
        List<Integer> groups = new ArrayList<>(2);
        boolean tcp = false;
        boolean lastWasOpaque = false;
        for (int i = 0; i < d.fieldCount(); i++) {
            int id = d.fieldDef(i).id();
            F which = id < byId.length ? byId[id] : null;
            if (which == null) {
                continue;
            }
            long v = d.value(i);
            switch (which) {
                case TCP_STREAM -> {
                    if (f.stream < 0) {
                        f.stream = v;
                        tcp = true;
                    }
                }
                case TCP_FLAGS -> f.flags = (int) v;
                case TCP_SEQ -> {
                    f.seq = v;
                    f.hasSeq = true;
                }
                case TCP_ACK -> f.ack = v;
                case TCP_LEN -> f.len = v;
                case TCP_SRCPORT, UDP_SRCPORT -> f.srcPort = (int) v;
                case TCP_DSTPORT, UDP_DSTPORT -> f.dstPort = (int) v;
                case IP_SRC, IPV6_SRC -> f.src = addressBytes(d, i);
                case IP_DST, IPV6_DST -> f.dst = addressBytes(d, i);
                case DNS_ID -> {
                    if (!f.dns) {
                        f.dns = true;
                        f.dnsId = (int) v;
                    }
                }
                case DNS_RESPONSE -> f.response = v != 0;
                case DNS_QRY_NAME -> {
                    if (f.queryName == null) {
                        f.queryName = d.valueString(i);
                    }
                }
                case DNS_QRY_TYPE -> {
                    if (f.queryType < 0) {
                        f.queryType = (int) v;
                    }
                }
                case DNS_RCODE -> f.rcode = (int) v;
                case DNS_A, DNS_AAAA -> f.answers.add(d.valueString(i));
                case DNS_RESPONSE_TO -> f.responseTo = v;
                case CONTENT_TYPE, OPAQUE_TYPE -> {
                    if (which == F.CONTENT_TYPE && lastWasOpaque) {
                        // A decrypted record: the inner content type follows its opaque type; it replaces it.
                        content[contentCount - 1] = (int) v;
                        lastWasOpaque = false;
                        continue;
                    }
                    if (contentCount == content.length) {
                        content = Arrays.copyOf(content, contentCount * 2);
                    }
                    content[contentCount++] = (int) v;
                    lastWasOpaque = which == F.OPAQUE_TYPE;
                    continue;
                }
                case HANDSHAKE_TYPE -> {
                    handshake.add((int) v);
                    lastWasOpaque = false;
                }
                case CIPHERSUITE -> suites.add((int) v);
                case SUPPORTED_VERSION -> versions.add((int) v);
                case KEY_SHARE_GROUP -> groups.add((int) v);
                case VERDICT -> f.verdict = d.valueString(i);
                default -> {
                }
            }
        }
        if (!tcp && !f.dns) {
            return null;
        }
        f.contentTypes = Arrays.copyOf(content, contentCount);
        f.handshakeTypes = ints(handshake);
        f.suites = ints(suites);
        f.supportedVersions = ints(versions);
        f.keyShareGroups = ints(groups);
        return f;
    }

    private void addTcp(FrameFacts f) {
        StreamState s = states.get(f.stream);
        if (s == null) {
            if (states.size() >= MAX_STREAMS) {
                return;
            }
            s = new StreamState();
            states.put(f.stream, s);
            streams.put(f.stream, new ArrayList<>());
        }
        if (s.clientPort < 0) {
            boolean synAck = (f.flags & (FrameFacts.SYN | FrameFacts.ACK)) == (FrameFacts.SYN | FrameFacts.ACK);
            s.clientAddress = synAck ? f.dst : f.src;
            s.clientPort = synAck ? f.dstPort : f.srcPort;
        }
        boolean fromClient = f.srcPort == s.clientPort && Arrays.equals(f.src, s.clientAddress);
        classifyRecords(f, s, fromClient);
        List<FrameFacts> entries = streams.get(f.stream);
        FrameFacts last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        if (f.bareAck()) {
            // Only the ACK that completes the three-way handshake is drawn.
            if (entries.size() == 2 && (entries.get(0).flags & FrameFacts.SYN) != 0
                    && (last.flags & FrameFacts.SYN) != 0 && (f.flags & FrameFacts.ACK) != 0) {
                entries.add(f);
            }
            return;
        }
        if (last != null && last.sameSender(f) && !last.control() && (f.dataOnly() || f.continuation())
                && (last.dataOnly() || last.continuation())) {
            last.absorbFollowing(f);
            return;
        }
        if (last != null && last.continuation() && last.sameSender(f) && !f.continuation() && !f.control()) {
            f.absorbPreceding(last);
            entries.set(entries.size() - 1, f);
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            s.dropped = true;
            return;
        }
        entries.add(f);
    }

    /** Splits a frame's encrypted records into TLS 1.3 handshake (inferred) and application data. */
    private static void classifyRecords(FrameFacts f, StreamState s, boolean fromClient) {
        if (!fromClient && f.has(f.handshakeTypes, 2)) {
            s.serverSentHello = true;
            s.tls13 = f.has(f.supportedVersions, 0x0304);
        }
        if (fromClient && f.has(f.handshakeTypes, HANDSHAKE_FINISHED)) {
            s.clientEncrypted = true; // decrypted: the client's Finished was seen, nothing left to infer
        }
        for (int t : f.contentTypes) {
            if (t != CONTENT_APPLICATION_DATA) {
                continue;
            }
            if (s.tls13 && !fromClient && !s.clientEncrypted) {
                f.inferredHandshakeRecords++;
            } else if (s.tls13 && fromClient && !s.clientEncrypted) {
                s.clientEncrypted = true;
                f.inferredHandshakeRecords++;
            } else {
                f.applicationRecords++;
            }
        }
    }

    /** The ladders of the selected connections, in order of {@code tcp.stream}. Call after the last frame. */
    public List<Ladder> build() {
        Map<Long, TlsConnection> tls = new HashMap<>();
        for (TlsConnection c : TlsConnections.of(engine.session()).all()) {
            tls.putIfAbsent(c.streamIndex(), c);
        }
        List<Ladder> out = new ArrayList<>();
        for (Map.Entry<Long, List<FrameFacts>> e : streams.entrySet()) {
            long stream = e.getKey();
            boolean chosen = filter == null ? tls.containsKey(stream) : selected.contains(stream);
            if (chosen && !e.getValue().isEmpty()) {
                out.add(new LadderAssembly(stream, e.getValue(), states.get(stream).dropped, tls.get(stream),
                        dnsMessages, facts).ladder());
            }
        }
        return out;
    }

    /** The DNS messages of the lookup that gave the client the server's address, in capture order. */
    static List<FrameFacts> lookup(List<FrameFacts> dns, byte[] client, byte[] server, FrameFacts first) {
        FrameFacts answer = null;
        for (FrameFacts m : dns) {
            if (m.frame >= first.frame) {
                break;
            }
            if (m.response && Arrays.equals(m.dst, client) && answers(m, server)) {
                answer = m;
            }
        }
        if (answer == null) {
            return List.of();
        }
        List<FrameFacts> out = new ArrayList<>();
        long end = nanosOf(answer);
        for (FrameFacts m : dns) {
            if (m.frame > answer.frame) {
                break;
            }
            boolean between = m.response ? Arrays.equals(m.dst, client) && Arrays.equals(m.src, answer.src)
                    && m.srcPort == answer.srcPort
                    : Arrays.equals(m.src, client) && Arrays.equals(m.dst, answer.src) && m.dstPort == answer.srcPort;
            if (between && answer.queryName != null && answer.queryName.equalsIgnoreCase(m.queryName)
                    && end - nanosOf(m) <= DNS_WINDOW_NANOS) {
                out.add(m);
            }
        }
        return out;
    }

    private static boolean answers(FrameFacts response, byte[] server) {
        for (String a : response.answers) {
            try {
                if (Arrays.equals(InetAddress.getByName(a).getAddress(), server)) {
                    return true;
                }
            } catch (UnknownHostException e) {
                // not an address literal: cannot be the server's
            }
        }
        return false;
    }

    static long nanosOf(FrameFacts f) {
        return f.second * 1_000_000_000L + f.nanos;
    }

    /** An address as text: dotted IPv4, or IPv6 with the longest run of zero groups shortened (RFC 5952). */
    static String address(byte[] a) {
        if (a.length == 4) {
            return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
        }
        if (a.length != 16) {
            return "?";
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (a[2 * i] & 0xff) << 8 | a[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** An address field's bytes: read from the frame when it points there, else from its value (IPv4). */
    private static byte[] addressBytes(Dissection d, int field) {
        if (d.source(field) != null && (d.length(field) == 4 || d.length(field) == 16)) {
            return d.source(field).toArray(d.offset(field), d.length(field));
        }
        long v = d.value(field);
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static int[] ints(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }
}
