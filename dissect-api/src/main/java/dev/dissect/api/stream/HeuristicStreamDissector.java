package dev.dissect.api.stream;

import dev.dissect.api.buffer.ByteView;

/**
 * A stream dissector that recognises its protocol from the first bytes of a flow rather than by port.
 *
 * <p>Asked once per flow, with the first payload seen. {@link #dissect} is only called if {@link #accepts} returned
 * true. {@code accepts} must be cheap, read only {@code [offset, offset + length)}, never throw and change nothing.
 *
 * @since 0.1
 */
public interface HeuristicStreamDissector extends StreamDissector {

    /** True if these bytes look like the start of this protocol. */
    boolean accepts(ByteView data, int offset, int length);
}
