package dev.dissect.net.transport;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.LinkType;
import dev.dissect.net.capture.PcapWriter;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.testkit.Packets;
import dev.dissect.testkit.TestFrame;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One TCP connection between 10.0.0.1:40000 (client) and 10.0.0.2:80 as raw IPv4 frames, built segment by segment
 * with capture times in milliseconds. {@link #dissect} runs every frame through one engine and keeps each frame's
 * fields as tshark would print them; {@link #writePcap} writes the same frames for tshark.
 */
final class TcpConversation {
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int PSH = 0x08;
    static final int ACK = 0x10;
    private static final int CLIENT = Packets.ipv4Address("10.0.0.1");
    private static final int SERVER = Packets.ipv4Address("10.0.0.2");

    private record Segment(long millis, byte[] ip) {
    }

    private final List<Segment> segments = new ArrayList<>();

    /** A client-to-server segment. */
    TcpConversation client(long millis, long seq, long ack, int flags, int window, int payloadLength) {
        return add(millis, CLIENT, 40000, SERVER, 80, seq, ack, flags, window, payloadLength);
    }

    /** A server-to-client segment. */
    TcpConversation server(long millis, long seq, long ack, int flags, int window, int payloadLength) {
        return add(millis, SERVER, 80, CLIENT, 40000, seq, ack, flags, window, payloadLength);
    }

    /** A client-to-server SYN carrying the window-scale option with {@code shift}. */
    TcpConversation clientScaled(long millis, long seq, int shift) {
        return scaleNext(shift).client(millis, seq, 0, SYN, 65535, 0);
    }

    /** Gives the next segment the window-scale option with {@code shift}. */
    TcpConversation scaleNext(int shift) {
        scale = shift;
        return this;
    }

    private int scale = -1;

    private TcpConversation add(long millis, int src, int srcPort, int dst, int dstPort, long seq, long ack,
                                int flags, int window, int payloadLength) {
        byte[] options = scale < 0 ? new byte[0] : Packets.tcpOptions().nop().windowScale(scale).build();
        scale = -1;
        byte[] payload = new byte[payloadLength];
        for (int i = 0; i < payloadLength; i++) {
            payload[i] = (byte) ('a' + (seq + i) % 26);
        }
        Packets.Tcp h = new Packets.Tcp(srcPort, dstPort, seq, ack, flags, window, 0, 0, options);
        segments.add(new Segment(millis, Packets.ipv4(Packets.Ipv4.of(6, src, dst), Packets.tcp(h, payload))));
        return this;
    }

    /** Every frame's fields, frame 1 first; each map is field name to tshark's {@code occurrence=a} cell. */
    List<Dissection> dissect() {
        DissectionEngine engine = DissectionEngine.withDefaults();
        List<Dissection> out = new ArrayList<>();
        long number = 0;
        for (Segment s : segments) {
            Dissection d = new Dissection();
            engine.dissect(new TestFrame(++number, 1_700_000_000L + s.millis / 1000, (int) (s.millis % 1000) * 1_000_000,
                    LinkType.RAW, s.ip, s.ip.length), d);
            out.add(d);
        }
        return out;
    }

    /** Writes the frames as a pcap (raw IP), to check the expectations with tshark while developing. */
    void writePcap(Path path) throws IOException {
        try (OutputStream out = Files.newOutputStream(path); PcapWriter w = new PcapWriter(out, LinkType.RAW, true)) {
            for (Segment s : segments) {
                w.write(1_700_000_000L + s.millis / 1000, (int) (s.millis % 1000) * 1_000_000, s.ip.length, s.ip, 0,
                        s.ip.length);
            }
        }
    }
}
