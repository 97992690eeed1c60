package dev.dissect.api.spi;

import dev.dissect.api.stream.HeuristicStreamDissector;
import dev.dissect.api.stream.StreamDissector;

/**
 * A named table that maps a number read from the wire ({@code ip.proto} 6, {@code udp.port} 53) to the dissector
 * of the next layer, as Wireshark's {@code dissector_add_uint}.
 *
 * <p>Handles are obtained from {@link Registrar#table(String)} while registering and kept by the dissector that
 * hands off through them; entries are resolved after every provider has registered, so ServiceLoader order never
 * matters.
 *
 * @since 0.1
 */
public interface DissectorTable {

    /** The table's name, for example {@code udp.port}. */
    String name();

    /** The dissector registered for {@code key} (a "decode as" override wins), or null. */
    Dissector lookup(long key);

    /** The heuristic dissectors tried on payloads that {@link #lookup} does not place, in registration order. */
    HeuristicDissector[] heuristics();

    /**
     * The stream dissector registered for {@code key} (a "decode as" override wins), or null. The default: none.
     *
     * @since 0.1
     */
    default StreamDissector lookupStream(long key) {
        return null;
    }

    /**
     * The heuristic stream dissectors tried on a flow's first payload, in registration order. The default: none.
     *
     * @since 0.1
     */
    default HeuristicStreamDissector[] streamHeuristics() {
        return new HeuristicStreamDissector[0];
    }
}
