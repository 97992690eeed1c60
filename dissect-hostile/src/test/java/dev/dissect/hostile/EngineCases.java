package dev.dissect.hostile;

import static dev.dissect.hostile.Frames.*;

import dev.dissect.testkit.DnsMessages;
import dev.dissect.testkit.Packets;
import dev.dissect.testkit.TlsMessages;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hostile traffic for the dissectors: deep nesting, floods, length lies at every layer and the slow paths of
 * reassembly. Each case writes Ethernet frames to a sink (a pcap file, or the engine directly); frames come one
 * millisecond apart, so capture-time limits (timeouts) do not hide a missing size limit.
 */
final class EngineCases {
    /** Writes a case's frames. */
    interface Generator {
        void frames(Consumer<byte[]> sink);
    }

    enum Kind { NESTING, FLOOD, LENGTH_LIE, SLOW_PATH }

    record Case(String name, Kind kind, Generator generator) {
        @Override
        public String toString() {
            return name;
        }

        List<byte[]> frames() {
            List<byte[]> out = new ArrayList<>();
            generator.frames(out::add);
            return out;
        }
    }

    static final int TLS12 = 0x0303;
    static final int HANDSHAKE = 22;
    static final int ONE_BYTE_RECORDS = 100_000;

    private EngineCases() {
    }

    static List<Case> all() {
        List<Case> out = new ArrayList<>();
        out.addAll(nesting());
        out.addAll(floods());
        out.addAll(lengthLies());
        out.addAll(slowPaths());
        return out;
    }

    static Case named(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    // ---- deep nesting ----

    static List<Case> nesting() {
        return List.of(
                new Case("vlan-x10000", Kind.NESTING, sink -> {
                    byte[] inner = ipv4(UDP, CLIENT, SERVER, Packets.udp(1, 2, new byte[4]));
                    ByteBuffer b = ByteBuffer.allocate(4 * 10_000 + inner.length);
                    for (int i = 0; i < 10_000; i++) {
                        b.putShort((short) (i & 0x0FFF)).putShort((short) (i == 9_999 ? ETHERTYPE_IPV4 : ETHERTYPE_VLAN));
                    }
                    sink.accept(ethernet(ETHERTYPE_VLAN, b.put(inner).array()));
                }),
                new Case("ip-in-ip-x1000", Kind.NESTING, sink -> {
                    byte[] p = ipv4(UDP, CLIENT, SERVER, Packets.udp(1, 2, new byte[4]));
                    for (int i = 0; i < 1_000; i++) {
                        p = ipv4(IPIP, CLIENT, SERVER, p);
                    }
                    sink.accept(ethernet(ETHERTYPE_IPV4, p));
                }),
                new Case("ipv6-5000-extension-headers", Kind.NESTING, sink -> {
                    byte[] p = Packets.udp(1, 2, new byte[4]);
                    int next = UDP;
                    for (int i = 0; i < 5_000; i++) {
                        p = Packets.ipv6Extension(next, new byte[6], p);
                        next = 60; // destination options
                    }
                    sink.accept(ethernet(ETHERTYPE_IPV6, Packets.ipv6(0, 0, next, 64, new byte[16], new byte[16], p)));
                }),
                new Case("tls-certificate-der-10000-deep", Kind.NESTING, sink -> {
                    byte[] der = deepDer(10_000);
                    tlsServerFlight(sink, TlsMessages.certificate12(List.of(der)));
                }));
    }

    /** {@code depth} SEQUENCEs, each holding the next (long-form lengths), around a NULL. */
    static byte[] deepDer(int depth) {
        byte[] d = {0x05, 0x00};
        for (int i = 0; i < depth; i++) {
            int n = d.length;
            byte[] outer = new byte[n + 4];
            outer[0] = 0x30;
            outer[1] = (byte) 0x82;
            outer[2] = (byte) (n >>> 8);
            outer[3] = (byte) n;
            System.arraycopy(d, 0, outer, 4, n);
            d = outer;
        }
        return d;
    }

    // ---- floods ----

    static final int HALF_OPEN_FLOWS = 200_000;
    static final int NEVER_COMPLETED_DATAGRAMS = 100_000;
    static final int UNANSWERED_QUERIES = 100_000;

    static List<Case> floods() {
        return List.of(
                new Case("flood-200000-half-open-tcp", Kind.FLOOD, sink -> {
                    for (int i = 0; i < HALF_OPEN_FLOWS; i++) {
                        sink.accept(tcp(0x0B000000 + (i >>> 14), SERVER, 1_024 + (i & 0x3FFF), 443, i, 0,
                                Conversation.SYN, new byte[0]));
                    }
                }),
                new Case("flood-100000-never-completed-datagrams", Kind.FLOOD, sink -> {
                    byte[] part = new byte[256];
                    for (int i = 0; i < NEVER_COMPLETED_DATAGRAMS; i++) {
                        // First fragment of each datagram (more fragments set), never followed by the rest.
                        sink.accept(ethernet(ETHERTYPE_IPV4, Packets.ipv4(new Packets.Ipv4(0, i & 0xFFFF, 1, 0, 64,
                                UDP, 0x0B000000 + (i >>> 16), SERVER, new byte[0]), part)));
                    }
                }),
                new Case("flood-100000-unanswered-dns-queries", Kind.FLOOD, sink -> {
                    for (int i = 0; i < UNANSWERED_QUERIES; i++) {
                        byte[] q = DnsMessages.query(i & 0xFFFF).question("q" + i + ".example", DnsMessages.A).build();
                        sink.accept(udp(0x0B000000 + (i >>> 14), SERVER, 1_024 + (i & 0x3FFF), 53, q));
                    }
                }));
    }

    // ---- length lies ----

    static List<Case> lengthLies() {
        List<Case> out = new ArrayList<>();
        byte[] honest = ipv4(UDP, CLIENT, SERVER, Packets.udp(1, 2, new byte[8]));
        out.add(ipLie("ipv4-ihl-below-5", honest, b -> b[0] = 0x44));
        out.add(ipLie("ipv4-ihl-beyond-total-length", honest, b -> b[0] = 0x4F));
        out.add(ipLie("ipv4-total-length-beyond-frame", honest, b -> { b[2] = (byte) 0xFF; b[3] = (byte) 0xFF; }));
        out.add(ipLie("ipv4-total-length-below-ihl", honest, b -> { b[2] = 0; b[3] = 8; }));

        byte[] segment = Packets.tcp(Packets.Tcp.of(1_234, 80, 1, 0, Conversation.PSH_ACK), new byte[8]);
        out.add(tcpLie("tcp-data-offset-below-5", segment, b -> b[12] = 0x30));
        out.add(tcpLie("tcp-data-offset-beyond-segment", segment, b -> b[12] = (byte) 0xF0));
        byte[] withOptions = Packets.tcp(Packets.Tcp.of(1_234, 80, 1, 0, Conversation.PSH_ACK)
                .withOptions(new byte[] {2, 4, 5, (byte) 0xB4, 1, 1, 1, 1}), new byte[8]);
        out.add(tcpLie("tcp-option-length-past-header", withOptions, b -> b[21] = 40));
        out.add(tcpLie("tcp-option-length-zero", withOptions, b -> b[21] = 0));
        out.add(tcpLie("tcp-option-length-one", withOptions, b -> b[21] = 1));

        byte[] query = DnsMessages.response(7).question("a.example", DnsMessages.A)
                .answer(DnsMessages.Record.a("a.example", 60, "192.0.2.1")).build();
        out.add(dnsLie("dns-counts-65535", query, b -> { for (int i = 4; i < 12; i++) { b[i] = (byte) 0xFF; } }));
        out.add(dnsLie("dns-rdlength-past-end", query, b -> { b[b.length - 6] = (byte) 0xFF; b[b.length - 5] = (byte) 0xF0; }));
        out.add(dnsLie("dns-pointer-to-itself", query, b -> { b[12] = (byte) 0xC0; b[13] = 12; }));
        out.add(dnsLie("dns-pointer-past-end", query, b -> { b[12] = (byte) 0xFF; b[13] = (byte) 0xFF; }));
        out.add(new Case("dns-pointer-chain-500", Kind.LENGTH_LIE, sink -> {
            // The question's name points at the last of 500 pointers, each to the one before, ending at the root:
            // longer than tshark's 255-pointer limit, with no loop.
            ByteBuffer b = ByteBuffer.allocate(12 + 2 + 4 + 1 + 2 * 500);
            b.putShort((short) 9).putShort((short) 0x8180).putShort((short) 1).putShort((short) 0).putInt(0);
            int root = 18;
            int last = root + 1 + 2 * 499;
            b.putShort((short) (0xC000 | last)).putShort((short) 1).putShort((short) 1);
            b.put((byte) 0);
            for (int i = 0; i < 500; i++) {
                b.putShort((short) (0xC000 | (i == 0 ? root : root + 1 + 2 * (i - 1))));
            }
            sink.accept(udp(SERVER, CLIENT, 53, 40_000, b.array()));
            sink.accept(Frames.small(1));
        }));

        byte[] hello = clientHello(List.of(TlsMessages.serverName("hostile.example")));
        out.add(tlsLie("tls-record-length-too-long", TlsMessages.record(HANDSHAKE, TLS12, hello),
                b -> { b[3] = (byte) 0xFF; b[4] = (byte) 0xFF; }));
        out.add(tlsLie("tls-handshake-length-past-record", TlsMessages.record(HANDSHAKE, TLS12, hello),
                b -> { b[6] = (byte) 0x7F; }));
        out.add(tlsLie("tls-handshake-length-over-limit", TlsMessages.record(HANDSHAKE, TLS12, hello),
                b -> { b[6] = (byte) 0xFF; b[7] = (byte) 0xFF; b[8] = (byte) 0xFF; }));
        int extensionsAt = 5 + 4 + 2 + 32 + 1 + 2 + 2 + 1 + 1;
        out.add(tlsLie("tls-extensions-length-lie", TlsMessages.record(HANDSHAKE, TLS12, hello),
                b -> { b[extensionsAt] = (byte) 0xFF; }));
        out.add(tlsLie("tls-extension-length-lie", TlsMessages.record(HANDSHAKE, TLS12, hello),
                b -> { b[extensionsAt + 4] = (byte) 0xFF; }));
        out.add(new Case("tls-certificate-list-length-lie", Kind.LENGTH_LIE, sink -> {
            byte[] cert = TlsMessages.certificate12(List.of(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}));
            cert[4] = (byte) 0x7F; // certificate_list length far past the message
            tlsServerFlight(sink, cert);
        }));
        out.add(new Case("tls-certificate-length-lie", Kind.LENGTH_LIE, sink -> {
            byte[] cert = TlsMessages.certificate12(List.of(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}));
            cert[7] = (byte) 0x7F; // the one certificate's length far past the list
            tlsServerFlight(sink, cert);
        }));
        return out;
    }

    interface Edit {
        void apply(byte[] b);
    }

    private static byte[] edited(byte[] honest, Edit edit) {
        byte[] b = honest.clone();
        edit.apply(b);
        return b;
    }

    /** An IPv4 packet edited to lie, then an honest frame (which must dissect cleanly). */
    private static Case ipLie(String name, byte[] packet, Edit edit) {
        return new Case(name, Kind.LENGTH_LIE, sink -> {
            sink.accept(ethernet(ETHERTYPE_IPV4, edited(packet, edit)));
            sink.accept(Frames.small(1));
        });
    }

    private static Case tcpLie(String name, byte[] segment, Edit edit) {
        return new Case(name, Kind.LENGTH_LIE, sink -> {
            sink.accept(ethernet(ETHERTYPE_IPV4, ipv4(TCP, CLIENT, SERVER, edited(segment, edit))));
            sink.accept(Frames.small(1));
        });
    }

    private static Case dnsLie(String name, byte[] message, Edit edit) {
        return new Case(name, Kind.LENGTH_LIE, sink -> {
            sink.accept(udp(SERVER, CLIENT, 53, 40_000, edited(message, edit)));
            sink.accept(Frames.small(1));
        });
    }

    /** A TLS connection on port 443 whose first client record is edited to lie. */
    private static Case tlsLie(String name, byte[] record, Edit edit) {
        return new Case(name, Kind.LENGTH_LIE, sink -> new Conversation(sink, 50_000, 443).open()
                .client(edited(record, edit), 1_460));
    }

    static byte[] clientHello(List<TlsMessages.Extension> extensions) {
        return TlsMessages.clientHello(new TlsMessages.ClientHello(TLS12, new byte[32], new byte[0],
                new int[] {0xC02F}, new int[] {0}, extensions));
    }

    /** ClientHello, then ServerHello and {@code message} from the server, in records of at most 16 KiB. */
    static void tlsServerFlight(Consumer<byte[]> sink, byte[] message) {
        Conversation c = new Conversation(sink, 50_001, 443).open();
        c.client(TlsMessages.record(HANDSHAKE, TLS12, clientHello(List.of())), 1_460);
        byte[] serverHello = TlsMessages.serverHello(new TlsMessages.ServerHello(TLS12, new byte[32], new byte[0],
                0xC02F, 0, null));
        byte[] flight = Bytes.concat(serverHello, message);
        java.io.ByteArrayOutputStream records = new java.io.ByteArrayOutputStream();
        for (int at = 0; at < flight.length; at += 16_384) {
            records.writeBytes(TlsMessages.record(HANDSHAKE, TLS12,
                    java.util.Arrays.copyOfRange(flight, at, Math.min(flight.length, at + 16_384))));
        }
        c.server(records.toByteArray(), 1_460);
    }

    // ---- slow paths ----

    static final int OVERLAPPING_FRAGMENTS = 10_000;
    static final long SEQUENCE_GAP = 52L << 20;

    static List<Case> slowPaths() {
        return List.of(
                new Case("tls-handshake-in-100000-one-byte-records", Kind.SLOW_PATH,
                        sink -> new Conversation(sink, 50_002, 443).open().client(oneByteRecords(ONE_BYTE_RECORDS), 1_460)),
                new Case("ip-10000-overlapping-fragments", Kind.SLOW_PATH, sink -> {
                    byte[] payload = new byte[1_200];
                    for (int i = 0; i < OVERLAPPING_FRAGMENTS; i++) {
                        // Every fragment covers bytes 0..1199 again (offsets 0..8 in 8-byte units), more set.
                        sink.accept(ethernet(ETHERTYPE_IPV4, Packets.ipv4(new Packets.Ipv4(0, 77, 1, i % 9, 64,
                                UDP, CLIENT, SERVER, new byte[0]), payload)));
                    }
                    // The last fragment completes the datagram.
                    sink.accept(ethernet(ETHERTYPE_IPV4, Packets.ipv4(new Packets.Ipv4(0, 77, 0, 1_264 / 8, 64,
                            UDP, CLIENT, SERVER, new byte[0]), new byte[8])));
                }),
                new Case("tcp-52MB-sequence-gap", Kind.SLOW_PATH, sink -> {
                    Conversation c = new Conversation(sink, 50_003, 80).open();
                    c.client("GET / HTTP/1.1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 1_460);
                    c.clientSkips(SEQUENCE_GAP);
                    c.client(new byte[64 * 1_460], 1_460);
                }));
    }

    /**
     * A ClientHello of about {@code count} bytes (its padding extension fills it), sent as {@code count} records of
     * one byte each, as a slow-loris peer or a fuzzer might.
     */
    static byte[] oneByteRecords(int count) {
        int helloOverhead = clientHello(List.of(new TlsMessages.Extension(21, new byte[0]))).length;
        byte[] hello = clientHello(List.of(new TlsMessages.Extension(21, new byte[count - helloOverhead])));
        ByteBuffer b = ByteBuffer.allocate(hello.length * 6);
        for (byte x : hello) {
            b.put((byte) HANDSHAKE).putShort((short) TLS12).putShort((short) 1).put(x);
        }
        return b.array();
    }
}
