package dev.dissect.tls.cert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The server's Certificate (and CertificateStatus) from one of the loopback captures in
 * {@code src/test/resources/certs/loopback/}, found by a minimal scan: classic pcap, Ethernet, IPv4, TCP, the
 * server's bytes concatenated in capture order (loopback: no loss, no reordering), TLS 1.2 records of type 22,
 * handshake messages 11 and 22. Test scaffolding until the TLS dissector lands; then these captures go through the
 * whole pipeline instead.
 */
record LoopbackCapture(List<byte[]> certificates, byte[] stapledOcsp, Instant certificateTime) {

    static LoopbackCapture read(String name) {
        byte[] pcap;
        try (InputStream in = LoopbackCapture.class.getResourceAsStream("/certs/loopback/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            pcap = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0xa1b2c3d4 || b.getInt(20) != 1) {
            throw new IllegalArgumentException("not a little-endian microsecond pcap of Ethernet");
        }
        // The server is the side that sends the first byte of a TLS handshake record with a ServerHello (type 2).
        ByteBuffer server = ByteBuffer.allocate(pcap.length);
        int serverPort = -1;
        Instant firstServerData = null;
        for (int pos = 24; pos + 16 <= pcap.length; ) {
            long sec = b.getInt(pos) & 0xFFFFFFFFL;
            int usec = b.getInt(pos + 4);
            int caplen = b.getInt(pos + 8);
            int ip = pos + 16 + 14;
            pos += 16 + caplen;
            int ihl = (pcap[ip] & 0x0F) * 4;
            int totalLength = u16(pcap, ip + 2);
            int tcp = ip + ihl;
            int dataOffset = ((pcap[tcp + 12] & 0xFF) >>> 4) * 4;
            int payload = tcp + dataOffset;
            int n = ip + totalLength - payload;
            if (n <= 0) {
                continue;
            }
            int srcPort = u16(pcap, tcp);
            if (serverPort < 0 && n > 5 && pcap[payload] == 22 && pcap[payload + 5] == 2) {
                serverPort = srcPort;
            }
            if (srcPort == serverPort) {
                if (firstServerData == null) {
                    firstServerData = Instant.ofEpochSecond(sec, usec * 1000L);
                }
                server.put(pcap, payload, n);
            }
        }
        byte[] stream = Arrays.copyOf(server.array(), server.position());
        ByteBuffer handshake = ByteBuffer.allocate(stream.length);
        for (int pos = 0; pos + 5 <= stream.length; ) {
            int len = u16(stream, pos + 3);
            if (stream[pos] == 22) {
                handshake.put(stream, pos + 5, len);
            } else if (stream[pos] == 20) {
                break; // ChangeCipherSpec: what follows is encrypted
            }
            pos += 5 + len;
        }
        byte[] hs = Arrays.copyOf(handshake.array(), handshake.position());
        List<byte[]> certs = new ArrayList<>();
        byte[] ocsp = null;
        for (int pos = 0; pos + 4 <= hs.length; ) {
            int type = hs[pos] & 0xFF;
            int len = u24(hs, pos + 1);
            int body = pos + 4;
            if (type == 11) {
                for (int c = body + 3; c < body + len; ) {
                    int certLen = u24(hs, c);
                    certs.add(Arrays.copyOfRange(hs, c + 3, c + 3 + certLen));
                    c += 3 + certLen;
                }
            } else if (type == 22 && hs[body] == 1) { // CertificateStatus, status_type ocsp (RFC 6066 §8)
                ocsp = Arrays.copyOfRange(hs, body + 4, body + 4 + u24(hs, body + 1));
            }
            pos = body + len;
        }
        return new LoopbackCapture(certs, ocsp, firstServerData);
    }

    private static int u16(byte[] a, int i) {
        return (a[i] & 0xFF) << 8 | (a[i + 1] & 0xFF);
    }

    private static int u24(byte[] a, int i) {
        return (a[i] & 0xFF) << 16 | u16(a, i + 1);
    }
}
