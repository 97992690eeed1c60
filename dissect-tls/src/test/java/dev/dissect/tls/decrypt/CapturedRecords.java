package dev.dissect.tls.decrypt;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.api.stream.StreamDirection;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.capture.DecryptionSecrets;
import dev.dissect.net.capture.PcapngReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only: the TLS records of the loopback captures in capture order, per TCP connection. Just enough of
 * Ethernet, IPv4 and TCP for captures made on {@code lo} with tcpdump (the TLS dissector lives on another
 * branch): in-order segments, retransmitted bytes skipped.
 */
final class CapturedRecords {
    /** One TLS record: its connection (numbered from 0 in order of SYN), direction, header and body. */
    record Record(int connection, StreamDirection direction, int type, int version, byte[] body) {
    }

    private CapturedRecords() {
    }

    static List<Record> read(String resource) throws IOException {
        return read(resource, null);
    }

    /** Reads the records and adds the capture's Decryption Secrets Blocks (pcapng) to {@code secrets}. */
    static List<Record> read(String resource, KeyLog secrets) throws IOException {
        Path file = Files.createTempFile("decrypt", ".pcap");
        try {
            Files.write(file, TestVectors.resourceBytes(resource));
            try (CaptureSource source = Captures.open(file)) {
                List<Record> records = read(source);
                if (secrets != null && source instanceof PcapngReader pcapng) {
                    for (DecryptionSecrets dsb : pcapng.decryptionSecrets()) {
                        secrets.addDecryptionSecrets(dsb.type(), dsb.secrets());
                    }
                }
                return records;
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static final class Half {
        long next = -1;
        final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    }

    private static final class Connection {
        final int number;
        final int clientPort;
        final Half client = new Half();
        final Half server = new Half();

        Connection(int number, int clientPort) {
            this.number = number;
            this.clientPort = clientPort;
        }
    }

    private static List<Record> read(CaptureSource source) throws IOException {
        List<Record> out = new ArrayList<>();
        Map<String, Connection> connections = new HashMap<>();
        for (FrameView f = source.next(); f != null; f = source.next()) {
            ByteView d = f.data();
            if (f.linkType() != 1 || d.length() < 34 || d.u16(12) != 0x0800 || d.u8(23) != 6) {
                continue;
            }
            int ip = 14;
            int ipHeader = (d.u8(ip) & 0x0F) * 4;
            int tcp = ip + ipHeader;
            int total = d.u16(ip + 2);
            int srcPort = d.u16(tcp);
            int dstPort = d.u16(tcp + 2);
            long seq = d.u32(tcp + 4);
            int flags = d.u8(tcp + 13);
            int tcpHeader = (d.u8(tcp + 12) >>> 4) * 4;
            String key = Math.min(srcPort, dstPort) + "-" + Math.max(srcPort, dstPort);
            if ((flags & 0x02) != 0) { // SYN
                boolean isClient = (flags & 0x10) == 0;
                Connection c = connections.get(key);
                if (isClient && (c == null || c.client.next >= 0 && c.client.pending.size() == 0)) {
                    c = new Connection(connections.size(), srcPort);
                    connections.put(key, c);
                }
                if (c != null) {
                    (isClient ? c.client : c.server).next = seq + 1;
                }
                continue;
            }
            Connection c = connections.get(key);
            if (c == null) {
                continue;
            }
            boolean fromClient = srcPort == c.clientPort;
            Half h = fromClient ? c.client : c.server;
            int payload = ip + total - tcp - tcpHeader;
            int start = tcp + tcpHeader;
            if (payload <= 0) {
                continue;
            }
            long skip = h.next - seq; // bytes already seen (retransmission)
            if (skip >= payload) {
                continue;
            }
            byte[] bytes = d.toArray(start + (int) Math.max(0, skip), payload - (int) Math.max(0, skip));
            h.pending.write(bytes, 0, bytes.length);
            h.next = seq + payload;
            byte[] buffered = h.pending.toByteArray();
            int at = 0;
            while (buffered.length - at >= 5) {
                int len = (buffered[at + 3] & 0xFF) << 8 | buffered[at + 4] & 0xFF;
                if (buffered.length - at < 5 + len) {
                    break;
                }
                byte[] body = new byte[len];
                System.arraycopy(buffered, at + 5, body, 0, len);
                out.add(new Record(c.number,
                        fromClient ? StreamDirection.CLIENT_TO_SERVER : StreamDirection.SERVER_TO_CLIENT,
                        buffered[at] & 0xFF, (buffered[at + 1] & 0xFF) << 8 | buffered[at + 2] & 0xFF, body));
                at += 5 + len;
            }
            h.pending.reset();
            h.pending.write(buffered, at, buffered.length - at);
        }
        return out;
    }
}
