package dev.dissect.net.dns;

import static dev.dissect.net.dns.DnsFrames.field;
import static dev.dissect.net.dns.DnsTcpFrames.framed;
import static dev.dissect.net.dns.DnsTcpFrames.protocols;
import static dev.dissect.net.dns.DnsTcpFrames.slice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.testkit.DnsMessages;
import dev.dissect.testkit.DnsMessages.Record;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DNS over TCP: framing, attribution to the completing frame, layers as tshark counts them, matching. */
class DnsTcpDissectorTest {
    private static byte[] query(int id, String name) {
        return DnsMessages.query(id).question(name, DnsMessages.A).build();
    }

    private static byte[] response(int id, String name, String address) {
        return DnsMessages.response(id).compress(true).question(name, DnsMessages.A)
                .answer(Record.a(name, 60, address)).build();
    }

    @Test
    void oneQueryOneResponseWithLengthAndMatch() {
        DnsTcpFrames t = new DnsTcpFrames(53).handshake();
        byte[] q = query(0x1234, "www.example.test");
        Dissection d = t.client(framed(q));
        assertEquals("eth:ethertype:ip:tcp:dns", protocols(d));
        assertEquals(String.valueOf(q.length), field(d, "dns.length"));
        assertEquals("0x1234", field(d, "dns.id"));
        assertEquals("www.example.test", field(d, "dns.qry.name"));
        assertEquals("Standard query 0x1234 A www.example.test", d.infoText());
        long queryFrame = t.frame();

        d = t.server(framed(response(0x1234, "www.example.test", "127.0.0.7")));
        assertEquals("127.0.0.7", field(d, "dns.a"));
        assertEquals(String.valueOf(queryFrame), field(d, "dns.response_to"));
        assertEquals("0.001000000", field(d, "dns.time"));
    }

    @Test
    void wholeMessagesOfOneSegmentShareOneLayerAsInTshark() {
        DnsTcpFrames t = new DnsTcpFrames(53).handshake();
        Dissection d = t.client(framed(query(1, "a.test"), query(2, "b.test"), query(3, "c.test")));
        assertEquals("eth:ethertype:ip:tcp:dns", protocols(d));
        assertEquals("0x0001,0x0002,0x0003", field(d, "dns.id"));
        assertEquals("a.test,b.test,c.test", field(d, "dns.qry.name"));
        assertEquals("24,24,24", field(d, "dns.length"));
        assertEquals("Standard query 0x0003 A c.test", d.infoText(), "the last message's info, as tshark");

        d = t.server(framed(response(1, "a.test", "127.0.0.1"), response(3, "c.test", "127.0.0.3")));
        assertEquals("0x0001,0x0003", field(d, "dns.id"));
        assertEquals("4,4", field(d, "dns.response_to"));
    }

    @Test
    void messageOverSeveralSegmentsBelongsToTheLastAndATailThenAWholeOneAreTwoLayers() {
        DnsTcpFrames t = new DnsTcpFrames(53).handshake();
        byte[] stream = framed(query(7, "first.example.test"), query(8, "second.example.test"));
        int firstEnd = 2 + query(7, "first.example.test").length;
        Dissection d = t.client(slice(stream, 0, 1));
        assertEquals("eth:ethertype:ip:tcp", protocols(d), "half a length field");
        assertTrue(d.infoText().endsWith("[TCP segment of a reassembled PDU]"), d.infoText());
        d = t.client(slice(stream, 1, 10));
        assertEquals("", field(d, "dns.id"));
        d = t.client(slice(stream, 10, firstEnd + 5));
        assertEquals("eth:ethertype:ip:tcp:dns", protocols(d));
        assertEquals("0x0007", field(d, "dns.id"));
        d = t.client(slice(stream, firstEnd + 5, stream.length));
        assertEquals("0x0008", field(d, "dns.id"));

        // tail of one message, then a whole one: tshark's tcp:dns:dns
        byte[] more = framed(query(9, "x.test"), query(10, "y.test"));
        t.client(slice(more, 0, 10));
        d = t.client(slice(more, 10, more.length));
        assertEquals("eth:ethertype:ip:tcp:dns:dns", protocols(d));
        assertEquals("0x0009,0x000a", field(d, "dns.id"));
    }

    @Test
    void port5353OverTcpIsDnsAndAShortMessageIsMalformedNotFatal() {
        DnsTcpFrames t = new DnsTcpFrames(5353).handshake();
        Dissection d = t.client(framed(new byte[] {1, 2, 3}, query(5, "after.test")));
        assertEquals("eth:ethertype:ip:tcp:dns", protocols(d));
        assertTrue(DnsFrames.diagnostics(d).contains("dns.header.short"));
        assertEquals("0x0005", field(d, "dns.id"));
    }

    @Test
    void matchingNeedsNoRecordedAddressOrPortField() {
        for (boolean tcp : new boolean[] {false, true}) {
            DissectionEngine engine = DissectionEngine.withDefaults();
            Dissection d;
            if (tcp) {
                DnsTcpFrames t = new DnsTcpFrames(engine, 53);
                t.d.recordFields(List.of(DnsFields.RESPONSE_TO, DnsFields.ID));
                t.handshake();
                t.client(framed(query(0x4242, "m.test")));
                d = t.server(framed(response(0x4242, "m.test", "127.0.0.1")));
                assertEquals("4", field(d, "dns.response_to"));
            } else {
                DnsFrames f = new DnsFrames();
                Dissection q = new Dissection();
                q.recordFields(List.of(DnsFields.RESPONSE_TO));
                f.engineDissect(q, 1, DnsFrames.udp(DnsFrames.CLIENT, DnsFrames.SERVER, 40000, 53,
                        query(0x4242, "m.test")));
                f.engineDissect(q, 2, DnsFrames.udp(DnsFrames.SERVER, DnsFrames.CLIENT, 53, 40000,
                        response(0x4242, "m.test", "127.0.0.1")));
                assertEquals("1", field(q, "dns.response_to"));
                assertEquals("", field(q, "ip.src"), "not recorded");
                // another client port is another conversation
                f.engineDissect(q, 3, DnsFrames.udp(DnsFrames.CLIENT, DnsFrames.SERVER, 40001, 53,
                        query(0x4343, "m.test")));
                f.engineDissect(q, 4, DnsFrames.udp(DnsFrames.SERVER, DnsFrames.CLIENT, 53, 40002,
                        response(0x4343, "m.test", "127.0.0.1")));
                assertEquals("", field(q, "dns.response_to"));
            }
        }
    }

    @Test
    void twoPassesGiveResponseInOnTheQuery() {
        DissectionEngine engine = DissectionEngine.withDefaults();
        DnsTcpFrames t = new DnsTcpFrames(engine, 53);
        Runnable conversation = () -> {
            t.handshake();
            t.client(framed(query(0x0101, "one.test"), query(0x0202, "two.test")));
            t.server(framed(response(0x0202, "two.test", "127.0.0.2")));
            t.server(framed(response(0x0101, "one.test", "127.0.0.1")));
        };
        conversation.run();
        assertEquals("", field(t.d, "dns.response_in"), "one pass cannot know");

        engine.beginFirstPass();
        t.rewind();
        t.d.recordNoFields();
        t.d.setInfoWanted(false);
        conversation.run();
        engine.beginSecondPass();
        t.rewind();
        t.d.recordAllFields();
        t.d.setInfoWanted(true);
        t.handshake();
        Dissection d = t.client(framed(query(0x0101, "one.test"), query(0x0202, "two.test")));
        assertEquals("6,5", field(d, "dns.response_in"));
        d = t.server(framed(response(0x0202, "two.test", "127.0.0.2")));
        assertEquals("4", field(d, "dns.response_to"));
        assertEquals("", field(d, "dns.response_in"));
    }
}
