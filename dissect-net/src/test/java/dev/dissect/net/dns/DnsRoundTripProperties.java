package dev.dissect.net.dns;

import static dev.dissect.net.dns.DnsFrames.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.testkit.DnsMessages;
import dev.dissect.testkit.DnsMessages.Record;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Arbitrary messages built by {@link DnsMessages} dissect back to the values put in, compressed or not. */
class DnsRoundTripProperties {
    private final DnsFrames frames = new DnsFrames();

    record Rr(String name, int kind, long ttl, String value, int preference) {
    }

    record Message(int id, String qname, int qtype, List<Rr> answers, boolean compress) {
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                .ofMinLength(1).ofMaxLength(20);
        return label.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join(".", l));
    }

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<Rr> rr = Combinators.combine(names(), Arbitraries.integers().between(0, 3),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL), names(), Arbitraries.integers().between(0, 65535))
                .as(Rr::new);
        return Combinators.combine(Arbitraries.integers().between(0, 65535), names(),
                Arbitraries.of(1, 5, 15, 16, 28), rr.list().ofMaxSize(8), Arbitraries.of(true, false))
                .as(Message::new);
    }

    @Property(tries = 300)
    void builtMessagesDissectToTheirValues(@ForAll("messages") Message m) {
        DnsMessages.Builder b = DnsMessages.response(m.id()).compress(m.compress()).question(m.qname(), m.qtype());
        List<String> owners = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> ttls = new ArrayList<>();
        List<String> a = new ArrayList<>();
        List<String> cnames = new ArrayList<>();
        List<String> mx = new ArrayList<>();
        List<String> txt = new ArrayList<>();
        for (Rr r : m.answers()) {
            String addr = (r.preference() >>> 8) + "." + (r.preference() & 0xFF) + ".0.1";
            switch (r.kind()) {
                case 0 -> {
                    b.answer(Record.a(r.name(), r.ttl(), addr));
                    a.add(addr);
                    types.add("1");
                }
                case 1 -> {
                    b.answer(Record.cname(r.name(), r.ttl(), r.value()));
                    cnames.add(r.value());
                    types.add("5");
                }
                case 2 -> {
                    b.answer(Record.mx(r.name(), r.ttl(), r.preference(), r.value()));
                    mx.add(r.value());
                    types.add("15");
                }
                default -> {
                    b.answer(Record.txt(r.name(), r.ttl(), r.value(), addr));
                    txt.add(r.value());
                    txt.add(addr);
                    types.add("16");
                }
            }
            owners.add(r.name());
            ttls.add(Long.toString(r.ttl()));
        }
        Dissection d = frames.response(b.build());
        assertEquals(String.format("0x%04x", m.id()), field(d, "dns.id"));
        assertEquals(m.qname(), field(d, "dns.qry.name"));
        assertEquals(Integer.toString(m.qtype()), field(d, "dns.qry.type"));
        assertEquals(Integer.toString(m.answers().size()), field(d, "dns.count.answers"));
        assertEquals(String.join(",", owners), field(d, "dns.resp.name"));
        assertEquals(String.join(",", types), field(d, "dns.resp.type"));
        assertEquals(String.join(",", ttls), field(d, "dns.resp.ttl"));
        assertEquals(String.join(",", a), field(d, "dns.a"));
        assertEquals(String.join(",", cnames), field(d, "dns.cname"));
        assertEquals(String.join(",", mx), field(d, "dns.mx.mail_exchange"));
        assertEquals(String.join(",", txt), field(d, "dns.txt"));
        assertFalse(DnsFrames.diagnostics(d).contains("dns.truncated"));
    }

    @Property(tries = 500)
    void arbitraryBytesNeverThrow(@ForAll("garbage") byte[] message) {
        Dissection d = frames.response(message);
        assertFalse(DnsFrames.diagnostics(d).contains("frame.dissector_failed"));
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        // A plausible header (small counts) followed by bytes rich in pointers and label lengths.
        Arbitrary<Byte> b = Arbitraries.oneOf(Arbitraries.bytes(), Arbitraries.of((byte) 0xC0, (byte) 0x0C,
                (byte) 0, (byte) 1, (byte) 3, (byte) 63, (byte) 64));
        return b.array(byte[].class).ofMinSize(12).ofMaxSize(120).map(x -> {
            for (int i = 4; i < 12; i += 2) {
                x[i] = 0;
                x[i + 1] = (byte) (x[i + 1] & 7);
            }
            return x;
        });
    }
}
