package dev.dissect.net.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dissect.api.dissection.Dissection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each {@code tcp.analysis.*} flag on a connection built for it. The expected cells are tshark 4.0.17's output for
 * the same frames ({@link TcpConversation#writePcap}, then {@code tshark -r F -T fields -E occurrence=a
 * -E aggregator=, -e FIELD}).
 */
class TcpAnalysisTest {
    private static final String[] FIELDS = {"tcp.stream", "tcp.seq", "tcp.nxtseq", "tcp.ack",
        "tcp.analysis.retransmission", "tcp.analysis.fast_retransmission", "tcp.analysis.out_of_order",
        "tcp.analysis.lost_segment", "tcp.analysis.duplicate_ack", "tcp.analysis.duplicate_ack_num",
        "tcp.analysis.duplicate_ack_frame", "tcp.analysis.zero_window", "tcp.analysis.zero_window_probe",
        "tcp.analysis.keep_alive", "tcp.analysis.window_update", "tcp.analysis.reused_ports",
        "tcp.analysis.acks_frame", "tcp.analysis.ack_rtt"};

    /** Frames 1-3: client ISN 1000, server ISN 5000, an initial RTT of 20 ms. */
    private static TcpConversation handshake() {
        TcpConversation c = new TcpConversation();
        c.client(0, 1000, 0, TcpConversation.SYN, 65535, 0);                                     // 1 SYN
        c.server(10, 5000, 1001, TcpConversation.SYN | TcpConversation.ACK, 65535, 0);           // 2 SYN-ACK
        c.client(20, 1001, 5001, TcpConversation.ACK, 65535, 0);                                 // 3 ACK
        return c;
    }

    /** Frames 1-22 of one connection, then a new one on the same ports; see each line's comment. */
    static TcpConversation conversation() {
        TcpConversation c = handshake();
        int a = TcpConversation.ACK;
        int pa = TcpConversation.PSH | a;
        c.client(30, 1001, 5001, pa, 65535, 100);                         // 4 data
        c.server(40, 5001, 1101, a, 65535, 0);                            // 5 ACK of 4
        c.client(50, 1201, 5001, pa, 65535, 100);                         // 6 data after a hole: lost segment
        c.server(51, 5001, 1101, a, 65535, 0);                            // 7 dup ACK #1
        c.server(52, 5001, 1101, a, 65535, 0);                            // 8 dup ACK #2
        c.client(53, 1101, 5001, pa, 65535, 100);                         // 9 fast retransmission
        c.server(60, 5001, 1301, a, 65535, 0);                            // 10 ACK
        c.client(70, 1301, 5001, pa, 65535, 100);                         // 11 data
        c.client(500, 1301, 5001, pa, 65535, 100);                        // 12 retransmission
        c.client(510, 1451, 5001, pa, 65535, 50);                         // 13 lost segment
        c.client(511, 1401, 5001, pa, 65535, 50);                         // 14 out of order
        c.server(520, 5001, 1501, a, 0, 0);                               // 15 zero window
        c.client(530, 1501, 5001, pa, 65535, 1);                          // 16 zero-window probe
        c.server(540, 5001, 1501, a, 8192, 0);                            // 17 window update
        c.client(600, 1500, 5001, a, 65535, 0);                           // 18 keep-alive
        c.client(700, 1501, 5001, TcpConversation.FIN | a, 65535, 0);     // 19 FIN
        c.server(710, 5001, 1502, TcpConversation.FIN | a, 65535, 0);     // 20 FIN
        c.client(720, 1502, 5002, a, 65535, 0);                           // 21 last ACK
        c.client(800, 9000, 0, TcpConversation.SYN, 65535, 0);            // 22 SYN, new ISN: reused ports
        return c;
    }

    /** Data sent again after the peer acknowledged it, and a segment stamped before the one it follows. */
    static TcpConversation spurious() {
        TcpConversation c = handshake();
        int a = TcpConversation.ACK;
        int pa = TcpConversation.PSH | a;
        c.client(30, 1001, 5001, pa, 65535, 100);                         // 4 data
        c.client(31, 1101, 5001, pa, 65535, 100);                         // 5 data
        c.server(40, 5001, 1201, a, 65535, 0);                            // 6 ACK of 4 and 5
        c.client(41, 1001, 5001, pa, 65535, 100);                         // 7 4 again: spurious, not out of order
        c.client(45, 1201, 5001, pa, 65535, 100);                         // 8 data
        c.client(25, 1201, 5001, pa, 65535, 100);                         // 9 8 again, stamped before it
        return c;
    }

    /**
     * A SYN asking for window scaling, a SYN-ACK without it, the SYN sent again; then a FIN without ACK. The
     * client's later windows are scaled (its SYN came again after the SYN-ACK), the server's are not.
     */
    static TcpConversation scaling() {
        TcpConversation c = new TcpConversation();
        c.clientScaled(0, 1000, 6);                                       // 1 SYN, WS=6
        c.server(10, 5000, 1001, TcpConversation.SYN | TcpConversation.ACK, 65535, 0); // 2 SYN-ACK, no WS
        c.clientScaled(20, 1000, 6);                                      // 3 SYN again
        c.server(30, 5000, 1001, TcpConversation.SYN | TcpConversation.ACK, 65535, 0); // 4 SYN-ACK again
        c.client(40, 1001, 5001, TcpConversation.ACK, 100, 0);            // 5 ACK: window 100 << 6
        c.server(50, 5001, 1001, TcpConversation.ACK, 100, 0);            // 6 ACK: window 100
        c.client(60, 1001, 5001, TcpConversation.FIN, 100, 0);            // 7 FIN without ACK: raw ack
        return c;
    }

    /** Both sides scale by 32; the server's first ACK carries the same window field as its SYN-ACK. */
    static TcpConversation sameWindowField() {
        TcpConversation c = new TcpConversation();
        c.clientScaled(0, 1000, 5);                                                               // 1 SYN
        c.scaleNext(5).server(10, 5000, 1001, TcpConversation.SYN | TcpConversation.ACK, 1024, 0); // 2 SYN-ACK
        c.client(20, 1001, 5001, TcpConversation.ACK, 1024, 0);                                  // 3 ACK
        c.server(30, 5001, 1001, TcpConversation.ACK, 1024, 0);                                  // 4 dup ACK of 2
        return c;
    }

    /** A segment with both SYN and FIN: it takes one sequence number, not two. */
    static TcpConversation synFin() {
        TcpConversation c = new TcpConversation();
        c.client(0, 1000, 0, TcpConversation.SYN | TcpConversation.FIN, 65535, 0); // 1 SYN+FIN
        c.client(10, 1001, 0, TcpConversation.FIN, 65535, 0);                      // 2 FIN at the next number
        return c;
    }

    /** A connection that never closes, then a SYN with another ISN on the same ports. */
    static TcpConversation reusedWhileOpen() {
        TcpConversation c = handshake();
        c.client(30, 1001, 5001, TcpConversation.PSH | TcpConversation.ACK, 65535, 10); // 4 data
        c.client(2000, 9000, 0, TcpConversation.SYN, 65535, 0);                        // 5 SYN, new ISN
        c.server(2010, 7000, 9001, TcpConversation.SYN | TcpConversation.ACK, 65535, 0); // 6 SYN-ACK
        return c;
    }

    /**
     * SYN-ACKs with another sequence number on a known connection (suricata-verify tcp-fastopen-10): each moves the
     * server's base; analysis goes on comparing with what came before.
     */
    static TcpConversation synAckWithAnotherIsn() {
        TcpConversation c = handshake();
        int sa = TcpConversation.SYN | TcpConversation.ACK;
        c.server(30, 9000, 1001, sa, 65535, 0);                                         // 4 new ISN: lost
        c.server(40, 5000, 1001, sa, 65535, 0);                                         // 5 old ISN again
        c.server(50, 5000, 1001, sa, 65535, 0);                                         // 6 the same again
        c.client(60, 1001, 5001, TcpConversation.PSH | TcpConversation.ACK, 65535, 10); // 7 data
        c.server(70, 5001, 1011, TcpConversation.ACK, 65535, 10);                       // 8 data
        return c;
    }

    /**
     * A server that first sends a RST with sequence number 0 (rtsp.pcap), then a SYN-ACK: Wireshark's next sequence
     * number is raw 0, which it takes as none, so the SYN-ACK is neither lost nor a retransmission.
     */
    static TcpConversation rstAtZeroThenSynAck() {
        TcpConversation c = new TcpConversation();
        int sa = TcpConversation.SYN | TcpConversation.ACK;
        c.client(0, 1000, 0, TcpConversation.SYN, 65535, 0);                        // 1 SYN
        c.server(10, 0, 1001, TcpConversation.RST | TcpConversation.ACK, 0, 0);     // 2 RST, seq 0
        c.client(20, 1000, 0, TcpConversation.SYN, 65535, 0);                       // 3 SYN again
        c.server(30, 7000, 1001, sa, 65535, 0);                                     // 4 SYN-ACK
        c.server(40, 7000, 1001, sa, 65535, 0);                                     // 5 SYN-ACK again
        c.client(50, 1001, 7001, TcpConversation.ACK, 65535, 0);                    // 6 ACK
        return c;
    }

    /** tshark 4.0.17's cells for {@link #FIELDS}, frame by frame. */
    private static final String[][] TSHARK = {
            {"0", "0", "1", "0", "", "", "", "", "", "", "", "", "", "", "", "", "", ""}, // 1
            {"0", "0", "1", "1", "", "", "", "", "", "", "", "", "", "", "", "", "1", "0.010000000"}, // 2
            {"0", "1", "1", "1", "", "", "", "", "", "", "", "", "", "", "", "", "2", "0.010000000"}, // 3
            {"0", "1", "101", "1", "", "", "", "", "", "", "", "", "", "", "", "", "", ""}, // 4
            {"0", "1", "1", "101", "", "", "", "", "", "", "", "", "", "", "", "", "4", "0.010000000"}, // 5
            {"0", "201", "301", "1", "", "", "", "1", "", "", "", "", "", "", "", "", "", ""}, // 6
            {"0", "1", "1", "101", "", "", "", "", "1,1", "1", "5", "", "", "", "", "", "", ""}, // 7
            {"0", "1", "1", "101", "", "", "", "", "1,1", "2", "5", "", "", "", "", "", "", ""}, // 8
            {"0", "101", "201", "1", "1", "1", "", "", "", "", "", "", "", "", "", "", "", ""}, // 9
            {"0", "1", "1", "301", "", "", "", "", "", "", "", "", "", "", "", "", "6", "0.010000000"}, // 10
            {"0", "301", "401", "1", "", "", "", "", "", "", "", "", "", "", "", "", "", ""}, // 11
            {"0", "301", "401", "1", "1", "", "", "", "", "", "", "", "", "", "", "", "", ""}, // 12
            {"0", "451", "501", "1", "", "", "", "1", "", "", "", "", "", "", "", "", "", ""}, // 13
            {"0", "401", "451", "1", "", "", "1", "", "", "", "", "", "", "", "", "", "", ""}, // 14
            {"0", "1", "1", "501", "", "", "", "", "", "", "", "1", "", "", "", "", "13", "0.010000000"}, // 15
            {"0", "501", "502", "1", "", "", "", "", "", "", "", "", "1", "", "", "", "", ""}, // 16
            {"0", "1", "1", "501", "", "", "", "", "", "", "", "", "", "", "1", "", "", ""}, // 17
            {"0", "500", "500", "1", "", "", "", "", "", "", "", "", "", "1", "", "", "", ""}, // 18
            {"0", "501", "502", "1", "", "", "", "", "", "", "", "", "", "", "", "", "", ""}, // 19
            {"0", "1", "2", "502", "", "", "", "", "", "", "", "", "", "", "", "", "16", "0.180000000"}, // 20
            {"0", "502", "502", "2", "", "", "", "", "", "", "", "", "", "", "", "", "20", "0.010000000"}, // 21
            {"1", "0", "1", "0", "", "", "", "", "", "", "", "", "", "", "", "1", "", ""}, // 22
    };

    @Test
    void everyFrameAgreesWithTshark() {
        List<Dissection> frames = conversation().dissect();
        assertEquals(TSHARK.length, frames.size());
        for (int f = 0; f < TSHARK.length; f++) {
            for (int c = 0; c < FIELDS.length; c++) {
                assertFrame(frames, f + 1, FIELDS[c], TSHARK[f][c]);
            }
        }
    }

    @Test
    void retransmissionAndFastRetransmission() {
        List<Dissection> frames = conversation().dissect();
        assertFrame(frames, 12, "tcp.analysis.retransmission", "1");
        assertFrame(frames, 12, "tcp.analysis.fast_retransmission", "");
        assertFrame(frames, 9, "tcp.analysis.retransmission", "1");
        assertFrame(frames, 9, "tcp.analysis.fast_retransmission", "1");
    }

    @Test
    void outOfOrderAndLostSegment() {
        List<Dissection> frames = conversation().dissect();
        assertFrame(frames, 6, "tcp.analysis.lost_segment", "1");
        assertFrame(frames, 13, "tcp.analysis.lost_segment", "1");
        assertFrame(frames, 14, "tcp.analysis.out_of_order", "1");
        assertFrame(frames, 14, "tcp.analysis.retransmission", "");
    }

    @Test
    void duplicateAcksCountFromTheLastNewAck() {
        List<Dissection> frames = conversation().dissect();
        assertFrame(frames, 7, "tcp.analysis.duplicate_ack", "1,1");
        assertFrame(frames, 7, "tcp.analysis.duplicate_ack_num", "1");
        assertFrame(frames, 8, "tcp.analysis.duplicate_ack_num", "2");
        assertFrame(frames, 8, "tcp.analysis.duplicate_ack_frame", "5");
    }

    @Test
    void zeroWindowProbeKeepAliveAndWindowUpdate() {
        List<Dissection> frames = conversation().dissect();
        assertFrame(frames, 15, "tcp.analysis.zero_window", "1");
        assertFrame(frames, 16, "tcp.analysis.zero_window_probe", "1");
        assertFrame(frames, 17, "tcp.analysis.window_update", "1");
        assertFrame(frames, 18, "tcp.analysis.keep_alive", "1");
    }

    @Test
    void acksFrameAndRttPointAtTheSegmentAcknowledged() {
        List<Dissection> frames = conversation().dissect();
        assertFrame(frames, 5, "tcp.analysis.acks_frame", "4");
        assertFrame(frames, 5, "tcp.analysis.ack_rtt", "0.010000000");
        // The FIN (19) ends where the zero-window probe (16) did: the ACK of both names the probe, as tshark.
        assertFrame(frames, 20, "tcp.analysis.acks_frame", "16");
        assertFrame(frames, 20, "tcp.analysis.ack_rtt", "0.180000000");
    }

    /** tshark 4.0.17 on {@link #spurious()}: 7 is a spurious retransmission, 9 a plain one (not out of order). */
    @Test
    void spuriousRetransmissionAndASegmentStampedEarlier() {
        List<Dissection> frames = spurious().dissect();
        String[] retransmission = {"", "", "", "", "", "", "1", "", "1"};
        String[] spurious = {"", "", "", "", "", "", "1", "", ""};
        for (int f = 1; f <= frames.size(); f++) {
            assertFrame(frames, f, "tcp.analysis.retransmission", retransmission[f - 1]);
            assertFrame(frames, f, "tcp.analysis.spurious_retransmission", spurious[f - 1]);
            assertFrame(frames, f, "tcp.analysis.out_of_order", "");
        }
        assertEquals("[TCP Spurious Retransmission] 40000 \u2192 80 [PSH, ACK] Seq=1 Ack=1 Win=65535 Len=100",
                frames.get(6).infoText().toString());
    }

    /** tshark 4.0.17 on {@link #scaling()}. */
    @Test
    void eachDirectionScalesByItsOwnSynAndAnAckWithoutTheFlagIsRaw() {
        List<Dissection> frames = scaling().dissect();
        assertFrame(frames, 5, "tcp.window_size", "6400");
        assertFrame(frames, 5, "tcp.window_size_scalefactor", "64");
        assertFrame(frames, 6, "tcp.window_size", "100");
        assertFrame(frames, 6, "tcp.window_size_scalefactor", "-2");
        assertFrame(frames, 7, "tcp.window_size", "6400");
        assertFrame(frames, 7, "tcp.ack", "5001");
        assertFrame(frames, 1, "tcp.ack", "0");
    }

    /** tshark 4.0.17 on {@link #sameWindowField()}: windows are compared unscaled. */
    @Test
    void theSameWindowFieldIsTheSameWindowScaledOrNot() {
        List<Dissection> frames = sameWindowField().dissect();
        assertFrame(frames, 4, "tcp.window_size", "32768");
        assertFrame(frames, 4, "tcp.analysis.duplicate_ack", "1,1");
        assertFrame(frames, 4, "tcp.analysis.window_update", "");
    }

    /** tshark 4.0.17 on {@link #synFin()}. */
    @Test
    void synAndFinTogetherTakeOneSequenceNumber() {
        List<Dissection> frames = synFin().dissect();
        assertFrame(frames, 1, "tcp.nxtseq", "1");
        assertFrame(frames, 2, "tcp.seq", "1");
        assertFrame(frames, 2, "tcp.analysis.lost_segment", "");
        assertFrame(frames, 2, "tcp.analysis.retransmission", "");
    }

    /** tshark 4.0.17 on {@link #reusedWhileOpen()}: a new ISN starts a new stream even before FIN or RST. */
    @Test
    void aNewSynOnAnOpenConnectionReusesPortsToo() {
        List<Dissection> frames = reusedWhileOpen().dissect();
        assertFrame(frames, 5, "tcp.stream", "1");
        assertFrame(frames, 5, "tcp.analysis.reused_ports", "1");
        assertFrame(frames, 5, "tcp.seq", "0");
        assertFrame(frames, 6, "tcp.stream", "1");
        assertFrame(frames, 6, "tcp.ack", "1");
        assertEquals("raw:ip:tcp", frames.get(4).protocolsText().toString(), "the old flow's held bytes not shown");
    }

    /** tshark 4.0.17 on {@link #synAckWithAnotherIsn()}. */
    @Test
    void aSynAckWithAnotherIsnMovesOnlyTheShownBase() {
        assertRows(synAckWithAnotherIsn().dissect(), new String[][] {
                {"0", "1", "0", "", "", "", ""}, // 1
                {"0", "1", "1", "", "", "", ""}, // 2
                {"1", "1", "1", "", "", "", ""}, // 3
                {"0", "1", "1", "", "", "1", "1"}, // 4
                {"0", "1", "1", "", "1", "", "1"}, // 5
                {"0", "1", "1", "1", "", "", ""}, // 6
                {"1", "11", "1", "", "", "", ""}, // 7
                {"1", "11", "11", "1", "", "", ""}, // 8
        });
    }

    /** tshark 4.0.17 on {@link #rstAtZeroThenSynAck()}. */
    @Test
    void aNextSequenceNumberOfRawZeroIsNone() {
        assertRows(rstAtZeroThenSynAck().dissect(), new String[][] {
                {"0", "1", "0", "", "", "", ""}, // 1
                {"1", "1", "1", "", "", "", ""}, // 2
                {"0", "1", "0", "1", "", "", ""}, // 3
                {"0", "1", "1", "", "", "", "1"}, // 4
                {"0", "1", "1", "1", "", "", ""}, // 5
                {"1", "1", "1", "", "", "", ""}, // 6
        });
    }

    /** Rows of tcp.seq, tcp.nxtseq, tcp.ack, retransmission, out_of_order, lost_segment, reused_ports. */
    private static void assertRows(List<Dissection> frames, String[][] rows) {
        String[] fields = {"tcp.seq", "tcp.nxtseq", "tcp.ack", "tcp.analysis.retransmission",
            "tcp.analysis.out_of_order", "tcp.analysis.lost_segment", "tcp.analysis.reused_ports"};
        assertEquals(rows.length, frames.size());
        for (int i = 0; i < rows.length; i++) {
            for (int f = 0; f < fields.length; f++) {
                assertFrame(frames, i + 1, fields[f], rows[i][f]);
            }
        }
    }

    @Test
    void aNewSynOnAClosedConnectionReusesPorts() {
        List<Dissection> frames = conversation().dissect();
        assertFrame(frames, 22, "tcp.analysis.reused_ports", "1");
        assertFrame(frames, 22, "tcp.stream", "1");
    }

    /** Writes the conversation for tshark when {@code -Ddissect.tcpAnalysisPcap=PATH} is given. */
    @Test
    void writesThePcapWhenAsked() throws IOException {
        String path = System.getProperty("dissect.tcpAnalysisPcap");
        if (path != null) {
            spurious().writePcap(Path.of(path + ".spurious.pcap"));
            scaling().writePcap(Path.of(path + ".scaling.pcap"));
            reusedWhileOpen().writePcap(Path.of(path + ".reused.pcap"));
            sameWindowField().writePcap(Path.of(path + ".window.pcap"));
            synFin().writePcap(Path.of(path + ".synfin.pcap"));
            synAckWithAnotherIsn().writePcap(Path.of(path + ".synack.pcap"));
            rstAtZeroThenSynAck().writePcap(Path.of(path + ".rstzero.pcap"));
            conversation().writePcap(Path.of(path));
            List<Dissection> frames = conversation().dissect();
            StringBuilder out = new StringBuilder();
            for (Dissection d : frames) {
                List<String> cells = new ArrayList<>();
                for (String f : FIELDS) {
                    cells.add(cell(d, f));
                }
                out.append(String.join("\t", cells)).append('\n');
            }
            java.nio.file.Files.writeString(Path.of(path + ".ours.tsv"), out);
        }
    }

    static String cell(Dissection d, String name) {
        List<String> values = new ArrayList<>();
        for (int i = d.find(name, 0); i >= 0; i = d.find(name, i + 1)) {
            values.add(d.valueString(i));
        }
        return String.join(",", values);
    }

    static void assertFrame(List<Dissection> frames, int number, String field, String expected) {
        assertEquals(expected, cell(frames.get(number - 1), field), "frame " + number + " " + field);
    }
}
