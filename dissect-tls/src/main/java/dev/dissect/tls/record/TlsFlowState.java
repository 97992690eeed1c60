package dev.dissect.tls.record;

import dev.dissect.net.wire.TlsRecordView;
import dev.dissect.tls.connection.TlsConnection;
import dev.dissect.tls.handshake.HandshakeReassembler;
import dev.dissect.tls.handshake.HandshakeSession;

/**
 * What the TLS dissector remembers of one TCP connection, kept in the flow's store and dropped with it: the
 * handshake session, and per direction whether ChangeCipherSpec was sent, a handshake reassembly buffer and
 * whether framing must resynchronise after lost bytes.
 */
final class TlsFlowState {
    final HandshakeSession session;
    final HandshakeReassembler[] handshake = {new HandshakeReassembler(), new HandshakeReassembler()};
    final boolean[] changedCipherSpec = new boolean[2];
    final boolean[] resynchronize = new boolean[2];
    final boolean[] started = new boolean[2];
    final TlsRecordView record = new TlsRecordView();

    TlsFlowState(TlsConnection connection) {
        this.session = new HandshakeSession(connection);
    }

    TlsConnection connection() {
        return session.connection();
    }
}
