package dev.dissect.tls.record;

import dev.dissect.api.stream.StreamDissector;
import dev.dissect.net.engine.Limits;
import dev.dissect.net.wire.TlsRecordView;
import dev.dissect.tls.TlsLimits;
import dev.dissect.tls.TlsPreferences;
import dev.dissect.tls.connection.TlsConnection;
import dev.dissect.tls.decrypt.TlsSession;
import dev.dissect.tls.handshake.HandshakeReassembler;
import dev.dissect.tls.handshake.HandshakeSession;

/**
 * What the TLS dissector remembers of one TCP connection, kept in the flow's store and dropped with it: the
 * handshake session, the decryption state, and per direction whether ChangeCipherSpec was sent, a handshake
 * reassembly buffer, whether framing must resynchronise after lost bytes, and the decrypted application data on
 * its way to the next stream dissector (chosen once, by ALPN or by the first plaintext bytes).
 */
final class TlsFlowState {
    final HandshakeSession session;
    final HandshakeReassembler[] handshake;
    final boolean[] changedCipherSpec = new boolean[2];
    final boolean[] resynchronize = new boolean[2];
    final boolean[] started = new boolean[2];
    /** Per direction, the last frame whose bytes began a call (where tshark's TLS dissector is called afresh). */
    final long[] callFrame = {-1, -1};
    /** Whether a record has fixed the connection's version, as tshark's {@code ssl_try_set_version} does. */
    boolean versionKnown;
    /** Whether tshark would take the connection for SSLv2 (see {@code TlsStreamDissector.sslv2Record}). */
    boolean sslv2;
    /** The frame, and the index in its tree, of the tls layer its records starting in that frame share. */
    long freshFrame = -1;
    int freshLayer = -1;
    final TlsRecordView record = new TlsRecordView();
    final TlsPreferences preferences;
    final TlsSession decryption;
    final PlaintextStream[] plaintext;
    /** The dissector of decrypted application data, once chosen; null for none. */
    StreamDissector next;
    boolean nextChosen;

    TlsFlowState(TlsConnection connection, TlsPreferences preferences, Limits limits) {
        int maxMessage = limits.getInt(TlsLimits.MAX_HANDSHAKE_SIZE);
        this.handshake = new HandshakeReassembler[] {new HandshakeReassembler(maxMessage),
            new HandshakeReassembler(maxMessage)};
        this.session = new HandshakeSession(connection, limits);
        int maxHeld = limits.getInt(TlsLimits.MAX_PLAINTEXT_HELD);
        this.plaintext = new PlaintextStream[] {new PlaintextStream(maxHeld), new PlaintextStream(maxHeld)};
        this.preferences = preferences;
        this.decryption = new TlsSession(preferences.keyring());
    }

    TlsConnection connection() {
        return session.connection();
    }
}
