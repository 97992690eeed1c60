package dev.dissect.net.dns;

import static dev.dissect.net.dns.DnsFrames.field;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.engine.DissectionEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A DNS-over-TCP conversation recorded on loopback (see captures/README.md), field by field as tshark 4.0.17. */
class DnsTcpCaptureTest {
    /**
     * {@code tshark -r lo-dns-tcp.pcap -n -o tcp.desegment_tcp_streams:TRUE -T fields -e frame.number
     * -e frame.protocols -e dns.length -e dns.id -e dns.qry.name -e dns.a -e dns.response_to -E occurrence=a
     * -E aggregator=,}, frames with DNS only.
     */
    private static final String TSHARK = """
            4 eth:ethertype:ip:tcp:dns 34 0x3fbc www.example.test - -
            6 eth:ethertype:ip:tcp:dns 50 0x3fbc www.example.test 127.0.0.7 4
            14 eth:ethertype:ip:tcp:dns 34,34 0x1001,0x1002 one.example.test,two.example.test - -
            20 eth:ethertype:ip:tcp:dns 50 0x1001 one.example.test 127.0.0.7 14
            22 eth:ethertype:ip:tcp:dns 50 0x1002 two.example.test 127.0.0.7 14
            """;

    /** {@code tshark -2 -r lo-dns-tcp.pcap -n -T fields -e frame.number -e dns.response_in}, where present. */
    private static final String TSHARK_TWO_PASS = """
            4 6
            14 20,22
            """;

    private static Path capture() throws Exception {
        return Path.of(DnsTcpCaptureTest.class.getResource("/captures/lo-dns-tcp.pcap").toURI());
    }

    @Test
    void onePassAgreesWithTshark() throws Exception {
        DissectionEngine engine = DissectionEngine.withDefaults();
        Dissection d = new Dissection();
        StringBuilder out = new StringBuilder();
        try (CaptureSource in = Captures.open(capture())) {
            for (FrameView f = in.next(); f != null; f = in.next()) {
                engine.dissect(f, d);
                if (d.findLayer("dns") < 0) {
                    continue;
                }
                out.append(f.number()).append(' ').append(d.appendProtocols(new StringBuilder()));
                for (String name : new String[] {"dns.length", "dns.id", "dns.qry.name", "dns.a", "dns.response_to"}) {
                    String v = field(d, name);
                    out.append(' ').append(v.isEmpty() ? "-" : v);
                }
                out.append('\n');
            }
        }
        assertEquals(TSHARK, out.toString());
    }

    @Test
    void twoPassesAgreeWithTsharkTwoPass() throws Exception {
        DissectionEngine engine = DissectionEngine.withDefaults();
        Dissection d = new Dissection();
        engine.beginFirstPass();
        d.recordNoFields();
        d.setInfoWanted(false);
        try (CaptureSource in = Captures.open(capture())) {
            for (FrameView f = in.next(); f != null; f = in.next()) {
                engine.dissect(f, d);
            }
        }
        engine.beginSecondPass();
        d.recordFields(java.util.List.of(DnsFields.RESPONSE_IN));
        StringBuilder out = new StringBuilder();
        try (CaptureSource in = Captures.open(capture())) {
            for (FrameView f = in.next(); f != null; f = in.next()) {
                engine.dissect(f, d);
                String v = field(d, "dns.response_in");
                if (!v.isEmpty()) {
                    out.append(f.number()).append(' ').append(v).append('\n');
                }
            }
        }
        assertEquals(TSHARK_TWO_PASS, out.toString());
    }
}
