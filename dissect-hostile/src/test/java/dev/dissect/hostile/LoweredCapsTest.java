package dev.dissect.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.cli.DissectCommand;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.capture.PcapWriter;
import dev.dissect.net.dns.DnsLimits;
import dev.dissect.net.dns.ResolvedNames;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.net.engine.Limits;
import dev.dissect.net.reassembly.ReassemblyOptions;
import dev.dissect.testkit.DnsMessages;
import dev.dissect.testkit.Packets;
import dev.dissect.testkit.TlsMessages;
import dev.dissect.tls.TlsLimits;
import dev.dissect.tls.TlsPreferences;
import dev.dissect.tls.record.TlsRecordFields;
import dev.dissect.tls.connection.TlsConnection;
import dev.dissect.tls.connection.TlsConnections;
import dev.dissect.tls.http.HttpLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cap of docs/limits.md, lowered, takes effect: through the command's {@code -o NAME:VALUE} and through the
 * Java options ({@link ReassemblyOptions}, {@link Limits}) alike, on a capture where the default leaves the result
 * whole and the lowered cap visibly cuts it.
 */
class LoweredCapsTest {
    /** Generated frames are this far apart, so that a timeout of one second expires between any two. */
    private static final long SPACING_SECONDS = 2;
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    static Path dir;

    /** One cap: the capture, the field printed per frame, the {@code -o} setting and the same cap in Java. */
    record Cap(String setting, Path capture, String field, ReassemblyOptions options, Limits limits,
               String whole, String cut) {
        @Override
        public String toString() {
            return setting;
        }
    }

    static Stream<Arguments> caps() throws IOException {
        ReassemblyOptions d = ReassemblyOptions.defaults();
        Limits l = Limits.defaults();
        Path tls = seed("tls12-ecdhe.pcap");
        Path split = generated("split-hello", sink -> new Conversation(sink, 50_000, 443).open()
                .client(TlsMessages.record(EngineCases.HANDSHAKE, EngineCases.TLS12,
                        EngineCases.clientHello(List.of())), 40));
        Path flows = generated("two-flows", sink -> {
            sink.accept(Frames.tcp(Frames.CLIENT, Frames.SERVER, 1_000, 80, 1, 0, Conversation.SYN, new byte[0]));
            sink.accept(Frames.tcp(Frames.CLIENT, Frames.SERVER, 1_001, 80, 1, 0, Conversation.SYN, new byte[0]));
            sink.accept(Frames.tcp(Frames.CLIENT, Frames.SERVER, 1_000, 80, 2, 0, Conversation.ACK, new byte[0]));
        });
        Path fragments = generated("two-datagrams", LoweredCapsTest::interleavedFragments);
        Path dns = generated("five-queries", LoweredCapsTest::fiveQueriesThenAnswers);
        Path longHead = http("long-head", "GET / HTTP/1.1\r\nUser-Agent: " + "x".repeat(100) + "\r\n\r\n", "",
                1_460);
        Path twoHeaders = http("two-headers", "GET / HTTP/1.1\r\nUser-Agent: t\r\nHost: example.test\r\n\r\n",
                "", 1_460);
        Path body = http("body", "GET / HTTP/1.1\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789", 20);
        String ok = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
        Path pipelined = http("pipelined", "GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n", ok + ok, 1_460);
        String hello = "\n\n\n\n1"; // the ClientHello completes in the second of two 40-byte segments
        String handshakes = "\n\n\n1\n\n2,11,12,14\n\n16\n4\n\n\n\n\n"; // frame 6: the server's flight
        String certificate = "\n\n\n\n\n2\n\n\n\n\n\n\n\n"; // x509af.version of frame 6's certificate
        return Stream.of(
                new Cap("frame.max_layers:2", tls, "tcp.srcport", d, l.with(DissectionEngine.MAX_LAYERS_LIMIT, 2),
                        "ports", ""),
                new Cap("tcp.max_flows:1", flows, "tcp.stream", d.withMaxFlows(1), l, "0\n1\n0", "0\n1\n2"),
                new Cap("tcp.max_buffered_per_flow:0", split, "tls.handshake.type",
                        d.withBufferCaps(0, d.maxBufferedBytes()), l, hello, "\n\n\n\n"),
                new Cap("tcp.max_buffered_total:0", split, "tls.handshake.type",
                        d.withBufferCaps(d.maxBufferedBytesPerFlow(), 0), l, hello, "\n\n\n\n"),
                new Cap("tcp.flow_idle_timeout:1", split, "tls.handshake.type",
                        d.withFlowIdleTimeoutNanos(SECOND), l, hello, "\n\n\n\n"),
                new Cap("ip.max_datagrams:1", fragments, "udp.srcport",
                        d.withFragmentCaps(1, d.maxFragmentBytes(), d.fragmentTimeoutNanos()), l,
                        "\n\n5000\n5001", "\n\n\n"),
                new Cap("ip.max_fragment_bytes:0", fragments, "udp.srcport",
                        d.withFragmentCaps(d.maxDatagrams(), 0, d.fragmentTimeoutNanos()), l,
                        "\n\n5000\n5001", "5000\n5001\n\n"), // first fragments held by nothing: dissected as they are
                new Cap("ip.fragment_timeout:1", fragments, "udp.srcport",
                        d.withFragmentCaps(d.maxDatagrams(), d.maxFragmentBytes(), SECOND), l,
                        "\n\n5000\n5001", "\n\n\n"),
                new Cap("dns.max_open_queries:4", dns, "dns.response_to", d, l.with(DnsLimits.MAX_OPEN_QUERIES, 4),
                        "\n\n\n\n\n1\n2\n3\n4\n5", "\n\n\n\n\n\n2\n3\n4\n5"),
                new Cap("tls.max_handshake_size:300", tls, "tls.handshake.type", d,
                        l.with(TlsLimits.MAX_HANDSHAKE_SIZE, 300), handshakes,
                        handshakes.replace("2,11,12,14", "2,12,14")), // the certificate message is reported, skipped
                new Cap("x509.max_der_size:100", tls, "x509af.version", d, l.with(TlsLimits.MAX_DER_SIZE, 100),
                        certificate, certificate.replace("2", "")),
                new Cap("x509.max_der_depth:2", tls, "x509af.version", d, l.with(TlsLimits.MAX_DER_DEPTH, 2),
                        certificate, certificate.replace("2", "")),
                new Cap("http.max_head_size:64", longHead, "http.request.method", d,
                        l.with(HttpLimits.MAX_HEAD_SIZE, 64), "\n\n\nGET", "\n\n\n"),
                new Cap("http.max_header_lines:1", twoHeaders, "http.host", d,
                        l.with(HttpLimits.MAX_HEADER_LINES, 1), "\n\n\nexample.test", "\n\n\n"),
                new Cap("http.max_body_size:4", body, "http.response.code", d,
                        l.with(HttpLimits.MAX_BODY_SIZE, 4), "\n\n\n\n\n\n200", "\n\n\n\n\n200\n"),
                new Cap("http.max_pending_requests:1", pipelined, "http.response_for.uri", d,
                        l.with(HttpLimits.MAX_PENDING_REQUESTS, 1), "\n\n\n\n/a,/b", "\n\n\n\n/b")).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caps")
    void aLoweredCapTakesEffectThroughTheCommandAndTheJavaOptions(Cap cap) throws IOException {
        String whole = command(cap.capture(), cap.field());
        if (cap.whole().equals("ports")) {
            assertTrue(whole.lines().allMatch(line -> !line.isEmpty()), whole);
        } else {
            assertEquals(cap.whole() + "\n", whole, "default, command");
        }
        assertEquals(whole, java(cap.capture(), cap.field(), ReassemblyOptions.defaults(), Limits.defaults()),
                "default, Java");
        String cut = command(cap.capture(), cap.field(), "-o", cap.setting());
        assertNotEquals(whole, cut);
        if (!cap.whole().equals("ports")) {
            assertEquals(cap.cut() + "\n", cut, "lowered, command");
        } else {
            assertTrue(cut.lines().allMatch(String::isEmpty), cut);
        }
        assertEquals(cut, java(cap.capture(), cap.field(), cap.options(), cap.limits()), "lowered, Java");
    }

    @Test
    void chainAndConnectionCapsShowInTheConnectionReport() throws IOException {
        Path tls = seed("tls12-ecdhe.pcap");
        TlsConnection whole = onlyConnection(tls, Limits.defaults());
        assertEquals(1, whole.certificates().size());
        assertTrue(whole.timeline().size() > 1);
        assertTrue(!whole.truncated());
        String report = command(tls, null, "-q", "-z", "tls,conn");
        for (String setting : new String[] {"tls.max_chain_certificates:0", "tls.max_chain_certificate_size:100"}) {
            assertNotEquals(report, command(tls, null, "-q", "-z", "tls,conn", "-o", setting), setting);
        }
        Limits noCertificates = Limits.defaults().with(TlsLimits.MAX_CHAIN_CERTIFICATES, 0);
        assertEquals(0, onlyConnection(tls, noCertificates).certificates().size());
        assertTrue(onlyConnection(tls, noCertificates).truncated());
        Limits smallCertificates = Limits.defaults().with(TlsLimits.MAX_CHAIN_CERTIFICATE_SIZE, 100);
        assertEquals(0, onlyConnection(tls, smallCertificates).certificates().size());
        Limits oneEvent = Limits.defaults().with(TlsLimits.MAX_CONNECTION_EVENTS, 1);
        assertEquals(1, onlyConnection(tls, oneEvent).timeline().size());
        assertNotEquals(report, command(tls, null, "-q", "-z", "tls,conn", "-o", "tls.max_connection_events:1"));

        DissectionEngine none = engine(tls, ReassemblyOptions.defaults(),
                Limits.defaults().with(TlsLimits.MAX_CONNECTIONS, 0));
        assertEquals(0, TlsConnections.of(none.session()).all().size());
        assertEquals(1, TlsConnections.of(none.session()).dropped());
        assertNotEquals(report, command(tls, null, "-q", "-z", "tls,conn", "-o", "tls.max_connections:0"));
    }

    @Test
    void rememberedNamesAndSessionsFollowTheirCaps() throws IOException {
        Path dns = generated("two-answers", sink -> {
            for (int i = 0; i < 2; i++) {
                byte[] response = DnsMessages.response(0x2000 + i).question("h" + i + ".test", DnsMessages.A)
                        .answer(DnsMessages.Record.a("h" + i + ".test", 60, "192.0.2." + (1 + i))).build();
                sink.accept(Frames.udp(Frames.SERVER, Frames.CLIENT, 53, 40_000, response));
            }
        });
        byte[] first = {(byte) 192, 0, 2, 1};
        DissectionEngine whole = engine(dns, ReassemblyOptions.defaults(), Limits.defaults());
        assertEquals("h0.test", whole.session().store().stateIfPresent(ResolvedNames.class).name(first));
        DissectionEngine one = engine(dns, ReassemblyOptions.defaults(),
                Limits.defaults().with(DnsLimits.MAX_RESOLVED_NAMES, 1));
        assertNull(one.session().store().stateIfPresent(ResolvedNames.class).name(first));
        // TLS sessions for resumption: the keyring's own test lowers the cap (TlsKeyringTest); here the value must
        // reach the session's keyring.
        DissectionEngine few = engine(dns, ReassemblyOptions.defaults(),
                Limits.defaults().with(TlsLimits.MAX_REMEMBERED_SESSIONS, 3));
        assertEquals(3, TlsPreferences.of(few.session()).keyring().maxRemembered());
    }

    @Test
    void aLoweredBlockSizeMakesALargerRecordTheCapturesError() throws IOException {
        for (String name : new String[] {"tls12-ecdhe.pcap", "lo-two-interfaces.pcapng"}) {
            Path file = name.endsWith("ng") ? seedOf("pcapngReader", name) : seed(name);
            assertEquals(0, DissectCommand.run(new String[] {"-r", file.toString()},
                    new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
            StringWriter err = new StringWriter();
            int code = DissectCommand.run(new String[] {"-r", file.toString(), "-o", "capture.max_block_size:100"},
                    new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertEquals(1, code, err::toString);
            assertTrue(err.toString().contains("implausible"), err.toString());
            Limits small = Limits.defaults().with(Captures.MAX_BLOCK_SIZE, 100);
            ReaderCorruptionTest.Outcome read = ReaderCorruptionTest.read(() -> Captures.open(file, small));
            assertTrue(read.error() != null && read.error().getMessage().contains("implausible"), read::toString);
            assertTrue(ReaderCorruptionTest.read(() -> Captures.open(file)).error() == null);
        }
    }

    @Test
    void aLoweredPlaintextCapIsReportedOnDecryptedData() throws IOException {
        Path decrypt = Path.of("..", "dissect-tls", "src", "test", "resources", "decrypt");
        Path capture = decrypt.resolve("tls13-chacha20.pcap");
        String keys = "tls.keylog_file:" + decrypt.resolve("tls13-chacha20.keys");
        String summary = TlsRecordFields.PLAINTEXT_TOO_LONG.summary();
        assertTrue(!command(capture, null, "-V", "-o", keys).contains(summary));
        assertTrue(command(capture, null, "-V", "-o", keys, "-o", "tls.max_plaintext_held:16").contains(summary));
        for (int held : new int[] {(int) TlsLimits.MAX_PLAINTEXT_HELD.defaultValue(), 16}) {
            DissectionEngine engine = DissectionEngine.withDefaults(ReassemblyOptions.defaults(),
                    Limits.defaults().with(TlsLimits.MAX_PLAINTEXT_HELD, held));
            TlsPreferences.of(engine.session()).addKeyLogFile(decrypt.resolve("tls13-chacha20.keys"));
            int reported = 0;
            Dissection d = new Dissection();
            try (CaptureSource source = Captures.open(capture)) {
                for (FrameView f = source.next(); f != null; f = source.next()) {
                    engine.dissect(f, d);
                    for (int i = 0; i < d.diagnosticCount(); i++) {
                        reported += d.diagnosticDef(i) == TlsRecordFields.PLAINTEXT_TOO_LONG ? 1 : 0;
                    }
                }
            }
            assertEquals(held == 16, reported > 0, "held " + held + ": " + reported);
        }
    }

    @Test
    void badCapValuesAreOneLineUsageErrors() throws IOException {
        Path tls = seed("tls12-ecdhe.pcap");
        for (String setting : new String[] {"tcp.max_flows:0", "frame.max_layers:lots", "x509.max_der_depth:100000"}) {
            StringWriter err = new StringWriter();
            int code = DissectCommand.run(new String[] {"-r", tls.toString(), "-o", setting},
                    new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertEquals(2, code, setting + ": " + err);
            assertEquals(1, err.toString().lines().count(), err.toString());
            assertTrue(err.toString().startsWith("dissect: "), err.toString());
        }
    }

    // ---- captures ----

    /** Two datagrams of two fragments each, interleaved: A1, B1, A2, B2 (UDP ports 5000 and 5001). */
    private static void interleavedFragments(Consumer<byte[]> sink) {
        byte[][] udp = new byte[2][];
        for (int i = 0; i < 2; i++) {
            udp[i] = Packets.udp(5_000 + i, 7, new byte[32]);
        }
        for (int part = 0; part < 2; part++) {
            for (int i = 0; i < 2; i++) {
                byte[] half = java.util.Arrays.copyOfRange(udp[i], part * 24, part == 0 ? 24 : udp[i].length);
                Packets.Ipv4 header = new Packets.Ipv4(0, 100 + i, part == 0 ? 1 : 0, part * 3, 64, Frames.UDP,
                        Frames.CLIENT, Frames.SERVER, new byte[0]);
                sink.accept(Frames.ethernet(Frames.ETHERTYPE_IPV4, Packets.ipv4(header, half)));
            }
        }
    }

    /** Five queries from five client ports, then their five responses. */
    private static void fiveQueriesThenAnswers(Consumer<byte[]> sink) {
        for (int i = 0; i < 5; i++) {
            byte[] query = DnsMessages.query(0x1000 + i).question("q" + i + ".test", DnsMessages.A).build();
            sink.accept(Frames.udp(Frames.CLIENT, Frames.SERVER, 40_000 + i, 53, query));
        }
        for (int i = 0; i < 5; i++) {
            byte[] response = DnsMessages.response(0x1000 + i).question("q" + i + ".test", DnsMessages.A).build();
            sink.accept(Frames.udp(Frames.SERVER, Frames.CLIENT, 53, 40_000 + i, response));
        }
    }

    /** A connection to port 80: {@code request} from the client, then {@code response} in segments of {@code mss}. */
    private static Path http(String name, String request, String response, int mss) throws IOException {
        return generated(name, sink -> {
            Conversation c = new Conversation(sink, 50_010, 80).open();
            c.client(request.getBytes(StandardCharsets.US_ASCII), 1_460);
            if (!response.isEmpty()) {
                c.server(response.getBytes(StandardCharsets.US_ASCII), mss);
            }
        });
    }

    private static Path seed(String name) {
        return seedOf("pcapReader", name);
    }

    private static Path seedOf(String target, String name) {
        try {
            return Path.of(LoweredCapsTest.class.getResource("FuzzTargetsTestInputs/" + target + "/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The frames {@code generator} makes, {@link #SPACING_SECONDS} apart, as a pcap file. */
    private static Path generated(String name, Consumer<Consumer<byte[]>> generator) throws IOException {
        Path file = dir.resolve(name + ".pcap");
        long[] n = {0};
        try (OutputStream out = Files.newOutputStream(file); PcapWriter w = new PcapWriter(out, 1, true)) {
            generator.accept(bytes -> {
                try {
                    w.write(1_700_000_000L + SPACING_SECONDS * n[0]++, 0, bytes.length, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return file;
    }

    // ---- running ----

    /** The command's {@code -T fields -e FIELD} output for {@code capture} (or its output for {@code extra}). */
    private static String command(Path capture, String field, String... extra) {
        List<String> args = new ArrayList<>(List.of("-r", capture.toString()));
        if (field != null) {
            args.addAll(List.of("-T", "fields", "-e", field));
        }
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DissectCommand.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err::toString);
        return out.toString();
    }

    /** The same lines as {@link #command} with one field, from an engine made with these caps. */
    private static String java(Path capture, String field, ReassemblyOptions options, Limits limits)
            throws IOException {
        StringBuilder out = new StringBuilder();
        DissectionEngine engine = DissectionEngine.withDefaults(options, limits);
        Dissection d = new Dissection();
        try (CaptureSource source = Captures.open(capture)) {
            for (FrameView f = source.next(); f != null; f = source.next()) {
                engine.dissect(f, d);
                List<String> values = new ArrayList<>();
                for (int i = d.find(field, 0); i >= 0; i = d.find(field, i + 1)) {
                    values.add(d.valueString(i));
                }
                out.append(String.join(",", values)).append('\n');
            }
        }
        return out.toString();
    }

    private static DissectionEngine engine(Path capture, ReassemblyOptions options, Limits limits)
            throws IOException {
        DissectionEngine engine = DissectionEngine.withDefaults(options, limits);
        Dissection d = new Dissection();
        try (CaptureSource source = Captures.open(capture)) {
            for (FrameView f = source.next(); f != null; f = source.next()) {
                engine.dissect(f, d);
            }
        }
        return engine;
    }

    private static TlsConnection onlyConnection(Path capture, Limits limits) throws IOException {
        List<TlsConnection> all = TlsConnections.of(engine(capture, ReassemblyOptions.defaults(), limits).session())
                .all();
        assertEquals(1, all.size());
        return all.get(0);
    }
}
