package dev.dissect.net.dns;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.LinkType;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.testkit.Packets;
import dev.dissect.testkit.TestFrame;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A DNS-over-TCP conversation as Ethernet/IPv4/TCP frames: handshake, then client and server segments with
 * sequence numbers kept, each dissected at once (the record is read before the next frame).
 */
final class DnsTcpFrames {
    static final int CLIENT = Packets.ipv4Address("127.0.0.1");
    static final int SERVER = Packets.ipv4Address("127.0.0.2");
    static final int PSH_ACK = 0x18;

    final DissectionEngine engine;
    final Dissection d = new Dissection();
    private final int port;
    private long frame;
    private long clientSeq = 1000;
    private long serverSeq = 5000;
    private long micros;

    DnsTcpFrames(DissectionEngine engine, int port) {
        this.engine = engine;
        this.port = port;
    }

    DnsTcpFrames(int port) {
        this(DissectionEngine.withDefaults(), port);
    }

    /** SYN, SYN-ACK, ACK. */
    DnsTcpFrames handshake() {
        send(true, 0x002, new byte[0]);
        clientSeq++;
        send(false, 0x012, new byte[0]);
        serverSeq++;
        send(true, 0x010, new byte[0]);
        return this;
    }

    Dissection client(byte[] payload) {
        return send(true, PSH_ACK, payload);
    }

    Dissection server(byte[] payload) {
        return send(false, PSH_ACK, payload);
    }

    long frame() {
        return frame;
    }

    /** Restarts frame numbers and clock (a second pass over the same frames). */
    void rewind() {
        frame = 0;
        micros = 0;
        clientSeq = 1000;
        serverSeq = 5000;
    }

    Dissection send(boolean fromClient, int flags, byte[] payload) {
        long seq = fromClient ? clientSeq : serverSeq;
        long ack = fromClient ? serverSeq : clientSeq;
        byte[] tcp = Packets.tcp(Packets.Tcp.of(fromClient ? 40000 : port, fromClient ? port : 40000, seq, ack,
                flags), payload);
        byte[] ip = Packets.ipv4(Packets.Ipv4.of(6, fromClient ? CLIENT : SERVER, fromClient ? SERVER : CLIENT), tcp);
        byte[] eth = Packets.ethernet(0x001122334455L, 0x66778899aabbL, 0x0800, ip);
        if (fromClient) {
            clientSeq += payload.length;
        } else {
            serverSeq += payload.length;
        }
        micros += 1000;
        engine.dissect(new TestFrame(++frame, 1_700_000_000L + micros / 1_000_000, (int) (micros % 1_000_000) * 1000,
                LinkType.ETHERNET, eth, eth.length), d);
        return d;
    }

    /** Messages each behind its two-byte length. */
    static byte[] framed(byte[]... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] m : messages) {
            out.write(m.length >>> 8);
            out.write(m.length);
            out.writeBytes(m);
        }
        return out.toByteArray();
    }

    static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    static String protocols(Dissection d) {
        return d.appendProtocols(new StringBuilder()).toString();
    }

    static List<String> values(Dissection d, String name) {
        List<String> out = new ArrayList<>();
        for (int i = d.find(name, 0); i >= 0; i = d.find(name, i + 1)) {
            out.add(d.valueString(i));
        }
        return out;
    }
}
