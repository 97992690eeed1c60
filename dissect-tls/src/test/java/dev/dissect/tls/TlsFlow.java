package dev.dissect.tls;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.LinkType;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.testkit.Packets;
import dev.dissect.testkit.TestFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP connection on port 443 built segment by segment and dissected frame by frame by a real engine, for
 * tests: {@code client(bytes)} and {@code server(bytes)} add one segment each and return what was dissected.
 */
public final class TlsFlow {
    private static final int CLIENT = Packets.ipv4Address("10.0.0.1");
    private static final int SERVER = Packets.ipv4Address("10.0.0.2");

    private final DissectionEngine engine = DissectionEngine.withDefaults();
    private final Dissection tree = new Dissection();
    private final int serverPort;
    private long clientSeq = 1000;
    private long serverSeq = 5000;
    private long number;

    public TlsFlow() {
        this(443);
    }

    public TlsFlow(int serverPort) {
        this.serverPort = serverPort;
    }

    public DissectionEngine engine() {
        return engine;
    }

    /** The record frames are dissected into: choose what it records ({@link Dissection#recordFields}). */
    public Dissection tree() {
        return tree;
    }

    /** One frame's results, copied out of the reused {@link Dissection}. */
    public record Result(String info, String protocol, List<String[]> fields, List<String> diagnostics) {
        /** The values of {@code name}, joined by commas as tshark's {@code -E aggregator=,}; "" if absent. */
        public String get(String name) {
            StringBuilder sb = new StringBuilder();
            for (String[] f : fields) {
                if (f[0].equals(name)) {
                    if (sb.length() > 0) {
                        sb.append(',');
                    }
                    sb.append(f[1]);
                }
            }
            return sb.toString();
        }
    }

    public Result client(byte[] payload) {
        Result r = send(CLIENT, SERVER, 40000, serverPort, clientSeq, serverSeq, payload);
        clientSeq += payload.length;
        return r;
    }

    public Result server(byte[] payload) {
        Result r = send(SERVER, CLIENT, serverPort, 40000, serverSeq, clientSeq, payload);
        serverSeq += payload.length;
        return r;
    }

    private Result send(int src, int dst, int sport, int dport, long seq, long ack, byte[] payload) {
        byte[] tcp = Packets.tcp(Packets.Tcp.of(sport, dport, seq, ack, 0x018), payload);
        byte[] ip = Packets.ipv4(Packets.Ipv4.of(6, src, dst), tcp);
        byte[] frame = Packets.ethernet(0x020000000002L, 0x020000000001L, 0x0800, ip);
        number++;
        engine.dissect(new TestFrame(number, 1_700_000_000L + number, 0, LinkType.ETHERNET, frame, frame.length),
                tree);
        List<String[]> fields = new ArrayList<>();
        for (int i = 0; i < tree.fieldCount(); i++) {
            fields.add(new String[] {tree.fieldDef(i).name(), tree.valueString(i)});
        }
        List<String> diagnostics = new ArrayList<>();
        for (int i = 0; i < tree.diagnosticCount(); i++) {
            diagnostics.add(tree.diagnosticDef(i).name());
        }
        return new Result(tree.infoText(), tree.protocolColumn(), fields, diagnostics);
    }
}
