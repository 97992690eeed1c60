package dev.dissect.bench;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.FrameView;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.Dissector;
import dev.dissect.api.spi.DissectorTable;
import dev.dissect.net.dns.DnsFlavor;
import dev.dissect.net.dns.DnsMessageDissector;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DNS message dissection alone (the layer gopacket's {@code DNS.DecodeFromBytes} covers): one operation
 * dissects three typical responses, every field recorded in a reused {@link Dissection}.
 *
 * <ol>
 *   <li>{@code www.example.com A} with one address and an OPT record (compressed owner);</li>
 *   <li>{@code cdn.shop.example AAAA} through two CNAMEs to two addresses, with OPT;</li>
 *   <li>{@code nothere.example.org A}: No such name, SOA in the authority section, OPT.</li>
 * </ol>
 * The score is time per operation (three messages); {@code -prof gc} gives bytes per operation. Recorded names
 * go into pooled builders and IPv6 text is appended digit by digit, so once warm nothing is allocated (0.01 B/op;
 * 144 B/op before {@code FieldFormat.appendIpv6} stopped making a String per group). {@link #threeResponsesQueryNameOnly} records one field and no info column, as
 * {@code -T fields -e dns.qry.name} does: names are then decoded but rendered only for that field.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DnsBenchmark {
    private static final String[] MESSAGES = {
        "5baa8180000100010000000103777777076578616d706c6503636f6d0000010001c00c000100010000012c00045db8d8220000"
                + "2904d0000000000000",
        "1c2d818000010004000000010363646e0473686f70076578616d706c6500001c0001c00c000500010000003c00170465646765"
                + "0c63646e2d70726f7669646572036e657400c02e000500010000003c000a0565313233340161c033c051001c000100000014"
                + "001020010db8000000000000000000000010c051001c000100000014001020010db800000000000000000000001100002904"
                + "d0000000000000",
        "7e1181830001000000010001076e6f7468657265076578616d706c65036f72670000010001c0140006000100000e100027036e"
                + "7331c0140a686f73746d6173746572c01478a3f17500001c2000000e100012750000000e1000002904d0000000000000",
    };

    private final ByteView[] views = new ByteView[MESSAGES.length];
    private final DnsMessageDissector dns = new DnsMessageDissector();
    private final Dissection tree = new Dissection();
    private final Dissection selective = new Dissection();
    private final Context context = new Context();
    private final Context selectiveContext = new Context(selective);

    @Setup
    public void setUp() {
        for (int i = 0; i < MESSAGES.length; i++) {
            views[i] = ByteView.of(HexFormat.of().parseHex(MESSAGES[i]));
        }
        selective.recordFields(java.util.List.of(dev.dissect.net.dns.DnsFields.QRY_NAME));
        selective.setInfoWanted(false);
    }

    @Benchmark
    public int threeResponses() {
        int fields = 0;
        for (ByteView v : views) {
            tree.reset(context);
            dns.dissectMessage(context, v, 0, v.length(), DnsFlavor.DNS);
            fields += tree.fieldCount();
        }
        return fields;
    }

    @Benchmark
    public int threeResponsesQueryNameOnly() {
        int fields = 0;
        for (ByteView v : views) {
            selective.reset(selectiveContext);
            dns.dissectMessage(selectiveContext, v, 0, v.length(), DnsFlavor.DNS);
            fields += selective.fieldCount();
        }
        return fields;
    }

    /** The smallest context: a fixed frame, no hand-off. */
    private final class Context implements DissectionContext, FrameView {
        private final Dissection record;

        Context() {
            this(null);
        }

        Context(Dissection record) {
            this.record = record;
        }

        @Override
        public FrameView frame() {
            return this;
        }

        @Override
        public Dissection tree() {
            return record != null ? record : tree;
        }

        @Override
        public void handOff(DissectorTable table, long key, int offset, int length) {
        }

        @Override
        public void handOffByPorts(DissectorTable table, int sourcePort, int destinationPort, int offset,
                                   int length) {
        }

        @Override
        public void handOffToData(int offset, int length) {
        }

        @Override
        public void handOffTo(Dissector next, int offset, int length) {
        }

        @Override
        public long number() {
            return 1;
        }

        @Override
        public long epochSecond() {
            return 0;
        }

        @Override
        public int nanos() {
            return 0;
        }

        @Override
        public int interfaceId() {
            return 0;
        }

        @Override
        public int linkType() {
            return 1;
        }

        @Override
        public int capturedLength() {
            return 0;
        }

        @Override
        public long originalLength() {
            return 0;
        }

        @Override
        public ByteView data() {
            return views[0];
        }

        @Override
        public long fileOffset() {
            return 0;
        }
    }
}
