package dev.dissect.net.dns;

import static dev.dissect.net.dns.DnsFrames.diagnostics;
import static dev.dissect.net.dns.DnsFrames.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.testkit.DnsMessages;
import dev.dissect.testkit.DnsMessages.Record;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile messages yield a diagnostic and whatever parsed before the damage; nothing throws. */
class DnsMalformedTest {
    private final DnsFrames frames = new DnsFrames();

    /** A response header with one answer, then {@code rest} (an owner name and what follows). */
    private static byte[] answerWith(byte[] rest) {
        byte[] header = {0x12, 0x34, (byte) 0x81, (byte) 0x80, 0, 0, 0, 1, 0, 0, 0, 0};
        byte[] out = Arrays.copyOf(header, header.length + rest.length);
        System.arraycopy(rest, 0, out, header.length, rest.length);
        return out;
    }

    private static byte[] aRecordTail() {
        return new byte[] {0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1};
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void pointerToItselfIsALoop() {
        Dissection d = frames.response(answerWith(concat(new byte[] {(byte) 0xC0, 12}, aRecordTail())));
        assertEquals("<Name contains a pointer that loops>", field(d, "dns.resp.name"));
        assertEquals("127.0.0.1", field(d, "dns.a"));
        assertTrue(diagnostics(d).contains("dns.name.pointer_loop"));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 17, 100})
    void pointerLoopsOfAnyLengthEnd(int n) {
        // n pointers at 12, 14, ... each to the next; the last back to the first. The record's name is at the end.
        byte[] chain = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            int target = 12 + 2 * ((i + 1) % n);
            chain[2 * i] = (byte) (0xC0 | target >> 8);
            chain[2 * i + 1] = (byte) target;
        }
        byte[] msg = answerWith(concat(concat(chain, new byte[] {(byte) 0xC0, 12}), aRecordTail()));
        Dissection d = frames.response(msg);
        assertTrue(diagnostics(d).contains("dns.name.pointer_loop") || diagnostics(d).contains("dns.truncated"),
                diagnostics(d).toString());
        assertTrue(field(d, "dns.resp.name").isEmpty()
                || field(d, "dns.resp.name").startsWith("<Name contains a pointer that loops>"));
    }

    @Test
    void forwardPointersAreFollowedAndReported() {
        // owner: pointer to offset 28, where "fwd" + root lives after the A record.
        byte[] rest = concat(new byte[] {(byte) 0xC0, 28}, aRecordTail());
        byte[] msg = concat(answerWith(rest), new byte[] {3, 'f', 'w', 'd', 0});
        Dissection d = frames.response(msg);
        assertEquals("fwd", field(d, "dns.resp.name"));
        assertTrue(diagnostics(d).contains("dns.name.forward_pointer"));
    }

    @Test
    void namesOver255OctetsAreTooLong() {
        String label = "a".repeat(63);
        String name = String.join(".", label, label, label, label, "b");
        Dissection d = frames.query(DnsMessages.query(1).question(name, 1).build());
        assertEquals("<Name too long>", field(d, "dns.qry.name"));
        assertEquals("1", field(d, "dns.qry.type"));
        assertTrue(diagnostics(d).contains("dns.name.too_long"));
    }

    @Test
    void labelsOf64OrMoreAreBadLabelTypes() {
        byte[] label = new byte[65];
        label[0] = 64;
        Arrays.fill(label, 1, 65, (byte) 'a');
        Dissection d = frames.response(answerWith(concat(concat(label, new byte[] {0}), aRecordTail())));
        assertEquals("", field(d, "dns.resp.name"));
        assertEquals("0x1234", field(d, "dns.id"));
        assertTrue(diagnostics(d).contains("dns.name.bad_label"));
    }

    @Test
    void unknownExtendedLabelsEndTheNameWhereTsharkEndsIt() {
        // "a", then extended label type 0x42: tshark names it and reads the type right after the label byte.
        byte[] query = {0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 'a', 0x42, 0, 1, 0, 1};
        Dissection d = frames.query(query);
        assertEquals("<Unknown extended label>", field(d, "dns.qry.name"));
        assertEquals("24", field(d, "dns.qry.name.len"));
        assertEquals("1", field(d, "dns.count.labels"));
        assertEquals("1", field(d, "dns.qry.type"));
        assertTrue(diagnostics(d).contains("dns.name.bad_label"));
        // Through a pointer, the length is counted from the name's start to the label byte (tshark: type 43707).
        byte[] viaPointer = {0, 2, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, (byte) 0xC0, 18, 0, 1, 0, 1, 0x42,
            (byte) 0xAA, (byte) 0xBB, (byte) 0xCC, (byte) 0xDD};
        d = frames.query(viaPointer);
        assertEquals("<Unknown extended label>", field(d, "dns.qry.name"));
        assertEquals("43707", field(d, "dns.qry.type"));
        assertEquals("0xccdd", field(d, "dns.qry.class"));
        // As the name's first byte it is malformed in tshark.
        byte[] first = {0, 3, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x42, 0, 1, 0, 1, 0};
        d = frames.query(first);
        assertEquals("", field(d, "dns.qry.name"));
        assertTrue(diagnostics(d).contains("dns.name.bad_label"));
    }

    @Test
    void nameLengthAndLabelCountAsTsharkShowsThem() {
        String[][] cases = {{"a", "0", "0"}, {"ab", "2", "1"}, {"a.b", "3", "2"}, {"", "6", "1"}};
        for (String[] c : cases) {
            Dissection d = frames.query(DnsMessages.query(1).question(c[0], 1).build());
            assertEquals(c[1], field(d, "dns.qry.name.len"), c[0]);
            assertEquals(c[2], field(d, "dns.count.labels"), c[0]);
        }
    }

    @Test
    void thousandsOfLabelsAreWalkedToTheTerminator() {
        // tcpdump's dns-badlabel: 10,000 one-byte labels and no pointer. tshark reads to the terminator.
        int labels = 10_000;
        byte[] name = new byte[2 * labels + 1];
        for (int i = 0; i < labels; i++) {
            name[2 * i] = 1;
            name[2 * i + 1] = 'x';
        }
        byte[] header = {0, 1, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0};
        byte[] second = concat(concat(new byte[] {0, 0x1C, 0, 1}, new byte[] {(byte) 0xC0, 12}), new byte[] {0, 1, 0, 1});
        Dissection d = frames.query(concat(concat(header, name), second));
        assertEquals("<Name too long>,<Name too long>", field(d, "dns.qry.name"));
        assertEquals("28,1", field(d, "dns.qry.type"));
    }

    /** A query for example.com, then {@code response} (hex) as its answer: what tshark 4.0.17 showed is asserted. */
    private Dissection answered(String query, String response) {
        frames.query(HexFormat.of().parseHex(query));
        return frames.response(HexFormat.of().parseHex(response));
    }

    private static final String QUERY_1234 = "123401000001000000000000076578616d706c6503636f6d0000410001";

    @Test
    void svcbPortOfLengthThreeIsReadAsTwoBytesAndTheNextParamRunsOut() {
        // zeek svcb-port-malformed: port 443 shown, then the next SvcParam runs out of the message (no match).
        Dissection d = answered(QUERY_1234, "123481000001000100000000076578616d706c6503636f6d0000410001"
                + "076578616d706c6503636f6d00004100010000012c000a0001000003000301bb00");
        assertEquals("443", field(d, "dns.svcb.svcparam.port"));
        assertEquals("3", field(d, "dns.svcb.svcparam.key"));
        assertEquals("", field(d, "dns.response_to"));
        assertTrue(diagnostics(d).contains("dns.truncated"), diagnostics(d).toString());
    }

    @Test
    void alpnIdLongerThanTheMessageEndsIt() {
        // zeek svcb-alpn-malformed-len-too-long: "h2", then a length of 8 with two bytes left.
        Dissection d = answered(QUERY_1234, "123481000001000100000000076578616d706c6503636f6d0000410001"
                + "076578616d706c6503636f6d00004100010000012c000d00010000010006026832086833");
        assertEquals("h2", field(d, "dns.svcb.svcparam.alpn"));
        assertEquals("2,8", field(d, "dns.svcb.svcparam.alpn.length"));
        assertEquals("", field(d, "dns.response_to"));
    }

    @Test
    void ednsOptionLongerThanTheMessageEndsIt() {
        // zeek dns-edns-bad-length: OPT RDATA of one byte; tshark reads code 192, length 3072, then throws, so the
        // A record after it is not shown.
        Dissection d = frames.response(HexFormat.of().parseHex("333381800001000000000002076578616d706c6503636f6d"
                + "0000010001000029100000000000000100c00c000100010000003c0004cb007107"));
        assertEquals("<Root>", field(d, "dns.resp.name"));
        assertEquals("192", field(d, "dns.opt.code"));
        assertEquals("3072", field(d, "dns.opt.len"));
        assertEquals("", field(d, "dns.a"));
        assertTrue(diagnostics(d).contains("dns.truncated"), diagnostics(d).toString());
    }

    @Test
    void typeBitmapPastTheMessageKeepsTheTypesThatWereThere() {
        // arkime dnssec_synthetic #8: a window of 32 bytes with two left; tshark shows A and NS, then throws.
        Dissection d = answered("456701000001000000000000076578616d706c6503636f6d0000010001",
                "456781800001000100000000076578616d706c6503636f6d0000010001076578616d706c6503636f6d00002f0001"
                        + "0000012c0016046e657874076578616d706c6503636f6d0000206000");
        assertEquals("next.example.com", field(d, "dns.nsec.next_domain_name"));
        assertEquals("47,1,2", field(d, "dns.resp.type"));
        assertEquals("", field(d, "dns.response_to"));
    }

    @Test
    void countsLargerThanTheDataKeepWhatParsed() {
        byte[] msg = DnsMessages.response(3).question("a.test", 1).answer(Record.a("a.test", 60, "10.0.0.1")).build();
        msg[7] = 5;
        msg[9] = 3;
        Dissection d = frames.response(msg);
        assertEquals("10.0.0.1", field(d, "dns.a"));
        assertEquals("5", field(d, "dns.count.answers"));
        assertTrue(diagnostics(d).contains("dns.truncated"));
        assertEquals("", field(d, "dns.response_to"));
    }

    @Test
    void truncatedRdataAddsNothingForThatRecord() {
        byte[] tail = aRecordTail();
        tail[9] = (byte) 200;
        Dissection d = frames.response(answerWith(concat(new byte[] {1, 'x', 0}, tail)));
        assertEquals("", field(d, "dns.resp.name"));
        assertTrue(diagnostics(d).contains("dns.truncated"));
    }

    @Test
    void everyCutOfARealMessageIsSafeAndDiagnosed() {
        byte[] msg = DnsMessages.response(0x5baa).compress(true).question("rsa.corpus.test", 1)
                .answer(Record.cname("rsa.corpus.test", 300, "www.corpus.test"))
                .answer(Record.a("www.corpus.test", 300, "127.0.0.20"))
                .additional(Record.txt("corpus.test", 60, "hello", "world"))
                .additional(Record.opt(1232, 0x8000))
                .build();
        for (int cut = 1; cut < msg.length; cut++) { // an empty UDP payload is not handed to DNS
            Dissection d = frames.response(Arrays.copyOf(msg, cut));
            assertFalse(diagnostics(d).isEmpty(), "no diagnostic at cut " + cut);
            assertFalse(diagnostics(d).contains("frame.dissector_failed"), "exception at cut " + cut);
            assertTrue(d.findLayer("dns") >= 0);
        }
    }
}
