package dev.dissect.net.dns;

import static dev.dissect.net.dns.DnsFrames.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.testkit.DnsMessages;
import dev.dissect.testkit.DnsMessages.Record;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The UDP heuristic takes what tshark 4.0's {@code dns} heuristic takes: each case below was run through
 * {@code tshark -r} on port 8888 and the expected answer is what tshark showed ({@code dns} or {@code data}).
 */
class DnsHeuristicTest {
    private final DnsHeuristic heuristic = new DnsHeuristic(new DnsMessageDissector());
    private final DnsFrames frames = new DnsFrames();

    private boolean accepts(byte[] message) {
        return heuristic.accepts(ByteView.of(message), 0, message.length);
    }

    private static byte[] header(int flags, int qd, int an, int ns, int ar, int extra) {
        byte[] m = new byte[12 + extra];
        m[0] = 0x12;
        m[1] = 0x34;
        int[] words = {flags, qd, an, ns, ar};
        for (int i = 0; i < words.length; i++) {
            m[2 + 2 * i] = (byte) (words[i] >>> 8);
            m[3 + 2 * i] = (byte) words[i];
        }
        return m;
    }

    @Test
    void takesWhatTsharkTakes() {
        assertTrue(accepts(header(0x0100, 1, 0, 0, 0, 1)), "a query, one byte past the header");
        assertTrue(accepts(header(0x0100, 1, 0, 0, 10, 1)), "ten additional records");
        assertTrue(accepts(header(0x0145, 1, 0, 0, 0, 5)), "Z and rcode are not looked at");
        assertTrue(accepts(header(0x8180, 0, 0, 0, 0, 1)), "a response with nothing in it");
        assertTrue(accepts(header(0x8180, 1, 100, 10, 10, 1)), "a response at every bound");
        assertTrue(accepts(header(0x8183, 1, 0, 0, 0, 17)), "NXDOMAIN");
    }

    @Test
    void refusesWhatTsharkRefuses() {
        assertFalse(accepts(header(0x0100, 1, 0, 0, 0, 0)), "a header alone");
        assertFalse(accepts(new byte[5]), "less than a header");
        assertFalse(accepts(header(0x0100, 1, 0, 0, 11, 1)), "eleven additional records");
        assertFalse(accepts(header(0x0100, 2, 0, 0, 0, 1)), "a query with two questions");
        assertFalse(accepts(header(0x0100, 0, 0, 0, 0, 1)), "a query with none");
        assertFalse(accepts(header(0x0100, 1, 1, 0, 0, 1)), "a query with an answer");
        assertFalse(accepts(header(0x0100, 1, 0, 1, 0, 1)), "a query with an authority record");
        assertFalse(accepts(header(0x8180, 2, 0, 0, 0, 1)), "a response with two questions");
        assertFalse(accepts(header(0x8180, 1, 101, 0, 0, 1)), "101 answers");
        assertFalse(accepts(header(0x8180, 1, 0, 11, 0, 1)), "11 authority records");
        assertFalse(accepts(header(0x2800, 1, 0, 0, 0, 1)), "UPDATE");
        assertFalse(accepts(header(0x2000, 1, 0, 0, 0, 1)), "NOTIFY");
        assertFalse(accepts(HexFormat.of().parseHex("17030300451234567890abcdef")), "a TLS record");
    }

    @Test
    void netbiosNamesAreNbnsNotDns() {
        byte[] nbns = nbnsQuery("EBEFEFEFEDEJFPEEEPENEBEJEOCACACA");
        assertFalse(accepts(nbns));
        byte[] damaged = nbns.clone();
        damaged[20] = 'v';
        damaged[30] = '%';
        assertFalse(accepts(damaged), "a fuzzed NetBIOS name is still one");
        assertFalse(accepts(Arrays.copyOf(nbns, 18)), "cut short by the datagram");
        byte[] lower = nbnsQuery("ebefefefedejfpeeepenebejeocacaca");
        assertTrue(accepts(lower), "a 32-letter DNS label that is not A-P");
    }

    private static byte[] nbnsQuery(String encoded) {
        byte[] h = header(0x0110, 1, 0, 0, 0, 0);
        byte[] label = encoded.getBytes(StandardCharsets.US_ASCII);
        byte[] m = Arrays.copyOf(h, h.length + 1 + label.length + 1 + 4);
        m[12] = (byte) label.length;
        System.arraycopy(label, 0, m, 13, label.length);
        m[m.length - 3] = 0x20;
        m[m.length - 1] = 1;
        return m;
    }

    @Test
    void dnsOnAnUnregisteredPortIsDissectedAndMatched() {
        byte[] query = DnsMessages.query(0x7f47).question("example.test", DnsMessages.TXT).build();
        Dissection d = new Dissection();
        frames.engineDissect(d, 1, DnsFrames.udp(DnsFrames.CLIENT, DnsFrames.SERVER, 40000, 8053, query));
        assertEquals("eth:ethertype:ip:udp:dns", d.protocolsText().toString());
        assertEquals("example.test", field(d, "dns.qry.name"));
        assertEquals("Standard query 0x7f47 TXT example.test", d.infoText());

        byte[] response = DnsMessages.response(0x7f47).question("example.test", DnsMessages.TXT)
                .answer(Record.txt("example.test", 60, "hello")).build();
        frames.engineDissect(d, 2, DnsFrames.udp(DnsFrames.SERVER, DnsFrames.CLIENT, 8053, 40000, response));
        assertEquals("hello", field(d, "dns.txt"));
        assertEquals("1", field(d, "dns.response_to"));
    }

    @Test
    void otherPayloadsStayData() {
        Dissection d = new Dissection();
        byte[] random = HexFormat.of().parseHex("17030300451234567890abcdef0011");
        frames.engineDissect(d, 1, DnsFrames.udp(DnsFrames.CLIENT, DnsFrames.SERVER, 40000, 8053, random));
        assertEquals("eth:ethertype:ip:udp:data", d.protocolsText().toString());
        frames.engineDissect(d, 2, DnsFrames.udp(DnsFrames.CLIENT, DnsFrames.SERVER, 137, 137,
                nbnsQuery("EBEFEFEFEDEJFPEEEPENEBEJEOCACACA")));
        assertEquals("eth:ethertype:ip:udp:data", d.protocolsText().toString());
    }
}
