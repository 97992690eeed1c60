package dev.dissect.api.field;

import java.util.Objects;

/**
 * A protocol as a layer of a frame: {@code ip}, "Internet Protocol Version 4", "IPv4".
 *
 * @param filterName name in display filters and in {@code frame.protocols}, for example {@code ip}
 * @param title      full name, shown as the layer's heading in {@code -V}
 * @param shortName  name in the protocol column of summary lines, for example {@code IPv4}
 * @since 0.1
 */
public record Protocol(String filterName, String title, String shortName) {
    /** Checks that no component is null. */
    public Protocol {
        Objects.requireNonNull(filterName, "filterName");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(shortName, "shortName");
    }
}
