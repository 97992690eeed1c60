package dev.dissect.hostile;

import java.util.function.Consumer;

/**
 * One TCP connection between {@link Frames#CLIENT} and {@link Frames#SERVER}, written as Ethernet frames: the
 * three-way handshake, then data cut into segments of at most {@code mss} bytes, with sequence numbers kept.
 */
final class Conversation {
    static final int SYN = 0x02;
    static final int ACK = 0x10;
    static final int PSH_ACK = 0x18;

    private final Consumer<byte[]> sink;
    private final int clientPort;
    private final int serverPort;
    private long clientSeq = 1_000;
    private long serverSeq = 900_000;

    Conversation(Consumer<byte[]> sink, int clientPort, int serverPort) {
        this.sink = sink;
        this.clientPort = clientPort;
        this.serverPort = serverPort;
    }

    Conversation open() {
        sink.accept(Frames.tcp(Frames.CLIENT, Frames.SERVER, clientPort, serverPort, clientSeq++, 0, SYN, new byte[0]));
        sink.accept(Frames.tcp(Frames.SERVER, Frames.CLIENT, serverPort, clientPort, serverSeq++, clientSeq, SYN | ACK,
                new byte[0]));
        sink.accept(Frames.tcp(Frames.CLIENT, Frames.SERVER, clientPort, serverPort, clientSeq, serverSeq, ACK,
                new byte[0]));
        return this;
    }

    Conversation client(byte[] data, int mss) {
        return send(true, data, mss);
    }

    Conversation server(byte[] data, int mss) {
        return send(false, data, mss);
    }

    private Conversation send(boolean fromClient, byte[] data, int mss) {
        for (int at = 0; at < data.length; at += mss) {
            byte[] part = java.util.Arrays.copyOfRange(data, at, Math.min(data.length, at + mss));
            if (fromClient) {
                sink.accept(Frames.tcp(Frames.CLIENT, Frames.SERVER, clientPort, serverPort, clientSeq, serverSeq,
                        PSH_ACK, part));
                clientSeq += part.length;
            } else {
                sink.accept(Frames.tcp(Frames.SERVER, Frames.CLIENT, serverPort, clientPort, serverSeq, clientSeq,
                        PSH_ACK, part));
                serverSeq += part.length;
            }
        }
        return this;
    }

    /** Moves the client's next sequence number on by {@code bytes} without sending them: a gap. */
    Conversation clientSkips(long bytes) {
        clientSeq += bytes;
        return this;
    }
}
