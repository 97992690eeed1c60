package dev.dissect.tls.fingerprint;

import dev.dissect.tls.handshake.HelloFacts;

/**
 * The fingerprints of one ClientHello (JA3, JA4) or ServerHello (JA3S), each computed on first read and kept.
 * Hashing them costs more than dissecting the hello, and most passes read none: a connection keeps these and pays
 * only when asked.
 */
public final class HelloFingerprints {
    private final HelloFacts hello;
    private String ja3Full;
    private String ja3;
    private String ja4;
    private String ja4Raw;

    /** Fingerprints of {@code hello}, which must not change any more. */
    public HelloFingerprints(HelloFacts hello) {
        this.hello = hello;
    }

    /** JA3's (or for a ServerHello JA3S's) string before hashing. */
    public String ja3Full() {
        if (ja3Full == null) {
            ja3Full = hello.server() ? Ja3.serverFull(hello) : Ja3.clientFull(hello);
        }
        return ja3Full;
    }

    /** JA3 (JA3S for a ServerHello): the MD5 of {@link #ja3Full()}. */
    public String ja3() {
        if (ja3 == null) {
            ja3 = Ja3.hash(ja3Full());
        }
        return ja3;
    }

    /** JA4 of a ClientHello; null for a ServerHello. */
    public String ja4() {
        if (ja4 == null && !hello.server()) {
            ja4 = Ja4.fingerprint(hello);
        }
        return ja4;
    }

    /** JA4's raw (unhashed, sorted) form; null for a ServerHello. */
    public String ja4Raw() {
        if (ja4Raw == null && !hello.server()) {
            ja4Raw = Ja4.raw(hello);
        }
        return ja4Raw;
    }
}
