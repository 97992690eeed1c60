package dev.dissect.tls.handshake;

import java.util.Arrays;

/**
 * The lists of one ClientHello or ServerHello that fingerprints are made from, in wire order, GREASE included
 * (each fingerprint decides what to leave out). Filled while the message is dissected; one per hello.
 */
public final class HelloFacts {
    /** An ordered list of unsigned 16-bit values. */
    public static final class Values {
        private int[] items = new int[16];
        private int size;

        void add(int value) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = value;
        }

        public int size() {
            return size;
        }

        public int get(int i) {
            return items[i];
        }
    }

    private final boolean server;
    int version = -1;
    /** The highest non-GREASE supported_versions value (client) or the selected one (server); -1 if absent. */
    int supportedVersion = -1;
    final Values ciphers = new Values();
    final Values extensions = new Values();
    final Values groups = new Values();
    final Values pointFormats = new Values();
    final Values signatureAlgorithms = new Values();
    byte[] firstAlpn;
    boolean sni;

    public HelloFacts(boolean server) {
        this.server = server;
    }

    public boolean server() {
        return server;
    }

    /** legacy_version of the hello. */
    public int version() {
        return version;
    }

    /** See the field. */
    public int supportedVersion() {
        return supportedVersion;
    }

    /** Offered suites (client) or the chosen one (server). */
    public Values ciphers() {
        return ciphers;
    }

    public Values extensions() {
        return extensions;
    }

    public Values groups() {
        return groups;
    }

    public Values pointFormats() {
        return pointFormats;
    }

    /** signature_algorithms, in wire order. */
    public Values signatureAlgorithms() {
        return signatureAlgorithms;
    }

    /** Bytes of the first ALPN protocol offered, or null. */
    public byte[] firstAlpn() {
        return firstAlpn;
    }

    /** True if a server_name extension was present. */
    public boolean hasServerName() {
        return sni;
    }
}
