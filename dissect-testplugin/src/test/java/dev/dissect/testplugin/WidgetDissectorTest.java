package dev.dissect.testplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.LinkType;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.testkit.Packets;
import dev.dissect.testkit.TestFrame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The engine finds the plugin through META-INF/services alone: no code here registers it. */
class WidgetDissectorTest {
    private static final byte[] MESSAGE = {'W', 'T', 1, 0x2a, 0, 0, 0, 7, 'h', 'i'};

    private static Dissection dissect(DissectionEngine engine, int srcPort, int dstPort, byte[] payload) {
        byte[] udp = Packets.udp(srcPort, dstPort, payload);
        byte[] ip = Packets.ipv4(Packets.Ipv4.of(17, Packets.ipv4Address("10.0.0.1"),
                Packets.ipv4Address("10.0.0.2")), udp);
        byte[] frame = Packets.ethernet(0x020000000002L, 0x020000000001L, 0x0800, ip);
        Dissection d = new Dissection();
        engine.dissect(TestFrame.of(LinkType.ETHERNET, frame), d);
        return d;
    }

    @Test
    void registeredPortReachesThePlugin() {
        DissectionEngine engine = DissectionEngine.withDefaults();
        assertTrue(engine.registry().providerIds().contains("example.wtp"));
        Dissection d = dissect(engine, 40000, WidgetProvider.PORT, MESSAGE);
        assertEquals("eth:ethertype:ip:udp:wtp", d.protocolsText().toString());
        assertEquals("0x2a", d.valueString(d.find("wtp.type", 0)));
        assertEquals("7", d.valueString(d.find("wtp.seq", 0)));
        assertEquals("6869", d.valueString(d.find("wtp.payload", 0)));
        assertEquals("WTP", d.protocolColumn());
        assertEquals("Widget message, seq=7", d.infoText());
    }

    @Test
    void heuristicRecognisesTheProtocolOnAnyPort() {
        Dissection d = dissect(DissectionEngine.withDefaults(), 40000, 40001, MESSAGE);
        assertEquals("eth:ethertype:ip:udp:wtp", d.protocolsText().toString());
    }

    @Test
    void otherPayloadOnAnotherPortStaysData() {
        byte[] text = "not a widget".getBytes(StandardCharsets.US_ASCII);
        Dissection d = dissect(DissectionEngine.withDefaults(), 40000, 40001, text);
        assertEquals("eth:ethertype:ip:udp:data", d.protocolsText().toString());
    }

    @Test
    void decodeAsForcesThePluginOnAnyPort() {
        DissectionEngine engine = DissectionEngine.withDefaults();
        byte[] shortMessage = {'W', 'T', 9};
        assertNotEquals("wtp", dissect(engine, 5000, 5001, shortMessage).layerProtocol(4).filterName());
        engine.registry().decodeAs("udp.port", 5001, "wtp");
        Dissection d = dissect(engine, 5000, 5001, shortMessage);
        assertEquals("eth:ethertype:ip:udp:wtp", d.protocolsText().toString());
        assertEquals(1, d.diagnosticCount());
        assertEquals("wtp.short", d.diagnosticDef(0).name());
    }
}
