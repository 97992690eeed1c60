package dev.dissect.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One client connection as a capture beside the client records it: an optional DNS lookup over UDP, the TCP
 * three-way handshake, one or more HTTP/1.1 exchanges, and the close.
 *
 * <p><b>Deterministic:</b> everything a flow does is drawn from its own random stream, seeded from the capture seed
 * and the flow's number, so flows do not disturb one another however they interleave. Floating point goes through
 * {@link StrictMath}, so every JVM draws the same numbers.
 *
 * <p>Packets are planned one phase at a time (the lookup, the handshake, a request, one congestion window of the
 * response, the close) into a queue in time order; the generator merges the queues of all open flows by time.
 *
 * <p>What a reader of the capture sees, and Wireshark's names for it:
 * <ul>
 *   <li>SYN and SYN/ACK carry MSS, SACK-permitted, timestamps and window scale (Linux order); every later segment
 *       carries timestamps, so data segments hold MSS minus 12 bytes.</li>
 *   <li>The client ACKs every second segment, at once when a segment arrives out of order (a duplicate ACK with a
 *       SACK block) or as a duplicate (D-SACK, RFC 2883), and the rest with a delayed ACK.</li>
 *   <li>{@value #RETRANSMISSION_PROBABILITY} of data segments are seen twice ({@code tcp.analysis.retransmission});
 *       {@value #OUT_OF_ORDER_PROBABILITY} arrive behind the next one ({@code tcp.analysis.out_of_order}).</li>
 * </ul>
 */
final class Flow {
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int PSH = 0x08;
    static final int ACK = 0x10;
    static final double IPV6_FRACTION = 0.15;
    static final double VLAN_FRACTION = 0.05;
    static final double LOOKUP_FRACTION = 0.6;
    static final double RETRANSMISSION_PROBABILITY = 0.004;
    static final double OUT_OF_ORDER_PROBABILITY = 0.003;
    static final int MSS_IPV4 = 1460;
    static final int MSS_IPV6 = 1440;

    private static final int KIND_TCP = 0;
    private static final int KIND_DNS_QUERY = 1;
    private static final int KIND_DNS_ANSWER = 2;
    private static final int DNS_PORT = 53;
    private static final int TCP_HEADER_LENGTH = 20;
    private static final int SYN_OPTIONS_LENGTH = 20;
    private static final int TIMESTAMP_OPTIONS_LENGTH = 12;
    private static final int SACK_OPTIONS_LENGTH = 12;
    private static final int WINDOW_SCALE = 7;
    private static final int INITIAL_CWND = 10;
    private static final int MAX_CWND = 128;
    private static final long ACK_DELAY_MICROS = 30;
    private static final long DELAYED_ACK_MICROS = 40_000;
    private static final long SEQ_MASK = 0xFFFF_FFFFL;
    private static final long MEDIAN_BODY = 6_000;
    private static final long MAX_BODY = 8_000_000;

    private static final int PHASE_LOOKUP = 0;
    private static final int PHASE_HANDSHAKE = 1;
    private static final int PHASE_REQUEST = 2;
    private static final int PHASE_RESPONSE = 3;
    private static final int PHASE_CLOSE = 4;
    private static final int PHASE_DONE = 5;

    /** One planned packet. Data segments name their bytes by stream offset; {@code text} overrides the pool. */
    static final class Packet {
        long micros;
        boolean fromClient;
        int kind;
        int flags;
        long seq;
        long ack;
        int payloadLength;
        long streamOffset;
        byte[] text;
        long textStart;
        boolean sack;
        long sackLeft;
        long sackRight;

        Packet(long micros, boolean fromClient, int kind, int flags, long seq, long ack) {
            this.micros = micros;
            this.fromClient = fromClient;
            this.kind = kind;
            this.flags = flags;
            this.seq = seq;
            this.ack = ack;
        }

        /** The same segment again, without any SACK block: what a retransmission carries. */
        Packet copy() {
            Packet p = new Packet(micros, fromClient, kind, flags, seq, ack);
            p.payloadLength = payloadLength;
            p.streamOffset = streamOffset;
            p.text = text;
            p.textStart = textStart;
            return p;
        }
    }

    final int id;
    private final SplittableRandom random;
    private final ArrayDeque<Packet> pending = new ArrayDeque<>();
    private final Endpoints tcp;
    private final Endpoints dns;
    private final String hostName;
    private final byte[] qname;
    private final byte[] canonicalName;
    private final byte[] serverAddress;
    private final int qtype;
    private final int dnsId;
    private final int dnsPort;
    private final int clientPort;
    private final int serverPort;
    private final int mss;
    private final long rttMicros;
    private final double megabitsPerSecond;
    private final long clientIsn;
    private final long serverIsn;
    private final long clientTsBase;
    private final long serverTsBase;
    private final int clientWindow;
    private final int serverWindow;
    private final long clientStreamKey;
    private final long serverStreamKey;

    private int phase;
    private int exchangesLeft;
    private long now;
    private long clientSent;
    private long serverSent;
    private long lastClientTsval;
    private long lastServerTsval;
    private int cwnd;
    private long responseEnd;
    private byte[] responseHeader;
    private long responseStart;
    private long burstMicros;
    private int unacked;
    /** Receiver state: server stream bytes received in order, and one range held beyond a hole (-1: none). */
    private long receivedUpTo;
    private long heldStart = -1;
    private long heldEnd;

    Flow(int id, long seed, long startMicros) {
        this.id = id;
        this.random = new SplittableRandom(seed * 0x9E37_79B9_7F4A_7C15L + id);
        boolean ipv6 = random.nextDouble() < IPV6_FRACTION;
        int vlanId = random.nextDouble() < VLAN_FRACTION ? 100 + random.nextInt(3) * 100 : 0;
        int server = random.nextInt(AddressPlan.SERVERS);
        int client = ipv6 ? random.nextInt(AddressPlan.IPV6_CLIENTS) : random.nextInt(AddressPlan.IPV4_CLIENTS);
        byte[] clientMac = AddressPlan.clientMac(ipv6 ? AddressPlan.IPV4_CLIENTS + client : client);
        byte[] clientIp = ipv6 ? AddressPlan.clientIpv6(client) : AddressPlan.clientIpv4(client);
        serverAddress = ipv6 ? AddressPlan.serverIpv6(server) : AddressPlan.serverIpv4(server);
        tcp = new Endpoints(clientMac, vlanId, clientIp, serverAddress, 64 - 4 - random.nextInt(16),
                random.nextInt(), random.nextInt(), random.nextInt(), random.nextInt());
        if (random.nextDouble() < LOOKUP_FRACTION) {
            dns = new Endpoints(clientMac, vlanId, clientIp, ipv6 ? AddressPlan.RESOLVER_IPV6 : AddressPlan.RESOLVER_IPV4,
                    63, random.nextInt(), random.nextInt(), random.nextInt(), random.nextInt());
            phase = PHASE_LOOKUP;
        } else {
            dns = null;
            phase = PHASE_HANDSHAKE;
        }
        hostName = AddressPlan.serverName(server);
        qname = AddressPlan.dnsName(hostName);
        canonicalName = server % 3 == 0 ? AddressPlan.dnsName(AddressPlan.canonicalName(server)) : null;
        qtype = ipv6 ? DnsMessages.TYPE_AAAA : DnsMessages.TYPE_A;
        dnsId = random.nextInt(1 << 16);
        dnsPort = 1024 + random.nextInt(65536 - 1024);
        clientPort = 32768 + random.nextInt(60999 - 32768 + 1);
        serverPort = random.nextDouble() < 0.9 ? 80 : 8080;
        mss = ipv6 ? MSS_IPV6 : MSS_IPV4;
        rttMicros = 5_000 + random.nextInt(145_001);
        megabitsPerSecond = 10 * StrictMath.pow(100, random.nextDouble());
        clientIsn = random.nextLong() & SEQ_MASK;
        serverIsn = random.nextLong() & SEQ_MASK;
        clientTsBase = random.nextLong() & SEQ_MASK;
        serverTsBase = random.nextLong() & SEQ_MASK;
        clientWindow = 500 + random.nextInt(12);
        serverWindow = 500 + random.nextInt(12);
        clientStreamKey = random.nextLong();
        serverStreamKey = random.nextLong();
        exchangesLeft = 1 + (int) exponential(random, 1.5);
        now = startMicros;
        refill();
    }

    /** Time of the next packet; only while {@link #hasNext()}. */
    long nextMicros() {
        return pending.peekFirst().micros;
    }

    boolean hasNext() {
        return !pending.isEmpty();
    }

    /** Removes and returns the next packet, planning the next phase when the queue runs dry. */
    Packet next() {
        Packet p = pending.pollFirst();
        refill();
        return p;
    }

    /** Builds {@code p} into {@code out}; returns the frame length. Packets must be written in the order planned. */
    int write(Packet p, FrameBuilder out, PayloadPool pool) {
        if (p.kind != KIND_TCP) {
            return writeDns(p, out);
        }
        boolean syn = (p.flags & SYN) != 0;
        int headerLength = TCP_HEADER_LENGTH
                + (syn ? SYN_OPTIONS_LENGTH : TIMESTAMP_OPTIONS_LENGTH + (p.sack ? SACK_OPTIONS_LENGTH : 0));
        int l4 = out.begin(tcp, p.fromClient, FrameBuilder.PROTOCOL_TCP, headerLength + p.payloadLength);
        out.put16(l4, p.fromClient ? clientPort : serverPort);
        out.put16(l4 + 2, p.fromClient ? serverPort : clientPort);
        out.put32(l4 + 4, p.seq);
        out.put32(l4 + 8, p.ack);
        out.frame[l4 + 12] = (byte) ((headerLength / 4) << 4);
        out.frame[l4 + 13] = (byte) p.flags;
        out.put16(l4 + 14, syn ? (p.fromClient ? 64_240 : 65_160) : (p.fromClient ? clientWindow : serverWindow));
        out.put16(l4 + 18, 0);
        long tsval = ((p.micros / 1_000) + (p.fromClient ? clientTsBase : serverTsBase)) & SEQ_MASK;
        long tsecr = p.fromClient ? lastServerTsval : lastClientTsval;
        if (p.fromClient) {
            lastClientTsval = tsval;
        } else {
            lastServerTsval = tsval;
        }
        int o = l4 + TCP_HEADER_LENGTH;
        byte[] f = out.frame;
        if (syn) {
            f[o] = 2; // MSS
            f[o + 1] = 4;
            out.put16(o + 2, mss);
            f[o + 4] = 4; // SACK permitted
            f[o + 5] = 2;
            o += 6;
        } else {
            f[o] = 1; // NOP, NOP
            f[o + 1] = 1;
            o += 2;
        }
        f[o] = 8; // timestamps
        f[o + 1] = 10;
        out.put32(o + 2, tsval);
        out.put32(o + 6, tsecr);
        o += 10;
        if (syn) {
            f[o] = 1; // NOP, then window scale
            f[o + 1] = 3;
            f[o + 2] = 3;
            f[o + 3] = WINDOW_SCALE;
            o += 4;
        } else if (p.sack) {
            f[o] = 1;
            f[o + 1] = 1;
            f[o + 2] = 5;
            f[o + 3] = 10;
            out.put32(o + 4, p.sackLeft);
            out.put32(o + 8, p.sackRight);
            o += 12;
        }
        if (p.payloadLength > 0) {
            int fromText = 0;
            if (p.text != null) {
                fromText = (int) Math.max(0, Math.min(p.payloadLength, p.textStart + p.text.length - p.streamOffset));
            }
            if (fromText > 0) {
                System.arraycopy(p.text, (int) (p.streamOffset - p.textStart), f, o, fromText);
            }
            pool.copy(p.fromClient ? clientStreamKey : serverStreamKey, p.streamOffset + fromText, f, o + fromText,
                    p.payloadLength - fromText);
        }
        out.finishChecksum();
        return out.length();
    }

    private int writeDns(Packet p, FrameBuilder out) {
        int message = FrameBuilder.l4Offset(dns) + FrameBuilder.UDP_HEADER_LENGTH;
        int length = p.kind == KIND_DNS_QUERY
                ? DnsMessages.query(out, message, dnsId, qname, qtype)
                : DnsMessages.answer(out, message, dnsId, qname, qtype, canonicalName, serverAddress, 300);
        int udpLength = FrameBuilder.UDP_HEADER_LENGTH + length;
        int l4 = out.begin(dns, p.fromClient, FrameBuilder.PROTOCOL_UDP, udpLength);
        out.put16(l4, p.fromClient ? dnsPort : DNS_PORT);
        out.put16(l4 + 2, p.fromClient ? DNS_PORT : dnsPort);
        out.put16(l4 + 4, udpLength);
        out.finishChecksum();
        return out.length();
    }

    // ---------------------------------------------------------------- planning

    private void refill() {
        while (pending.isEmpty() && phase != PHASE_DONE) {
            switch (phase) {
                case PHASE_LOOKUP -> planLookup();
                case PHASE_HANDSHAKE -> planHandshake();
                case PHASE_REQUEST -> planRequest();
                case PHASE_RESPONSE -> planResponseWindow();
                case PHASE_CLOSE -> planClose();
                default -> throw new IllegalStateException("phase " + phase);
            }
        }
    }

    private void planLookup() {
        pending.add(new Packet(now, true, KIND_DNS_QUERY, 0, 0, 0));
        Packet answer = new Packet(now + 300 + random.nextInt(30_000), false, KIND_DNS_ANSWER, 0, 0, 0);
        pending.add(answer);
        now = answer.micros + 50 + random.nextInt(1_000);
        phase = PHASE_HANDSHAKE;
    }

    private void planHandshake() {
        pending.add(tcpPacket(now, true, SYN, clientIsn, 0));
        long synAck = now + rttMicros;
        pending.add(tcpPacket(synAck, false, SYN | ACK, serverIsn, (clientIsn + 1) & SEQ_MASK));
        pending.add(tcpPacket(synAck + ACK_DELAY_MICROS, true, ACK, (clientIsn + 1) & SEQ_MASK,
                (serverIsn + 1) & SEQ_MASK));
        now = synAck + ACK_DELAY_MICROS + 100 + random.nextInt(2_000);
        phase = PHASE_REQUEST;
    }

    private void planRequest() {
        String path = "/assets/" + Long.toHexString(random.nextLong() & 0xFFFF_FFFF_FFFFL) + ".bin";
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + hostName
                + "\r\nUser-Agent: dissect-bench/1\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        Packet p = tcpPacket(now, true, PSH | ACK, clientSeq(), serverSeq(serverSent));
        p.payloadLength = request.length;
        p.streamOffset = clientSent;
        p.text = request;
        p.textStart = clientSent;
        pending.add(p);
        clientSent += request.length;

        long body = Math.min(MAX_BODY, (long) (MEDIAN_BODY * StrictMath.exp(1.5 * gaussian(random))));
        responseHeader = ("HTTP/1.1 200 OK\r\nServer: bench\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + body + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        responseStart = serverSent;
        responseEnd = serverSent + responseHeader.length + body;
        burstMicros = now + rttMicros + 200 + random.nextInt(20_000);
        cwnd = INITIAL_CWND;
        unacked = 0;
        receivedUpTo = serverSent;
        heldStart = -1;
        heldEnd = 0;
        phase = PHASE_RESPONSE;
    }

    /** One congestion window of response data as it arrives at the client, with the client's ACKs. */
    private void planResponseWindow() {
        int segmentSize = mss - TIMESTAMP_OPTIONS_LENGTH;
        List<Packet> sent = new ArrayList<>(cwnd);
        for (long offset = serverSent; sent.size() < cwnd && offset < responseEnd; offset += segmentSize) {
            int length = (int) Math.min(segmentSize, responseEnd - offset);
            boolean last = offset + length == responseEnd;
            Packet p = tcpPacket(0, false, last ? PSH | ACK : ACK, serverSeq(offset), clientSeq());
            p.payloadLength = length;
            p.streamOffset = offset;
            p.text = responseHeader;
            p.textStart = responseStart;
            sent.add(p);
        }
        List<Packet> arrived = arrivalOrder(sent);
        long t = burstMicros;
        for (Packet p : arrived) {
            long spacing = spacingMicros(p.payloadLength);
            p.micros = t;
            pending.add(p);
            acknowledge(p, t + spacing / 2);
            t += spacing;
        }
        serverSent = Math.min(responseEnd, serverSent + (long) sent.size() * segmentSize);
        long last = t - spacingMicros(arrived.get(arrived.size() - 1).payloadLength);
        cwnd = Math.min(MAX_CWND, cwnd * 2);
        if (serverSent < responseEnd) {
            long nextBurst = Math.max(burstMicros + rttMicros, t);
            if (unacked > 0) {
                long ackAt = last + Math.max(1, Math.min(DELAYED_ACK_MICROS, (nextBurst - last) / 2));
                pending.add(tcpPacket(ackAt, true, ACK, clientSeq(), serverSeq(serverSent)));
                unacked = 0;
                nextBurst = Math.max(nextBurst, ackAt + 1);
            }
            burstMicros = nextBurst;
            return;
        }
        long end = last;
        if (unacked > 0) {
            end = last + Math.min(DELAYED_ACK_MICROS, rttMicros);
            pending.add(tcpPacket(end, true, ACK, clientSeq(), serverSeq(serverSent)));
            unacked = 0;
        }
        now = end + 1_000 + (long) exponential(random, 50_000);
        phase = --exchangesLeft > 0 ? PHASE_REQUEST : PHASE_CLOSE;
    }

    /** Swaps some neighbours (out of order) and repeats some segments two places later (spurious retransmission). */
    private List<Packet> arrivalOrder(List<Packet> sent) {
        List<Packet> swapped = new ArrayList<>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            if (i + 1 < sent.size() && random.nextDouble() < OUT_OF_ORDER_PROBABILITY) {
                swapped.add(sent.get(i + 1));
                swapped.add(sent.get(i));
                i++;
            } else {
                swapped.add(sent.get(i));
            }
        }
        List<Packet> arrived = new ArrayList<>(swapped.size() + 2);
        Packet repeat = null;
        int repeatAfter = 0;
        for (Packet p : swapped) {
            arrived.add(p);
            if (repeat != null && --repeatAfter == 0) {
                arrived.add(repeat);
                repeat = null;
            }
            if (repeat == null && random.nextDouble() < RETRANSMISSION_PROBABILITY) {
                repeat = p.copy();
                repeatAfter = 2;
            }
        }
        if (repeat != null) {
            arrived.add(repeat);
        }
        return arrived;
    }

    /** The client's answer to a data segment: every second one, a hole, a filled hole or a duplicate. */
    private void acknowledge(Packet p, long ackMicros) {
        long start = p.streamOffset;
        long end = start + p.payloadLength;
        boolean ackNow = false;
        long sackLeft = -1;
        long sackRight = -1;
        if (end <= receivedUpTo) {
            ackNow = true; // duplicate: D-SACK names the repeated bytes
            sackLeft = start;
            sackRight = end;
        } else if (start > receivedUpTo) {
            heldStart = heldStart < 0 ? start : Math.min(heldStart, start);
            heldEnd = Math.max(heldEnd, end);
            ackNow = true;
            sackLeft = heldStart;
            sackRight = heldEnd;
        } else {
            receivedUpTo = end;
            if (heldStart >= 0 && heldStart <= receivedUpTo) {
                receivedUpTo = Math.max(receivedUpTo, heldEnd);
                heldStart = -1;
                heldEnd = 0;
                ackNow = true;
            }
            ackNow |= ++unacked >= 2;
        }
        if (ackNow) {
            Packet ack = tcpPacket(ackMicros, true, ACK, clientSeq(), serverSeq(receivedUpTo));
            if (sackLeft >= 0) {
                ack.sack = true;
                ack.sackLeft = serverSeq(sackLeft);
                ack.sackRight = serverSeq(sackRight);
            }
            pending.add(ack);
            unacked = 0;
        }
    }

    private void planClose() {
        pending.add(tcpPacket(now, true, FIN | ACK, clientSeq(), serverSeq(serverSent)));
        clientSent++;
        long serverFin = now + rttMicros;
        pending.add(tcpPacket(serverFin, false, FIN | ACK, serverSeq(serverSent), clientSeq()));
        serverSent++;
        pending.add(tcpPacket(serverFin + ACK_DELAY_MICROS, true, ACK, clientSeq(), serverSeq(serverSent)));
        phase = PHASE_DONE;
    }

    private static Packet tcpPacket(long micros, boolean fromClient, int flags, long seq, long ack) {
        return new Packet(micros, fromClient, KIND_TCP, flags, seq, ack);
    }

    private long clientSeq() {
        return (clientIsn + 1 + clientSent) & SEQ_MASK;
    }

    private long serverSeq(long streamOffset) {
        return (serverIsn + 1 + streamOffset) & SEQ_MASK;
    }

    /** Time a segment of {@code payloadLength} bytes takes through this flow's bottleneck, at least 2 µs. */
    private long spacingMicros(int payloadLength) {
        return Math.max(2, (long) ((payloadLength + 66) * 8 / megabitsPerSecond));
    }

    static double exponential(SplittableRandom random, double mean) {
        return -mean * StrictMath.log(1.0 - random.nextDouble());
    }

    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * random.nextDouble());
    }
}
