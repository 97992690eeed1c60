package dev.dissect.net.reassembly;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.frame.LinkType;
import dev.dissect.api.spi.DissectorProvider;
import dev.dissect.api.spi.Registrar;
import dev.dissect.api.stream.FramingStreamDissector;
import dev.dissect.api.stream.GapAction;
import dev.dissect.api.stream.LengthPrefixFramer;
import dev.dissect.api.stream.StreamContext;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.net.engine.DissectorRegistry;
import dev.dissect.testkit.Packets;
import dev.dissect.testkit.TestFrame;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An engine with a tiny test stream dissector on TCP port 7000: records of a 2-byte length then that many bytes.
 * Frames are raw IPv4 built with the testkit; every record dissected is remembered with its frame.
 */
final class StreamHarness {
    static final Protocol REC = new Protocol("rec", "Test records", "REC");
    static final FieldDef REC_LEN = FieldDef.uint("rec.len", "Record length", 2, dev.dissect.api.field.Base.DEC);
    /** The record's body as bytes: a field that points into the bytes the dissector was given. */
    static final FieldDef REC_BODY = FieldDef.bytes("rec.body", "Record body");
    static final int PORT = 7000;
    static final int CLIENT = Packets.ipv4Address("10.0.0.1");
    static final int SERVER = Packets.ipv4Address("10.0.0.2");

    /** What the dissector saw: records (frame, bytes) and gaps. */
    final List<long[]> recordFrames = new ArrayList<>();
    final ByteArrayOutputStream records = new ByteArrayOutputStream();
    final List<Long> gaps = new ArrayList<>();
    /** How many times a direction ended ({@code onEnd}). */
    int ends;
    final DissectionEngine engine;
    final Dissection d = new Dissection();
    private long frameNumber;
    private long timeMicros;
    GapAction onGap = GapAction.RESYNCHRONIZE;
    /** When set, records that do not fit what was handed over are passed over (skipMore), not held. */
    boolean skipBodies;
    /** For each record completed after a skip: the bytes handed back (its start) and the bytes passed over. */
    final List<long[]> skippedRecords = new ArrayList<>();

    final class Records extends FramingStreamDissector {
        Records() {
            super(LengthPrefixFramer.of(0, 2, 0, 1000));
        }

        @Override
        public Protocol protocol() {
            return REC;
        }

        @Override
        protected void dissectFrame(StreamContext ctx, ByteView data, int offset, int length) {
            ctx.tree().beginLayer(REC, offset, length);
            int body = data.u16(offset);
            ctx.tree().add(REC_LEN, data, offset, 2, body);
            if (ctx.skippedBytes() > 0) {
                skippedRecords.add(new long[] {length, ctx.skippedBytes()});
                records.write(data.toArray(offset + 2, length - 2), 0, length - 2);
                records.writeBytes(new byte[(int) ctx.skippedBytes()]); // passed over: zeros stand for the bytes
            } else {
                ctx.tree().addBytes(REC_BODY, data, offset + 2, length - 2);
                records.write(data.toArray(offset + 2, length - 2), 0, length - 2);
            }
            recordFrames.add(new long[] {ctx.frameOf(offset), ctx.frame().number()});
        }

        @Override
        protected boolean wantsWholeFrame(StreamContext ctx, ByteView data, int offset, int available,
                                          int frameLength) {
            return !skipBodies;
        }

        @Override
        public void onEnd(StreamContext ctx, ByteView data, int offset, int length) {
            ends++;
        }

        @Override
        public GapAction onGap(StreamContext ctx, long missing) {
            gaps.add(missing);
            return onGap;
        }
    }

    final DissectorRegistry registry;

    StreamHarness(ReassemblyOptions options) {
        this(options, PORT);
    }

    /** A harness whose record dissector is registered on {@code port}. */
    StreamHarness(ReassemblyOptions options, int port) {
        DissectorRegistry registry = DissectorRegistry.load(StreamHarness.class.getClassLoader());
        Records recs = new Records();
        registry.register(new DissectorProvider() {
            @Override
            public String id() {
                return "test.records";
            }

            @Override
            public void register(Registrar r) {
                r.protocol(REC, REC_LEN, REC_BODY);
                r.addStream("tcp.port", port, recs);
            }
        });
        this.registry = registry;
        engine = new DissectionEngine(registry, options);
    }

    /** Sends one client-to-server segment ({@code flags} 0x18 for data) and dissects it. */
    Dissection client(long seq, int flags, byte[] payload) {
        return send(CLIENT, 40000, SERVER, PORT, seq, 0, flags, payload);
    }

    Dissection send(int src, int srcPort, int dst, int dstPort, long seq, long ack, int flags, byte[] payload) {
        byte[] tcp = Packets.tcp(Packets.Tcp.of(srcPort, dstPort, seq & 0xFFFFFFFFL, ack & 0xFFFFFFFFL, flags),
                payload);
        byte[] ip = Packets.ipv4(Packets.Ipv4.of(6, src, dst), tcp);
        timeMicros += 100_000;
        engine.dissect(new TestFrame(++frameNumber, timeMicros / 1_000_000, (int) (timeMicros % 1_000_000) * 1000,
                LinkType.RAW, ip, ip.length), d);
        return d;
    }

    /** Lets {@code micros} of capture time pass before the next frame. */
    void pause(long micros) {
        timeMicros += micros;
    }

    /** Records {@code bodies} each as length + bytes, concatenated. */
    static byte[] stream(List<byte[]> bodies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] b : bodies) {
            out.write(b.length >>> 8);
            out.write(b.length);
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    static byte[] concat(List<byte[]> bodies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bodies.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
