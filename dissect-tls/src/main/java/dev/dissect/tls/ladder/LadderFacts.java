package dev.dissect.tls.ladder;

import dev.dissect.tls.cert.ChainVerdict;
import dev.dissect.tls.connection.TlsConnection;

/**
 * Facts about a connection that need more than the capture: the certificate chain's verdict (a trust store) and
 * whether the Finished messages were verified (keys). The ladder shows them when known and says nothing otherwise.
 *
 * <p>Every method has a default that knows nothing, so an implementation answers only what it can. Besides these,
 * {@link LadderBuilder} reads the verdict field {@code tls.cert_validation.verdict} whenever the TLS dissector
 * emits it.
 *
 * @since 0.1
 */
public interface LadderFacts {
    /** Knows nothing beyond the capture. */
    LadderFacts NONE = new LadderFacts() {
    };

    /** The verdict on the server's chain, or null if unknown. */
    default ChainVerdict chainVerdict(TlsConnection connection) {
        return null;
    }

    /**
     * Whether the Finished message sent by one side verified against the handshake transcript: true, false, or
     * null if unknown (no keys).
     */
    default Boolean finishedVerified(TlsConnection connection, boolean fromServer) {
        return null;
    }
}
