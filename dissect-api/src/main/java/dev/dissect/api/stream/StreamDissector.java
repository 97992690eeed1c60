package dev.dissect.api.stream;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.field.Protocol;

/**
 * Dissects a byte stream (one direction of a TCP connection) that arrives in pieces: the engine hands over ordered
 * bytes; the dissector takes whole messages and says how many bytes it consumed.
 *
 * <pre>
 *   segment 1        segment 2              segment 3
 * +----------+  +------------------+  +--------------+
 * | len=6 ab |  | cdef len=3 xyz l |  | en=2 hi      |
 * +----------+  +------------------+  +--------------+
 *  call 1: 8 bytes, consumes 0, requestMore(4)
 *  call 2: 18 bytes (frames 1+2), consumes 13, then 5 bytes: consumes 0 (2 of 4 bytes of a length)
 *  call 3: 13 bytes, consumes 13
 * </pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #dissect} gets every byte of its direction that is not yet consumed, in order, from the first
 *       unconsumed byte. It returns the number of bytes it consumed ({@code 0..length}). Whatever it leaves is
 *       handed over again, with more bytes after it, once more arrive. The engine calls again at once when bytes
 *       were consumed and some remain; it stops when a call consumes nothing.</li>
 *   <li>To wait for a known number of bytes, call {@link StreamContext#requestMore(int)} (Wireshark's
 *       {@code tcp_dissect_pdus}, Netty's cumulating decoders); without a request the engine assumes one more
 *       byte is needed.</li>
 *   <li><b>In-order data is not copied</b>: when nothing is held over, {@code data} is the segment's own frame.
 *       Bytes held over are copied once into the flow's buffer. Either way the view is valid only during the call
 *       and must never be written.</li>
 *   <li>Never throw on bad bytes; report them as diagnostics in {@link StreamContext#tree()}. A dissector that
 *       throws is stopped for that direction and the exception recorded as a diagnostic.</li>
 *   <li>Keep no per-flow state in fields: use {@link StreamContext#flowState}. One instance serves every flow
 *       of its engine, one call at a time.</li>
 *   <li><b>Segmentation never matters.</b> However the same bytes are cut into segments, the same messages come
 *       out with the same fields (the testkit's {@code StreamDissectorContract} checks this).</li>
 * </ul>
 *
 * <p>Register with {@link dev.dissect.api.spi.Registrar#addStream} in {@code tcp.port}, or as a
 * {@link HeuristicStreamDissector}; "decode as" works as for packet dissectors.
 *
 * @since 0.1
 */
public interface StreamDissector {

    /** The protocol this dissector adds as a layer. Never null. */
    Protocol protocol();

    /**
     * Dissects what it can of {@code [offset, offset + length)}.
     *
     * @return how many bytes, from {@code offset}, were consumed: {@code 0..length}
     */
    int dissect(StreamContext ctx, ByteView data, int offset, int length);

    /**
     * Bytes of this direction were lost: {@code missing} bytes never arrived (or were dropped under a memory cap).
     * Bytes held over from before the gap are dropped. The default resynchronises.
     */
    default GapAction onGap(StreamContext ctx, long missing) {
        return GapAction.RESYNCHRONIZE;
    }

    /**
     * This direction ended (FIN or RST) with {@code [offset, offset + length)} still unconsumed (possibly none).
     * The default does nothing: the bytes stay undissected.
     */
    default void onEnd(StreamContext ctx, ByteView data, int offset, int length) {
    }
}
