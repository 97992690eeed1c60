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
}
