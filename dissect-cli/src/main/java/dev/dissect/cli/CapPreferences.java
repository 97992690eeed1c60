package dev.dissect.cli;

import dev.dissect.net.capture.Captures;
import dev.dissect.net.dns.DnsLimits;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.net.engine.Limit;
import dev.dissect.net.engine.Limits;
import dev.dissect.net.reassembly.ReassemblyOptions;
import dev.dissect.tls.TlsLimits;
import dev.dissect.tls.http.HttpLimits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code -o NAME:VALUE} preferences that set a cap (docs/limits.md): reassembly and defragmentation
 * ({@link ReassemblyOptions}), the dissectors' {@link Limits} and the readers' {@code capture.max_block_size}
 * (the command passes the engine's limits to {@code Captures.open}). <b>They are applied when the engine is
 * made</b>, as its caps are fixed for its life; {@link Preferences} then accepts them as already applied.
 *
 * <p>Values are whole numbers: counts, bytes, or seconds of capture time for the two timeouts.
 */
final class CapPreferences {
    private static final long SECOND = 1_000_000_000L;
    private static final long MAX_SECONDS = 100L * 365 * 24 * 3_600;

    /** How a reassembly cap's value changes the options. */
    private interface ReassemblySetter {
        ReassemblyOptions apply(ReassemblyOptions options, long value);
    }

    private record ReassemblyCap(Limit limit, ReassemblySetter setter) {
    }

    private static final Map<String, ReassemblyCap> REASSEMBLY = new LinkedHashMap<>();
    private static final Map<String, Limit> LIMITS = new LinkedHashMap<>();

    static {
        ReassemblyOptions d = ReassemblyOptions.defaults();
        reassembly(new Limit("tcp.max_flows", "TCP flows tracked at once", d.maxFlows(), 1, 1 << 26),
                (o, v) -> o.withMaxFlows((int) v));
        reassembly(new Limit("tcp.flow_idle_timeout", "seconds of capture time before an idle flow is dropped",
                d.flowIdleTimeoutNanos() / SECOND, 1, MAX_SECONDS), (o, v) -> o.withFlowIdleTimeoutNanos(v * SECOND));
        reassembly(new Limit("tcp.max_buffered_per_flow", "bytes of TCP data buffered per flow",
                d.maxBufferedBytesPerFlow(), 0, Integer.MAX_VALUE),
                (o, v) -> o.withBufferCaps((int) v, o.maxBufferedBytes()));
        reassembly(new Limit("tcp.max_buffered_total", "bytes of TCP data buffered for all flows",
                d.maxBufferedBytes(), 0, Long.MAX_VALUE / 2),
                (o, v) -> o.withBufferCaps(o.maxBufferedBytesPerFlow(), v));
        reassembly(new Limit("ip.max_datagrams", "incomplete IP datagrams held at once", d.maxDatagrams(), 1, 1 << 24),
                (o, v) -> o.withFragmentCaps((int) v, o.maxFragmentBytes(), o.fragmentTimeoutNanos()));
        reassembly(new Limit("ip.max_fragment_bytes", "bytes of incomplete IP datagrams", d.maxFragmentBytes(), 0,
                Long.MAX_VALUE / 2), (o, v) -> o.withFragmentCaps(o.maxDatagrams(), v, o.fragmentTimeoutNanos()));
        reassembly(new Limit("ip.fragment_timeout", "seconds of capture time before an incomplete datagram is dropped",
                d.fragmentTimeoutNanos() / SECOND, 1, MAX_SECONDS),
                (o, v) -> o.withFragmentCaps(o.maxDatagrams(), o.maxFragmentBytes(), v * SECOND));
        // dns.max_response_matches is not here: it bounds the first of two passes, which the command never makes.
        for (Limit l : List.of(Captures.MAX_BLOCK_SIZE, DissectionEngine.MAX_LAYERS_LIMIT, DnsLimits.MAX_OPEN_QUERIES,
                DnsLimits.MAX_RESOLVED_NAMES, TlsLimits.MAX_HANDSHAKE_SIZE,
                TlsLimits.MAX_CHAIN_CERTIFICATES, TlsLimits.MAX_CHAIN_CERTIFICATE_SIZE,
                TlsLimits.MAX_CONNECTION_EVENTS, TlsLimits.MAX_CONNECTIONS, TlsLimits.MAX_REMEMBERED_SESSIONS,
                TlsLimits.MAX_DER_SIZE, TlsLimits.MAX_DER_DEPTH, HttpLimits.MAX_HEAD_SIZE, HttpLimits.MAX_HEADER_LINES,
                HttpLimits.MAX_BODY_SIZE, HttpLimits.MAX_PENDING_REQUESTS, TlsLimits.MAX_PATH_LENGTH,
                TlsLimits.MAX_SIGNATURE_CHECKS, TlsLimits.MAX_PLAINTEXT_HELD)) {
            LIMITS.put(l.name(), l);
        }
    }

    private CapPreferences() {
    }

    private static void reassembly(Limit limit, ReassemblySetter setter) {
        REASSEMBLY.put(limit.name(), new ReassemblyCap(limit, setter));
    }

    /**
     * An engine with every dissector and the caps that {@code settings} ({@code NAME:VALUE}, as given to
     * {@code -o}) set; settings that are not caps are left for {@link Preferences}.
     *
     * @throws IllegalArgumentException for a cap whose value is not a whole number in its range
     */
    static DissectionEngine engine(List<String> settings) {
        ReassemblyOptions options = ReassemblyOptions.defaults();
        Limits limits = Limits.defaults();
        for (String setting : settings) {
            int colon = setting.indexOf(':');
            if (colon <= 0) {
                continue; // Preferences.set says how a setting is written
            }
            String name = setting.substring(0, colon);
            ReassemblyCap r = REASSEMBLY.get(name);
            Limit l = r != null ? r.limit() : LIMITS.get(name);
            if (l == null) {
                continue;
            }
            long value = l.check(parse(l, setting.substring(colon + 1)));
            if (r != null) {
                options = r.setter().apply(options, value);
            } else {
                limits = limits.with(l, value);
            }
        }
        return DissectionEngine.withDefaults(options, limits);
    }

    private static long parse(Limit limit, String value) {
        try {
            return Long.parseLong(value.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad -o " + limit.name() + ":" + value + ": " + limit.description()
                    + " must be a whole number from " + limit.min() + " to " + limit.max());
        }
    }

    /** Every cap preference, for {@link Preferences#define}: name, then a description with its default. */
    static Map<String, String> descriptions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ReassemblyCap r : REASSEMBLY.values()) {
            out.put(r.limit().name(), describe(r.limit()));
        }
        for (Limit l : LIMITS.values()) {
            out.put(l.name(), describe(l));
        }
        return out;
    }

    private static String describe(Limit l) {
        return l.description() + ", default " + l.defaultValue();
    }
}
