package dev.dissect.api.spi;

import dev.dissect.api.buffer.ByteView;

/**
 * A dissector that recognises its protocol by content rather than by a port or type number.
 *
 * <p>{@link #dissect} is only called if {@link #accepts} returned true for the same bytes. {@code accepts} must
 * be cheap, read only {@code [offset, offset + length)}, never throw and change nothing.
 *
 * @since 0.1
 */
public interface HeuristicDissector extends Dissector {

    /** True if these bytes look like this protocol. */
    boolean accepts(ByteView data, int offset, int length);
}
