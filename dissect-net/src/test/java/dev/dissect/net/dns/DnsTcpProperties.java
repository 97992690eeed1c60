package dev.dissect.net.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.testkit.DnsMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Any segmentation of a stream of length-prefixed DNS messages gives the same messages, each in its last frame. */
class DnsTcpProperties {

    @Provide
    Arbitrary<List<String>> names() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                .ofMinLength(1).ofMaxLength(30);
        return label.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l)).list().ofMinSize(1)
                .ofMaxSize(8);
    }

    @Property(tries = 200)
    void segmentationDoesNotChangeTheMessages(@ForAll("names") List<String> names,
                                              @ForAll @Size(max = 12) List<@IntRange(min = 1, max = 10_000) Integer> cuts) {
        byte[][] messages = new byte[names.size()][];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = DnsMessages.query(i + 1).question(names.get(i), DnsMessages.A).build();
        }
        byte[] stream = DnsTcpFrames.framed(messages);
        TreeSet<Integer> at = new TreeSet<>();
        for (int c : cuts) {
            at.add(c % stream.length);
        }
        at.remove(0);
        at.add(stream.length);

        // where each message ends, to check which frame shows it
        int[] ends = new int[messages.length];
        for (int i = 0, pos = 0; i < messages.length; i++) {
            pos += 2 + messages[i].length;
            ends[i] = pos;
        }

        DnsTcpFrames t = new DnsTcpFrames(53).handshake();
        List<String> ids = new ArrayList<>();
        List<String> qnames = new ArrayList<>();
        int from = 0;
        int next = 0;
        for (int to : at) {
            Dissection d = t.client(DnsTcpFrames.slice(stream, from, to));
            List<String> frameIds = DnsTcpFrames.values(d, "dns.id");
            int expected = 0;
            while (next + expected < ends.length && ends[next + expected] <= to) {
                expected++;
            }
            assertEquals(expected, frameIds.size(), "messages completed by the segment ending at " + to);
            next += expected;
            ids.addAll(frameIds);
            qnames.addAll(DnsTcpFrames.values(d, "dns.qry.name"));
            assertEquals(0, DnsFrames.diagnostics(d).size(), DnsFrames.diagnostics(d).toString());
            from = to;
        }
        List<String> wantIds = new ArrayList<>();
        for (int i = 0; i < messages.length; i++) {
            wantIds.add(String.format("0x%04x", i + 1));
        }
        assertEquals(wantIds, ids);
        assertEquals(names, qnames);
    }
}
