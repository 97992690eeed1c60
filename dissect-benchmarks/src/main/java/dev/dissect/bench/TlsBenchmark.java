package dev.dissect.bench;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.api.frame.LinkType;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.testkit.Packets;
import dev.dissect.testkit.TestFrame;
import dev.dissect.testkit.TlsMessages;
import dev.dissect.tls.connection.TlsConnection;
import dev.dissect.tls.connection.TlsConnections;
import dev.dissect.tls.fingerprint.FingerprintFields;
import dev.dissect.tls.handshake.HandshakeFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * TLS: {@link #handshake} dissects one full TLS 1.2 handshake (ClientHello with SNI, ALPN and GREASE; ServerHello,
 * Certificate, ServerKeyExchange, ServerHelloDone; ClientKeyExchange, ChangeCipherSpec, Finished) in a fresh
 * session, every field and the connection summary included: one operation is one handshake.
 * {@link #sniAndJa3OfEveryConnection} is the performance issue's full pipeline: one pass over the capture (L2-L4,
 * reassembly, DNS, TLS handshakes) recording {@code tls.handshake.extensions_server_name} and
 * {@code tls.handshake.ja3}, then the SNI and JA3 of every connection from {@link TlsConnections}. Run with {@code -prof gc} for bytes per operation.
 */
public class TlsBenchmark extends CaptureBenchmark {
    private Path path;
    private DissectionEngine engine;
    private Dissection all;
    private Dissection sniAndJa3;
    private List<TestFrame> handshake;

    @Setup(Level.Trial)
    public void open() throws IOException {
        path = capturePath();
        engine = DissectionEngine.withDefaults();
        all = new Dissection();
        sniAndJa3 = new Dissection();
        sniAndJa3.recordFields(List.of(HandshakeFields.SERVER_NAME, FingerprintFields.JA3));
        sniAndJa3.setInfoWanted(false);
        handshake = handshakeFrames();
    }

    @Benchmark
    public int handshake() {
        engine.resetSession();
        int layers = 0;
        for (TestFrame f : handshake) {
            engine.dissect(f, all);
            layers += all.fieldCount();
        }
        return layers;
    }

    @Benchmark
    public int sniAndJa3OfEveryConnection(FrameCounters counters) throws IOException {
        engine.resetSession();
        long packets = 0;
        long bytes = 0;
        try (CaptureSource source = Captures.open(path)) {
            for (FrameView frame; (frame = source.next()) != null; ) {
                engine.dissect(frame, sniAndJa3);
                packets++;
                bytes += frame.capturedLength();
            }
        }
        counters.packets += packets;
        counters.bytes += bytes;
        int named = 0;
        for (TlsConnection c : TlsConnections.of(engine.session()).all()) {
            if (c.serverName() != null && c.ja3() != null) {
                named++;
            }
        }
        return named;
    }

    private static List<TestFrame> handshakeFrames() {
        byte[] random = new byte[32];
        byte[] hello = TlsMessages.record(22, 0x0301, TlsMessages.clientHello(new TlsMessages.ClientHello(0x0303,
                random, new byte[32], new int[] {0x3a3a, 0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030,
                0xcca9, 0xcca8, 0x009c, 0x009d}, new int[] {0}, List.of(new TlsMessages.Extension(0x3a3a,
                new byte[0]), TlsMessages.serverName("www.example.com"), TlsMessages.u16List(10,
                new int[] {0x4a4a, 29, 23, 24}), TlsMessages.ecPointFormats(new int[] {0}),
                TlsMessages.alpn(List.of("h2", "http/1.1")), TlsMessages.u16List(13, new int[] {0x0403, 0x0804,
                0x0401, 0x0503, 0x0805, 0x0501}), TlsMessages.supportedVersions(new int[] {0x0303}),
                new TlsMessages.Extension(23, new byte[0]), new TlsMessages.Extension(0xff01, new byte[1])))));
        byte[] ske = new byte[4 + 65 + 4 + 256];
        ske[0] = 3;
        ske[2] = 29;
        ske[3] = 65;
        ske[69] = 0x04;
        ske[70] = 0x03;
        ske[71] = 1;
        byte[] cke = new byte[33];
        cke[0] = 32;
        byte[] server = concat(
                TlsMessages.record(22, 0x0303, TlsMessages.serverHello(new TlsMessages.ServerHello(0x0303, random,
                        new byte[32], 0xc02f, 0, List.of(new TlsMessages.Extension(0xff01, new byte[1]),
                        new TlsMessages.Extension(23, new byte[0]))))),
                TlsMessages.record(22, 0x0303, TlsMessages.certificate12(List.of(new byte[1200], new byte[1000]))),
                TlsMessages.record(22, 0x0303, TlsMessages.handshake(12, ske)),
                TlsMessages.record(22, 0x0303, TlsMessages.handshake(14, new byte[0])));
        byte[] client = concat(TlsMessages.record(22, 0x0303, TlsMessages.handshake(16, cke)),
                TlsMessages.record(20, 0x0303, new byte[] {1}), TlsMessages.record(22, 0x0303, new byte[40]));
        List<byte[]> serverSegments = TlsMessages.split(server, 1448);
        java.util.ArrayList<TestFrame> frames = new java.util.ArrayList<>();
        long cseq = 1;
        long sseq = 1;
        frames.add(frame(frames.size() + 1, true, cseq, sseq, hello));
        cseq += hello.length;
        for (byte[] s : serverSegments) {
            frames.add(frame(frames.size() + 1, false, sseq, cseq, s));
            sseq += s.length;
        }
        frames.add(frame(frames.size() + 1, true, cseq, sseq, client));
        return frames;
    }

    private static TestFrame frame(int number, boolean fromClient, long seq, long ack, byte[] payload) {
        int a = Packets.ipv4Address("10.0.0.1");
        int b = Packets.ipv4Address("10.0.0.2");
        byte[] tcp = Packets.tcp(Packets.Tcp.of(fromClient ? 40000 : 443, fromClient ? 443 : 40000, seq, ack,
                0x018), payload);
        byte[] ip = Packets.ipv4(Packets.Ipv4.of(6, fromClient ? a : b, fromClient ? b : a), tcp);
        byte[] eth = Packets.ethernet(0x020000000002L, 0x020000000001L, 0x0800, ip);
        return new TestFrame(number, 1_700_000_000L, number * 1000, LinkType.ETHERNET, eth, eth.length);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.write(p, 0, p.length);
        }
        return o.toByteArray();
    }
}
