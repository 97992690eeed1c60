package dev.dissect.api.stream;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.flow.FlowKey;
import dev.dissect.api.frame.FrameView;
import java.util.function.Supplier;

/**
 * What a {@link StreamDissector} sees of the reassembly engine during one call.
 *
 * <p><b>Results belong to the frame that completed them.</b> {@link #tree()} is the record of the frame being
 * dissected now, the one whose segment completed the bytes handed over, as Wireshark attributes a reassembled PDU
 * to its last segment. {@link #frameOf(int)} tells where earlier bytes came from.
 *
 * <p>Valid only during the call. Not thread-safe (the engine is single-threaded per session).
 *
 * @since 0.1
 */
public interface StreamContext {

    /** The frame being dissected: the one that completed the bytes handed over. */
    FrameView frame();

    /** Where layers, fields, diagnostics and the info column go (the current frame's record). */
    Dissection tree();

    /** The flow, made once per flow. Never null. */
    FlowKey flow();

    /** Which way the bytes handed over travel. */
    StreamDirection direction();

    /** The flow's {@code tcp.stream} number. */
    long streamIndex();

    /** Position in this direction's byte stream of the first byte handed over (0 is the first byte after the SYN). */
    long streamOffset();

    /**
     * The number of the frame that carried byte {@code index} of the view handed over ({@code offset <= index <
     * offset + length} of the current call); the current frame's number for indexes outside that range.
     */
    long frameOf(int index);

    /**
     * Asks to be called again once {@code n} more bytes than were handed over are there (Wireshark's
     * {@code desegment_len}). Call it, then return how many bytes were consumed. Replaces an earlier request.
     */
    void requestMore(int n);

    /**
     * Like {@link #requestMore(int)}, for a message the dissector will not read past its first {@code keep}
     * unconsumed bytes (its header; an encrypted record that nothing can decrypt): of the bytes handed over, only
     * the first {@code keep} not consumed are held; the rest of them, and the {@code n} bytes still to come, are
     * counted as they pass, never held or copied. Once the last has passed the dissector is called again with the
     * {@code keep} bytes and {@link #skippedBytes()} telling how many of the message followed them; that call must
     * consume all it is handed. Bytes lost inside the passed-over part are no gap. Results go to the frame of the
     * message's last byte, as with {@link #requestMore(int)}.
     *
     * <p>An engine may hand everything over instead, exactly as for {@code requestMore(n)} (the default): a
     * dissector that asks must accept a whole message too.
     *
     * @param keep how many of the unconsumed bytes handed over to hold (at least the message's header)
     * @param n    how many bytes of the message are still to come after those handed over
     * @since 0.3
     */
    default void skipMore(int keep, int n) {
        requestMore(n);
    }

    /**
     * In the call that completes a {@link #skipMore(int, int)}: how many bytes of the message follow the ones handed over
     * and were passed over; 0 in every other call.
     *
     * @since 0.3
     */
    default long skippedBytes() {
        return 0;
    }

    /**
     * Asks for every byte until this direction ends: nothing more is handed over until FIN or RST, and then
     * {@link StreamDissector#onEnd} gets all of it (bounded by the engine's per-flow cap).
     */
    void requestUntilEnd();

    /**
     * The flow's instance of {@code type}, made with {@code factory} on first use. It lives as long as the flow
     * and is dropped with it (end of stream, idle timeout or eviction). Never null.
     */
    <T> T flowState(Class<T> type, Supplier<? extends T> factory);

    /**
     * The session's instance of {@code type}, made with {@code factory} on first use: state that outlives flows and
     * is read after a pass (a registry of every TLS connection seen). It lives as long as the engine's session and
     * is dropped with it. The default returns null: the engine keeps no session-wide state.
     *
     * @since 0.1
     */
    default <T> T sessionState(Class<T> type, Supplier<? extends T> factory) {
        return null;
    }
}
