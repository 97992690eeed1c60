package dev.dissect.net.dns;

import dev.dissect.net.engine.Limit;

/**
 * The DNS dissector's caps, set with {@code Limits.with} or the CLI's {@code -o NAME:VALUE} (docs/limits.md).
 * Each bounds a table kept for the whole capture; what does not fit is forgotten, never grown.
 *
 * @since 0.1
 */
public final class DnsLimits {
    /**
     * Open queries remembered to match responses ({@code dns.response_to}, {@code dns.time}), rounded up to a power
     * of two: a new query whose four-way set is full replaces the oldest of the set.
     */
    public static final Limit MAX_OPEN_QUERIES = Limit.of("dns.max_open_queries",
            "open DNS queries remembered to match responses", 4_096, DnsTransactions.WAYS, 1 << 24);

    /** Query-response matches the first of two passes ({@code -2}) keeps for {@code dns.response_in}. */
    public static final Limit MAX_RESPONSE_MATCHES = Limit.of("dns.max_response_matches",
            "query-response matches kept by the first of two passes", 1 << 24, 1, 1 << 26);

    /** Addresses whose resolved name is remembered (for TLS chains without SNI); the oldest is forgotten. */
    public static final Limit MAX_RESOLVED_NAMES = Limit.of("dns.max_resolved_names",
            "addresses whose DNS name is remembered", ResolvedNames.MAX_ENTRIES, 1, 1 << 24);

    private DnsLimits() {
    }
}
