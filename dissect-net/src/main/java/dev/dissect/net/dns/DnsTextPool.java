package dev.dissect.net.dns;

import dev.dissect.api.dissection.Dissection;

/**
 * Reusable builders for the text values DNS records in a {@link Dissection} (names, character strings), so that
 * dissecting a message allocates nothing once warm, even with every field recorded.
 *
 * <p><b>A value lives as long as the frame's record</b>, which is the lifetime the record gives its byte-valued
 * fields: until the same {@code Dissection} is reset for another frame. Builders are handed out again only then.
 * A new frame in the same record is recognised by its DNS layer: within one frame each message's layer comes after
 * the previous one's, so a layer index not above the last one seen means the record was reset. A different record
 * gets fresh builders (the old record may still be read). Values are {@link StringBuilder}s: read them, never
 * change them; {@link Dissection#valueString(int)} copies one out.
 *
 * <p><b>Bounded:</b> past {@link #MAX_POOLED} values in one frame, new values are plain Strings. Not thread-safe.
 */
final class DnsTextPool {
    /** Builders kept at most; a frame that needs more gets Strings for the rest. */
    static final int MAX_POOLED = 4096;

    private StringBuilder[] builders = new StringBuilder[32];
    private int used;
    private Dissection owner;
    private int lastLayer = Integer.MAX_VALUE;

    /**
     * Starts a message whose layer is {@code layer} of {@code tree}; {@code sameLayer} when it adds to the layer
     * of the previous message (several DNS-over-TCP messages of one segment).
     */
    void beginMessage(Dissection tree, int layer, boolean sameLayer) {
        if (sameLayer && tree == owner) {
            return;
        }
        if (tree != owner) {
            owner = tree;
            builders = new StringBuilder[32];
            used = 0;
        } else if (layer <= lastLayer) {
            used = 0;
        }
        lastLayer = layer;
    }

    /** An empty builder that stays untouched until the record is reset, or null when the pool is used up. */
    StringBuilder next() {
        if (used == builders.length) {
            if (used == MAX_POOLED) {
                return null;
            }
            builders = java.util.Arrays.copyOf(builders, Math.min(MAX_POOLED, used * 2));
        }
        StringBuilder b = builders[used];
        if (b == null) {
            b = new StringBuilder(32);
            builders[used] = b;
        }
        used++;
        b.setLength(0);
        return b;
    }

    /** {@code text} as a value to record: copied into a pooled builder, or a String once the pool is used up. */
    CharSequence copy(CharSequence text) {
        StringBuilder b = next();
        return b == null ? text.toString() : b.append(text);
    }
}
