package dev.dissect.api.spi;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.field.Protocol;

/**
 * Dissects one protocol layer of a frame and says what comes next.
 *
 * <p>The engine calls {@link #dissect} with the bytes of this layer and everything after it. The dissector adds
 * a layer, fields and diagnostics to {@link DissectionContext#tree()}, then either hands the rest on
 * ({@link DissectionContext#handOff}) or returns without doing so, which ends the frame (what is left becomes
 * undissected bytes). The engine, not the dissector, calls the next layer: nesting depth is bounded by the
 * engine and no dissector recurses.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Never throw on bad bytes.</b> Check every length against {@code length} before reading; report
 *       truncation or malformation with {@link dev.dissect.api.dissection.Dissection#diagnose} and return.</li>
 *   <li><b>Read only {@code [offset, offset + length)}.</b> The view is bounds-checked against the whole frame,
 *       not against your slice.</li>
 *   <li><b>Keep nothing.</b> The view and its bytes are valid only during the call; copy what must outlive it
 *       ({@link ByteView#toArray(int, int)}). Per-flow state belongs to the engine's stores, never to static
 *       fields.</li>
 *   <li><b>Fields point into the bytes.</b> {@link dev.dissect.api.dissection.Dissection#add} keeps the view and
 *       the offset you pass, not a copy: pass {@code data} itself (or a view that stays on the same bytes until
 *       the next frame). Only emit fields you declared with {@link Registrar#protocol}.</li>
 *   <li><b>One thread at a time.</b> One instance serves every frame of its engine, one call after another; it
 *       may keep reusable scratch objects (a flyweight view it re-wraps each call) but no state from one call to
 *       the next. Each engine loads its own provider instances.</li>
 * </ul>
 *
 * <p>See {@link dev.dissect.api.spi the package overview} for the whole contract, and the testkit's
 * {@code DissectorContract} for a property suite that checks it on arbitrary bytes.
 *
 * @since 0.1
 */
public interface Dissector {

    /** The protocol this dissector adds as a layer. Never null. */
    Protocol protocol();

    /**
     * Dissects {@code [offset, offset + length)} of {@code data}.
     *
     * @param ctx    where results go and how to hand on; valid only during the call
     * @param data   the frame (or reassembled datagram); index 0 is its first byte
     * @param offset first byte of this layer
     * @param length bytes from {@code offset} to the end of what this layer may use
     */
    void dissect(DissectionContext ctx, ByteView data, int offset, int length);
}
