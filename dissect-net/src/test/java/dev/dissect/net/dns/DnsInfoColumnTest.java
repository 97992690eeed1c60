package dev.dissect.net.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.engine.DissectionEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The info column of DNS frames against tshark 4.0.17's, on {@code lo-dns-info.pcap}: dig against a small responder
 * on 127.0.0.1:5300 for A, AAAA, MX, TXT, SOA, NXDOMAIN, SRV, HTTPS, SVCB, CAA, PTR and NS, with and without EDNS
 * (see captures/README.md). Port 5300 is nobody's, so this goes through the UDP heuristic, as in tshark.
 */
class DnsInfoColumnTest {
    /** {@code tshark -r lo-dns-info.pcap -n -T fields -e frame.number -e _ws.col.Info}. */
    private static final String TSHARK = """
            1 Standard query 0xf53f A www.test OPT
            2 Standard query response 0xf53f A www.test CNAME www.test A 127.0.0.20 OPT
            3 Standard query 0xefd4 AAAA www.test OPT
            4 Standard query response 0xefd4 AAAA www.test AAAA ::1 AAAA 2001:db8::42 OPT
            5 Standard query 0x6865 MX test OPT
            6 Standard query response 0x6865 MX test MX 10 mail.test OPT
            7 Standard query 0x3872 TXT test OPT
            8 Standard query response 0x3872 TXT test TXT OPT
            9 Standard query 0x1418 SOA test OPT
            10 Standard query response 0x1418 SOA test SOA ns1.test OPT
            11 Standard query 0x2f9c A nx.test OPT
            12 Standard query response 0x2f9c No such name A nx.test SOA ns1.test OPT
            13 Standard query 0x101c SRV _sip._udp.test OPT
            14 Standard query response 0x101c SRV _sip._udp.test SRV 1 5 5060 sip.test OPT
            15 Standard query 0xaf77 HTTPS svc.test OPT
            16 Standard query response 0xaf77 HTTPS svc.test HTTPS OPT
            17 Standard query 0x6d6b SVCB svc.test OPT
            18 Standard query response 0x6d6b SVCB svc.test SVCB OPT
            19 Standard query 0x03d8 CAA test OPT
            20 Standard query response 0x03d8 CAA test CAA OPT
            21 Standard query 0x01b2 PTR 1.0.0.127.in-addr.arpa OPT
            22 Standard query response 0x01b2 PTR 1.0.0.127.in-addr.arpa PTR localhost OPT
            23 Standard query 0x1f4c NS test OPT
            24 Standard query response 0x1f4c NS test NS ns1.test A 127.0.0.53 OPT
            25 Standard query 0x62dd A www.test
            26 Standard query response 0x62dd A www.test CNAME www.test A 127.0.0.20
            """;

    @Test
    void infoAgreesWithTshark() throws Exception {
        Path capture = Path.of(DnsInfoColumnTest.class.getResource("/captures/lo-dns-info.pcap").toURI());
        DissectionEngine engine = DissectionEngine.withDefaults();
        Dissection d = new Dissection();
        StringBuilder out = new StringBuilder();
        try (CaptureSource in = Captures.open(capture)) {
            for (FrameView f = in.next(); f != null; f = in.next()) {
                engine.dissect(f, d);
                out.append(f.number()).append(' ').append(d.infoText()).append('\n');
            }
        }
        assertEquals(TSHARK, out.toString());
    }
}
