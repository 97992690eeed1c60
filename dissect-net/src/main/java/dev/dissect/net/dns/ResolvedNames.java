package dev.dissect.net.dns;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names a capture's DNS responses resolved, by address: for each A or AAAA answer, the name of the response's
 * first question. Later dissectors ask which name a client looked up for the address it then connected to (TLS
 * validates a certificate chain for it when the ClientHello carries no SNI).
 *
 * <p><b>Lives in the session's store</b> ({@code store.state(ResolvedNames.class, ResolvedNames::new)}), filled by
 * the DNS dissector as responses are met, so only lookups earlier in the capture are known. <b>Bounded:</b> at most
 * {@link #MAX_ENTRIES} addresses by default ({@link DnsLimits#MAX_RESOLVED_NAMES}), the oldest forgotten first; a
 * later answer for an address replaces the earlier. Not thread-safe.
 *
 * @since 0.1
 */
public final class ResolvedNames {
    /** Addresses kept by default. */
    public static final int MAX_ENTRIES = 65_536;

    private final int maxEntries;
    private final Map<Key, String> byAddress = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
            return size() > maxEntries;
        }
    };

    /** A table of at most {@link #MAX_ENTRIES} addresses. */
    public ResolvedNames() {
        this(MAX_ENTRIES);
    }

    /** A table of at most {@code maxEntries} addresses. */
    public ResolvedNames(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** An address as a map key: 4 or 16 bytes. */
    private record Key(byte[] address) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(address, k.address);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(address);
        }
    }

    /** Remembers that {@code name} resolved to {@code address} (4 or 16 bytes; the array is kept). */
    public void put(byte[] address, String name) {
        Key k = new Key(address);
        byAddress.remove(k); // a newer answer moves to the end
        byAddress.put(k, name);
    }

    /** The name last resolved to {@code address}, or null if no response earlier in the capture gave it. */
    public String name(byte[] address) {
        return address == null ? null : byAddress.get(new Key(address));
    }
}
