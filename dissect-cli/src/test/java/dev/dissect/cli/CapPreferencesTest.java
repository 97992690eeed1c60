package dev.dissect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.net.capture.Captures;
import dev.dissect.net.dns.DnsLimits;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.net.engine.Limit;
import dev.dissect.net.reassembly.ReassemblyOptions;
import dev.dissect.tls.TlsLimits;
import dev.dissect.tls.http.HttpLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every cap preference reaches the engine it makes; the rest of {@code -o} is left to {@link Preferences}. */
class CapPreferencesTest {
    @Test
    void reassemblyCapsSetTheEnginesOptions() {
        ReassemblyOptions o = CapPreferences.engine(List.of("tcp.max_flows:7", "tcp.flow_idle_timeout:9",
                "tcp.max_buffered_per_flow:1000", "tcp.max_buffered_total:2000", "ip.max_datagrams:3",
                "ip.max_fragment_bytes:4000", "ip.fragment_timeout:5", "testproto.udp.port:7777")).session().options();
        assertEquals(new ReassemblyOptions(7, 9_000_000_000L, 1_000, 2_000,
                ReassemblyOptions.defaults().overlapPolicy(), 3, 5_000_000_000L, 4_000), o);
    }

    @Test
    void dissectorCapsSetTheEnginesLimits() {
        List<Limit> all = List.of(Captures.MAX_BLOCK_SIZE, DissectionEngine.MAX_LAYERS_LIMIT,
                DnsLimits.MAX_OPEN_QUERIES, DnsLimits.MAX_RESOLVED_NAMES, TlsLimits.MAX_HANDSHAKE_SIZE,
                TlsLimits.MAX_CHAIN_CERTIFICATES,
                TlsLimits.MAX_CHAIN_CERTIFICATE_SIZE, TlsLimits.MAX_CONNECTION_EVENTS, TlsLimits.MAX_CONNECTIONS,
                TlsLimits.MAX_REMEMBERED_SESSIONS, TlsLimits.MAX_DER_SIZE, TlsLimits.MAX_DER_DEPTH,
                HttpLimits.MAX_HEAD_SIZE, HttpLimits.MAX_HEADER_LINES, HttpLimits.MAX_BODY_SIZE,
                HttpLimits.MAX_PENDING_REQUESTS, TlsLimits.MAX_PATH_LENGTH, TlsLimits.MAX_SIGNATURE_CHECKS,
                TlsLimits.MAX_PLAINTEXT_HELD);
        for (Limit l : all) {
            long lowered = Math.max(l.min(), l.defaultValue() / 2);
            DissectionEngine engine = CapPreferences.engine(List.of(l.name() + ":" + lowered));
            assertEquals(lowered, engine.limits().get(l), l.name());
            assertTrue(Preferences.forCommand(engine).known().contains(l.name() + " ("), l.name());
        }
    }

    @Test
    void valuesOutsideTheRangeOrNotNumbersAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CapPreferences.engine(List.of("tcp.max_flows:0")));
        assertTrue(e.getMessage().contains("tcp.max_flows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CapPreferences.engine(List.of("x509.max_der_depth:deep")));
        assertTrue(e.getMessage().contains("whole number from 1 to 256"), e.getMessage());
    }

    @Test
    void aCapIsAKnownPreference() {
        DissectionEngine engine = CapPreferences.engine(List.of("frame.max_layers:5"));
        Preferences.forCommand(engine).set("frame.max_layers:5"); // already applied: accepted, not unknown
        assertEquals(5, engine.limits().get(DissectionEngine.MAX_LAYERS_LIMIT));
    }
}
