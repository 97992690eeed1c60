package dev.dissect.api.stream;

/**
 * What a {@link StreamDissector} does after bytes of its stream were lost (never captured, or dropped because a
 * memory cap was reached).
 *
 * @since 0.1
 */
public enum GapAction {
    /** Go on with the bytes after the gap as if a new message started there; bytes held for a message are dropped. */
    RESYNCHRONIZE,
    /** Stop: no further bytes of this direction are handed to the dissector. */
    STOP
}
