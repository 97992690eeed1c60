package dev.dissect.api.spi;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.FrameView;

/**
 * What a dissector sees of the engine during one call: the frame's record and the way on.
 *
 * <p>Valid only during {@link Dissector#dissect}. At most one hand-off per call; a second replaces the first.
 *
 * @since 0.1
 */
public interface DissectionContext {

    /** The frame being dissected. */
    FrameView frame();

    /** Where layers, fields, diagnostics and the info column go. */
    Dissection tree();

    /**
     * Asks the engine to dissect {@code [offset, offset + length)} next with the dissector that {@code table}
     * holds for {@code key}. Unknown keys leave the bytes as undissected data.
     */
    void handOff(DissectorTable table, long key, int offset, int length);

    /**
     * Hands a transport payload on by port, in Wireshark's order: a "decode as" override for either port, the
     * lower port, the higher port, then the table's heuristics. Unplaced bytes stay undissected data.
     */
    void handOffByPorts(DissectorTable table, int sourcePort, int destinationPort, int offset, int length);

    /** Keeps {@code [offset, offset + length)} as undissected data (tshark's {@code data} layer). */
    void handOffToData(int offset, int length);

    /** Asks the engine to dissect {@code [offset, offset + length)} next with {@code next}. */
    void handOffTo(Dissector next, int offset, int length);

    /**
     * How many bytes the current layer had on the wire, as the layers below report it (an IP header's total length
     * less its header, say): at least the {@code length} this dissector was given, and more when the capture was
     * cut short (snap length). Wireshark's {@code tvb_reported_length}; {@code tcp.len} comes from it.
     *
     * <p>A hand-off that runs to the end of the captured bytes keeps the reported bytes beyond them; one that stops
     * earlier reports just its length, unless given a reported length explicitly
     * ({@link #handOff(DissectorTable, long, int, int, int)}).
     *
     * @return the reported length, or -1 if this context does not track it (then take the captured length)
     * @since 0.2
     */
    default int reportedLength() {
        return -1;
    }

    /**
     * Like {@link #handOff(DissectorTable, long, int, int)}, saying that the next layer had {@code reportedLength}
     * bytes on the wire of which {@code length} were captured.
     *
     * @since 0.2
     */
    default void handOff(DissectorTable table, long key, int offset, int length, int reportedLength) {
        handOff(table, key, offset, length);
    }

    /**
     * Like {@link #handOffTo(Dissector, int, int)} with the next layer's reported length.
     *
     * @since 0.2
     */
    default void handOffTo(Dissector next, int offset, int length, int reportedLength) {
        handOffTo(next, offset, length);
    }
}
