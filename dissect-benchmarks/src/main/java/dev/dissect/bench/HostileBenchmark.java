package dev.dissect.bench;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.LinkType;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.testkit.Packets;
import dev.dissect.testkit.TestFrame;
import dev.dissect.testkit.TlsMessages;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The slow paths of the hostile suite (dissect-hostile), timed: one operation dissects every frame of one hostile
 * capture in a fresh session. {@code size} scales each capture, so time per operation divided by size shows
 * whether the work is linear.
 *
 * <ul>
 *   <li>{@link #oneByteRecords}: a ClientHello of {@code size} bytes sent as {@code size} TLS records of one byte
 *       each (six bytes per record on the wire), in TCP segments of 1,460 bytes;</li>
 *   <li>{@link #fragmentFlood}: {@code size} first fragments of IPv4 datagrams that never complete;</li>
 *   <li>{@link #flowFlood}: {@code size} TCP SYNs of distinct flows that never complete.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class HostileBenchmark {
    private static final int CLIENT = 0x0A000001;
    private static final int SERVER = 0x0A000002;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final int SYN = 0x02;
    private static final int PSH_ACK = 0x18;
    private static final int MSS = 1_460;

    @Param({"10000", "100000"})
    public int size;

    private DissectionEngine engine;
    private final Dissection dissection = new Dissection();
    private List<TestFrame> records;
    private List<TestFrame> fragments;
    private List<TestFrame> flows;

    @Setup(Level.Trial)
    public void generate() {
        engine = DissectionEngine.withDefaults();
        records = oneByteRecordFrames(size);
        fragments = new ArrayList<>(size);
        byte[] part = new byte[256];
        for (int i = 0; i < size; i++) {
            fragments.add(frame(i, ipv4(new Packets.Ipv4(0, i & 0xFFFF, 1, 0, 64, UDP, 0x0B000000 + (i >>> 16),
                    SERVER, new byte[0]), part)));
        }
        flows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            flows.add(frame(i, ipv4(Packets.Ipv4.of(TCP, 0x0B000000 + (i >>> 14), SERVER),
                    Packets.tcp(Packets.Tcp.of(1_024 + (i & 0x3FFF), 443, i, 0, SYN), new byte[0]))));
        }
    }

    @Benchmark
    public int oneByteRecords() {
        return dissectAll(records);
    }

    @Benchmark
    public int fragmentFlood() {
        return dissectAll(fragments);
    }

    @Benchmark
    public int flowFlood() {
        return dissectAll(flows);
    }

    private int dissectAll(List<TestFrame> frames) {
        engine.resetSession();
        int fields = 0;
        for (TestFrame f : frames) {
            engine.dissect(f, dissection);
            fields += dissection.fieldCount();
        }
        return fields;
    }

    /** A ClientHello of {@code size} bytes (a padding extension fills it) in one-byte records, after a handshake. */
    static List<TestFrame> oneByteRecordFrames(int size) {
        int overhead = clientHello(0).length;
        byte[] hello = clientHello(Math.max(0, size - overhead));
        ByteBuffer stream = ByteBuffer.allocate(hello.length * 6);
        for (byte b : hello) {
            stream.put((byte) 22).putShort((short) 0x0303).putShort((short) 1).put(b);
        }
        byte[] bytes = stream.array();
        List<TestFrame> out = new ArrayList<>();
        long clientSeq = 1_000;
        long serverSeq = 900_000;
        out.add(frame(out.size(), tcp(CLIENT, SERVER, 50_000, 443, clientSeq++, 0, SYN, new byte[0])));
        out.add(frame(out.size(), tcp(SERVER, CLIENT, 443, 50_000, serverSeq++, clientSeq, SYN | 0x10, new byte[0])));
        for (int at = 0; at < bytes.length; at += MSS) {
            byte[] part = java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + MSS));
            out.add(frame(out.size(), tcp(CLIENT, SERVER, 50_000, 443, clientSeq, serverSeq, PSH_ACK, part)));
            clientSeq += part.length;
        }
        return out;
    }

    private static byte[] clientHello(int padding) {
        return TlsMessages.clientHello(new TlsMessages.ClientHello(0x0303, new byte[32], new byte[0],
                new int[] {0xC02F}, new int[] {0}, List.of(new TlsMessages.Extension(21, new byte[padding]))));
    }

    private static byte[] tcp(int src, int dst, int srcPort, int dstPort, long seq, long ack, int flags, byte[] data) {
        return ipv4(Packets.Ipv4.of(TCP, src, dst),
                Packets.tcp(Packets.Tcp.of(srcPort, dstPort, seq, ack, flags), data));
    }

    private static byte[] ipv4(Packets.Ipv4 header, byte[] payload) {
        return Packets.ethernet(0x020000000002L, 0x020000000001L, ETHERTYPE_IPV4, Packets.ipv4(header, payload));
    }

    private static TestFrame frame(int i, byte[] bytes) {
        return new TestFrame(i + 1, 1_700_000_000L + i / 1_000, i % 1_000 * 1_000_000, LinkType.ETHERNET, bytes,
                bytes.length);
    }
}
