package dev.dissect.tls.ladder;

import java.util.Objects;

/**
 * One fact written beside an arrow: {@code Seq=0}, {@code SNI example.test}, {@code certificate CN=example.test}.
 *
 * @param kind what the fact is about, so a renderer can style or leave out a kind and a test can find it
 * @param text the fact as printed; never null
 * @since 0.1
 */
public record Annotation(Kind kind, String text) {
    public Annotation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** What an annotation says. */
    public enum Kind {
        /** TCP relative sequence number, {@code Seq=1}. */
        TCP_SEQ,
        /** TCP relative acknowledgement number, {@code Ack=1}. */
        TCP_ACK,
        /** TCP payload length, {@code Len=220}. */
        TCP_LEN,
        /** Frames folded into one arrow: TCP segments of one TLS message, or runs of application data. */
        FRAMES,
        /** DNS transaction id, question or answer details. */
        DNS,
        /** The TLS version offered or chosen. */
        TLS_VERSION,
        /** The server name the client asked for. */
        SNI,
        /** ALPN protocols offered or chosen. */
        ALPN,
        /** Cipher suites offered: how many and the first few. */
        SUITES_OFFERED,
        /** The cipher suite the server chose. */
        SUITE_CHOSEN,
        /** How keys are agreed: RSA, ECDHE with a group, PSK. */
        KEY_EXCHANGE,
        /** The leaf certificate's subject. */
        CERTIFICATE,
        /** The certificate chain's validation verdict. */
        VALIDATION,
        /** Whether a Finished message was verified (needs keys). */
        FINISHED,
        /** Resumption, HelloRetryRequest, or message types inferred without keys. */
        NOTE,
        /** A TLS alert. */
        ALERT,
        /** How much application data. */
        DATA
    }
}
