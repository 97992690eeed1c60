package dev.dissect.tls.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dissect.testkit.TlsMessages;
import dev.dissect.testkit.TlsMessages.ClientHello;
import dev.dissect.testkit.TlsMessages.Extension;
import dev.dissect.tls.TlsFlow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Arbitrary ClientHellos built by {@link TlsMessages} dissect back to what was built (round trip), and hostile
 * lengths or truncation at any byte never throw and always leave a diagnostic.
 */
class ClientHelloProperties {

    record Hello(ClientHello hello, String host, List<String> alpn, int[] groups) {
        byte[] record() {
            return TlsMessages.record(22, 0x0301, TlsMessages.clientHello(hello));
        }
    }

    @Provide
    Arbitrary<Hello> hellos() {
        Arbitrary<int[]> suites = Arbitraries.integers().between(0, 0xffff).array(int[].class).ofMinSize(1)
                .ofMaxSize(40);
        Arbitrary<String> host = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(40)
                .map(s -> s + ".example");
        Arbitrary<List<String>> alpn = Arbitraries.of("h2", "http/1.1", "h3", "\n\n", "x")
                .list().ofMaxSize(3);
        Arbitrary<int[]> groups = Arbitraries.of(29, 23, 24, 0x0a0a, 0x4a4a, 256).array(int[].class).ofMaxSize(6);
        Arbitrary<byte[]> sid = Arbitraries.bytes().array(byte[].class).ofMaxSize(32);
        return Combinators.combine(suites, host, alpn, groups, sid).as((s, h, a, g, id) -> {
            List<Extension> ext = new ArrayList<>();
            ext.add(TlsMessages.serverName(h));
            if (!a.isEmpty()) {
                ext.add(TlsMessages.alpn(a));
            }
            ext.add(TlsMessages.u16List(10, g));
            ext.add(TlsMessages.supportedVersions(new int[] {0x0304, 0x0303}));
            return new Hello(new ClientHello(0x0303, new byte[32], id, s, new int[] {0}, ext), h, a, g);
        });
    }

    @Property(tries = 200)
    void roundTrip(@ForAll("hellos") Hello h) {
        TlsFlow.Result r = new TlsFlow().client(h.record());
        assertEquals("Client Hello", r.info());
        assertEquals(h.host(), r.get("tls.handshake.extensions_server_name"));
        assertEquals(String.join(",", h.alpn()), r.get("tls.handshake.extensions_alpn_str"));
        StringJoiner suites = new StringJoiner(",");
        StringJoiner ja3Suites = new StringJoiner("-");
        for (int s : h.hello().cipherSuites()) {
            suites.add(String.format("0x%04x", s));
            if (!Grease.is(s)) {
                ja3Suites.add(Integer.toString(s));
            }
        }
        assertEquals(suites.toString(), r.get("tls.handshake.ciphersuite"));
        StringJoiner ja3Groups = new StringJoiner("-");
        Arrays.stream(h.groups()).filter(g -> !Grease.is(g)).forEach(g -> ja3Groups.add(Integer.toString(g)));
        String extensions = h.alpn().isEmpty() ? "0-10-43" : "0-16-10-43";
        assertEquals("771," + ja3Suites + "," + extensions + "," + ja3Groups + ",", r.get("tls.handshake.ja3_full"));
        assertEquals(List.of(), r.diagnostics());
    }

    @Property(tries = 300)
    void truncationAtAnyByteNeverThrowsAndIsReported(@ForAll("hellos") Hello h,
                                                      @ForAll @IntRange(min = 1, max = 10_000) int cut) {
        byte[] record = h.record();
        int at = 9 + cut % (record.length - 9);
        // Shrink the handshake body to end at "at" while keeping the record and handshake lengths consistent.
        byte[] body = Arrays.copyOfRange(record, 9, at);
        byte[] message = TlsMessages.handshake(1, body);
        TlsFlow.Result r = new TlsFlow().client(TlsMessages.record(22, 0x0301, message));
        int sid = record[43] & 0xff;
        int suites = (record[44 + sid] & 0xff) << 8 | record[45 + sid] & 0xff;
        int endOfCompression = 46 + sid + suites + 1 + (record[46 + sid + suites] & 0xff);
        // Cut right after the compression methods, the hello is a valid one without extensions (SSL 3.0 style).
        if (at < record.length && at != endOfCompression) {
            assertFalse(r.diagnostics().isEmpty(), "cut at " + at + " of " + record.length);
        }
    }

    @Property(tries = 300)
    void hostileLengthsNeverThrow(@ForAll("hellos") Hello h, @ForAll @IntRange(min = 0, max = 1000) int where,
                                  @ForAll @IntRange(min = 0, max = 0xffff) int value) {
        byte[] record = h.record();
        int at = where % (record.length - 1);
        byte[] hostile = TlsMessages.withU16(record, at, value);
        TlsFlow flow = new TlsFlow();
        flow.client(hostile);
        flow.client(TlsMessages.record(22, 0x0303, TlsMessages.handshake(1, new byte[3])));
    }

    @Property(tries = 100)
    void hostileListLengthsAreReported(@ForAll("hellos") Hello h, @ForAll @IntRange(min = 0, max = 5) int which) {
        byte[] record = h.record();
        // Offsets of the lengths: record 3, handshake 6 (24-bit), session id 43, cipher suites after it.
        int sidLength = record[43] & 0xff;
        int suites = 44 + sidLength;
        int suitesLength = (record[suites] & 0xff) << 8 | record[suites + 1] & 0xff;
        int extensions = suites + 2 + suitesLength + 2;
        int firstExtension = extensions + 2;
        int sniList = firstExtension + 4;
        byte[] hostile = switch (which) {
            case 0 -> TlsMessages.withU24(record, 6, 0xffffff);
            case 1 -> TlsMessages.withU16(record, suites, 0xfffe);
            case 2 -> TlsMessages.withU16(record, extensions, 0xffff);
            case 3 -> TlsMessages.withU16(record, firstExtension + 2, 0xfff0);
            case 4 -> TlsMessages.withU16(record, sniList, 0xfff0);
            default -> TlsMessages.withU16(record, 3, 0xffff);
        };
        TlsFlow flow = new TlsFlow();
        TlsFlow.Result r = flow.client(hostile);
        if (which == 0 || which == 5) {
            // A length beyond what is there: the dissector waits for more bytes; the end of the flow reports it.
            return;
        }
        assertFalse(r.diagnostics().isEmpty(), "which=" + which);
    }
}
