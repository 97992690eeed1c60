package dev.dissect.testkit.arbitraries;

import dev.dissect.api.frame.LinkType;
import dev.dissect.testkit.Packets;
import dev.dissect.testkit.TestFrame;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * TCP and UDP flows between two IPv4 hosts, and the Ethernet frames that carry them: for tests that run the whole
 * engine (reassembly, port dispatch, heuristics) rather than one dissector.
 *
 * @since 0.1
 */
public final class FlowArbitraries {
    private FlowArbitraries() {
    }

    /**
     * Two endpoints: a client on an ephemeral port and a server on {@code serverPort}.
     *
     * @param clientAddress IPv4 address as a 32-bit value
     * @param clientPort    1024 to 65535
     * @param serverAddress IPv4 address as a 32-bit value
     * @param serverPort    the protocol's port
     * @param clientIsn     the client's initial sequence number
     * @since 0.1
     */
    public record Flow(int clientAddress, int clientPort, int serverAddress, int serverPort, long clientIsn) {

        /**
         * The client's half of a TCP connection: handshake, {@code segments} of data delivered in
         * {@code order} (indexes into {@code segments}), then FIN. Frames are numbered from 1 in capture order.
         */
        public List<TestFrame> tcp(List<byte[]> segments, List<Integer> order) {
            long[] seqOf = new long[segments.size()];
            long seq = clientIsn + 1;
            for (int i = 0; i < segments.size(); i++) {
                seqOf[i] = seq;
                seq += segments.get(i).length;
            }
            List<byte[]> frames = new ArrayList<>();
            frames.add(tcpFrame(true, clientIsn, 0, 0x02, new byte[0]));
            frames.add(tcpFrame(false, 1000, clientIsn + 1, 0x12, new byte[0]));
            frames.add(tcpFrame(true, clientIsn + 1, 1001, 0x10, new byte[0]));
            for (int i : order) {
                frames.add(tcpFrame(true, seqOf[i], 1001, 0x18, segments.get(i)));
            }
            frames.add(tcpFrame(true, seq, 1001, 0x11, new byte[0]));
            List<TestFrame> out = new ArrayList<>(frames.size());
            for (int i = 0; i < frames.size(); i++) {
                byte[] f = frames.get(i);
                out.add(new TestFrame(i + 1, 1_700_000_000L + i, 0, LinkType.ETHERNET, f, f.length));
            }
            return out;
        }

        /** One UDP datagram from client to server carrying {@code payload}. */
        public TestFrame udp(long number, byte[] payload) {
            byte[] udp = Packets.udp(clientPort, serverPort, payload);
            byte[] f = ethernet(Packets.ipv4(Packets.Ipv4.of(17, clientAddress, serverAddress), udp));
            return new TestFrame(number, 1_700_000_000L + number, 0, LinkType.ETHERNET, f, f.length);
        }

        private byte[] tcpFrame(boolean fromClient, long seq, long ack, int flags, byte[] payload) {
            Packets.Tcp h = fromClient ? Packets.Tcp.of(clientPort, serverPort, seq, ack, flags)
                    : Packets.Tcp.of(serverPort, clientPort, seq, ack, flags);
            byte[] tcp = Packets.tcp(h, payload);
            Packets.Ipv4 ip = fromClient ? Packets.Ipv4.of(6, clientAddress, serverAddress)
                    : Packets.Ipv4.of(6, serverAddress, clientAddress);
            return ethernet(Packets.ipv4(ip, tcp));
        }

        private static byte[] ethernet(byte[] ip) {
            return Packets.ethernet(0x020000000002L, 0x020000000001L, 0x0800, ip);
        }
    }

    /** Flows between two addresses of 10.0.0.0/8 to {@code serverPort}, with any initial sequence number. */
    public static Arbitrary<Flow> ipv4Flows(int serverPort) {
        Arbitrary<Integer> address = Arbitraries.integers().between(0x0A000001, 0x0AFFFFFE);
        Arbitrary<Integer> port = Arbitraries.integers().between(1024, 65535).filter(p -> p != serverPort);
        Arbitrary<Long> isn = Arbitraries.longs().between(0, 0xFFFF_FFFFL);
        return Combinators.combine(address, port, address, isn)
                .filter((c, p, s, i) -> !c.equals(s))
                .as((c, p, s, i) -> new Flow(c, p, s, serverPort, i));
    }
}
