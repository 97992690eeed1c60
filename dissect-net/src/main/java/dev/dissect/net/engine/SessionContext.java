package dev.dissect.net.engine;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.Dissector;
import dev.dissect.api.spi.DissectorTable;
import dev.dissect.api.stream.StreamDissector;
import dev.dissect.net.flow.SessionStore;

/**
 * The engine's {@link DissectionContext} as the built-in dissectors see it: the session's state (flows,
 * defragmentation) and hand-offs onto bytes other than the frame's (a reassembled datagram).
 *
 * <p>Plugins depend on {@code dissect-api} alone and never need this; built-in dissectors check
 * {@code ctx instanceof SessionContext} and work statelessly otherwise.
 */
public interface SessionContext extends DissectionContext, SessionStore.Scope {

    /** The session this frame belongs to. */
    DissectionSession session();

    /** Like {@link #handOff} but onto {@code data} (valid until the next frame) instead of the frame's bytes. */
    void handOff(DissectorTable table, long key, ByteView data, int offset, int length);

    /**
     * The stream dissector for a new flow's payload, in the order of {@link PortDispatch}: "decode as", the lower
     * port, the higher port, then stream heuristics; null if none.
     */
    StreamDissector chooseStream(DissectorTable table, int sourcePort, int destinationPort, ByteView data,
                                 int offset, int length);

    /** The session's store of dissector state ({@link DissectionSession#store()}). */
    @Override
    default SessionStore sessionStore() {
        return session().store();
    }

    /**
     * The source port of this frame's last hand-off by ports ({@link #handOffByPorts}: the innermost UDP or TCP
     * header so far), or -1 if none. With {@link DissectionSession#endpoints()} it names the transport flow of a
     * payload without reading recorded fields.
     */
    default int sourcePort() {
        return -1;
    }

    /** The destination port of this frame's last hand-off by ports, or -1; see {@link #sourcePort()}. */
    default int destinationPort() {
        return -1;
    }

    /** Calls {@code next} on {@code data} next (used by the reassembled-datagram path). */
    void handOffTo(Dissector next, ByteView data, int offset, int length);
}
