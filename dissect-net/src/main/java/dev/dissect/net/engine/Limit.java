package dev.dissect.net.engine;

/**
 * One cap on what a dissector keeps or does, declared by the class it bounds and named as a preference in
 * Wireshark's style ({@code PROTOCOL.NAME}), so that the CLI's {@code -o NAME:VALUE} and {@link Limits#with} set it
 * alike. docs/limits.md lists every cap with its default and what happens when it is reached.
 *
 * @param name         the preference name, e.g. {@code tls.max_handshake_size}
 * @param description  what is counted, in a few words, for help and error messages
 * @param defaultValue the value unless set
 * @param min          the smallest accepted value
 * @param max          the largest accepted value (what the code can hold, not a recommendation)
 * @since 0.1
 */
public record Limit(String name, String description, long defaultValue, long min, long max) {

    public Limit {
        if (name == null || !name.matches("[a-z0-9_]+(\\.[a-z0-9_]+)+")) {
            throw new IllegalArgumentException("not a preference name: " + name);
        }
        if (min > defaultValue || defaultValue > max) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " outside " + min + ".." + max);
        }
    }

    /** A cap that counts something up to an {@code int}. */
    public static Limit of(String name, String description, int defaultValue, int min, int max) {
        return new Limit(name, description, defaultValue, min, max);
    }

    /**
     * {@code value} if this cap accepts it.
     *
     * @throws IllegalArgumentException naming the cap and its range otherwise
     */
    public long check(long value) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " (" + description + ") must be " + min + " to " + max
                    + ", not " + value);
        }
        return value;
    }
}
