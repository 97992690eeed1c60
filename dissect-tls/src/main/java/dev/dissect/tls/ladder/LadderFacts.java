package dev.dissect.tls.ladder;

import dev.dissect.tls.cert.ChainVerdict;
import dev.dissect.tls.connection.TlsConnection;
import dev.dissect.tls.decrypt.FinishedCheck;

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

    /**
     * What the TLS dissector found during the pass: the chain's verdict when it validated the chain
     * ({@code TlsPreferences} asks for validation), and the Finished checks when it had the keys.
     */
    LadderFacts DISSECTED = new LadderFacts() {
        @Override
        public ChainVerdict chainVerdict(TlsConnection connection) {
            return connection.chainVerdict();
        }

        @Override
        public Boolean finishedVerified(TlsConnection connection, boolean fromServer) {
            FinishedCheck check = connection.finishedCheck(fromServer);
            if (check == null || check.verdict() == FinishedCheck.Verdict.NOT_POSSIBLE) {
                return null;
            }
            return check.verdict() == FinishedCheck.Verdict.VERIFIED;
        }
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
