package dev.dissect.net.engine;

import static dev.dissect.net.engine.Frames.field;
import static dev.dissect.testkit.Packets.ipv4Address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.LinkType;
import dev.dissect.testkit.Packets;
import dev.dissect.testkit.TestFrame;
import org.junit.jupiter.api.Test;

/** {@code trackSessions(false)}: every frame on its own, headers decoded alike, nothing carried between frames. */
class StatelessEngineTest {
    private static byte[] frame(long seq, long ack, int flags, byte[] payload) {
        byte[] tcp = Packets.tcp(Packets.Tcp.of(50231, 8080, seq, ack, flags), payload);
        byte[] ip = Packets.ipv4(Packets.Ipv4.of(6, ipv4Address("192.168.1.2"), ipv4Address("10.0.0.1")), tcp);
        return Packets.ethernet(0x001122334455L, 0x66778899aabbL, 0x0800, ip);
    }

    private static Dissection dissect(DissectionEngine engine, int number, byte[] bytes) {
        Dissection d = new Dissection();
        engine.dissect(new TestFrame(number, 1_700_000_000L, number, LinkType.ETHERNET, bytes, bytes.length), d);
        return d;
    }

    @Test
    void headersAreTheSameButNoFlowIsKept() {
        DissectionEngine engine = DissectionEngine.withDefaults().trackSessions(false);
        assertFalse(engine.tracksSessions());
        dissect(engine, 1, frame(1000, 0, 0x002, new byte[0]));
        Dissection d = dissect(engine, 2, frame(1001, 5000, 0x018, "GET / HTTP/1.1\r\n".getBytes()));
        assertEquals("1001", field(d, "tcp.seq_raw"));
        assertEquals("1001", field(d, "tcp.seq"), "no ISN is known, so the number is shown raw");
        assertEquals("5000", field(d, "tcp.ack"));
        assertEquals("16", field(d, "tcp.len"));
        assertEquals("", field(d, "tcp.stream"), "no flow, no stream index");
        assertEquals("", field(d, "tcp.nxtseq"));
        assertTrue(d.protocolsText().toString().startsWith("eth:ethertype:ip:tcp"), d.protocolsText().toString());
        assertEquals(0, engine.session().tcp().flowCount(), "nothing was kept");
    }

    @Test
    void trackingBackOnGivesTheSessionFields() {
        DissectionEngine engine = DissectionEngine.withDefaults().trackSessions(false).trackSessions(true);
        assertTrue(engine.tracksSessions());
        dissect(engine, 1, frame(1000, 0, 0x002, new byte[0]));
        Dissection d = dissect(engine, 2, frame(1001, 5000, 0x018, new byte[4]));
        assertEquals("0", field(d, "tcp.stream"));
        assertEquals("1", field(d, "tcp.seq"));
    }
}
