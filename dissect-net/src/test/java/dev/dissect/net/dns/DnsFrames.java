package dev.dissect.net.dns;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.LinkType;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.net.engine.Limits;
import dev.dissect.net.reassembly.ReassemblyOptions;
import dev.dissect.testkit.Packets;
import dev.dissect.testkit.TestFrame;
import java.util.ArrayList;
import java.util.List;

/** Wraps DNS messages in Ethernet/IPv4/UDP frames and reads fields back as tshark prints them. */
final class DnsFrames {
    static final int CLIENT = Packets.ipv4Address("192.168.1.2");
    static final int SERVER = Packets.ipv4Address("192.168.1.1");

    private final DissectionEngine engine;

    DnsFrames() {
        this(Limits.defaults());
    }

    /** Frames dissected by an engine with these caps. */
    DnsFrames(Limits limits) {
        engine = DissectionEngine.withDefaults(ReassemblyOptions.defaults(), limits);
    }

    static byte[] udp(int src, int dst, int srcPort, int dstPort, byte[] message) {
        return Packets.ethernet(0x001122334455L, 0x66778899aabbL, 0x0800,
                Packets.ipv4(Packets.Ipv4.of(17, src, dst), Packets.udp(srcPort, dstPort, message)));
    }

    Dissection dissect(long number, long second, int nanos, byte[] frame) {
        Dissection d = new Dissection();
        engine.dissect(new TestFrame(number, second, nanos, LinkType.ETHERNET, frame, frame.length), d);
        return d;
    }

    /** Dissects {@code frame} into {@code d} with this object's engine (so flows and matching carry on). */
    void engineDissect(Dissection d, long number, byte[] frame) {
        engine.dissect(new TestFrame(number, 100, (int) number * 1000, LinkType.ETHERNET, frame, frame.length), d);
    }

    /** A query from client port 40000 to the server's port 53. */
    Dissection query(byte[] message) {
        return dissect(1, 100, 0, udp(CLIENT, SERVER, 40000, 53, message));
    }

    /** A response from the server's port 53 to client port 40000. */
    Dissection response(byte[] message) {
        return dissect(2, 100, 250_000_000, udp(SERVER, CLIENT, 53, 40000, message));
    }

    static String field(Dissection d, String name) {
        List<String> values = new ArrayList<>();
        for (int i = d.find(name, 0); i >= 0; i = d.find(name, i + 1)) {
            values.add(d.valueString(i));
        }
        return String.join(",", values);
    }

    static List<String> diagnostics(Dissection d) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < d.diagnosticCount(); i++) {
            names.add(d.diagnosticDef(i).name());
        }
        return names;
    }
}
