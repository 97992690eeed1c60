package dev.dissect.net.engine;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.spi.Dissector;
import dev.dissect.api.spi.DissectorTable;
import dev.dissect.api.spi.HeuristicDissector;
import dev.dissect.api.stream.HeuristicStreamDissector;
import dev.dissect.api.stream.StreamDissector;

/**
 * The one place that decides which dissector gets a transport payload, in Wireshark's order
 * ({@code decode_udp_ports}/{@code decode_tcp_ports}):
 * <ol>
 *   <li>a "decode as" override for either port (source first);</li>
 *   <li>the dissector registered for the lower port, then for the higher one;</li>
 *   <li>the table's heuristics, in registration order;</li>
 *   <li>otherwise the payload is data.</li>
 * </ol>
 */
final class PortDispatch {
    private PortDispatch() {
    }

    static Dissector choose(DissectorTable table, int sourcePort, int destinationPort, ByteView bytes, int offset,
                            int length, Dissector fallback) {
        if (table instanceof DissectorTableImpl impl) {
            Dissector forced = impl.override(sourcePort);
            if (forced == null) {
                forced = impl.override(destinationPort);
            }
            if (forced != null) {
                return forced;
            }
        }
        int low = Math.min(sourcePort, destinationPort);
        int high = Math.max(sourcePort, destinationPort);
        Dissector d = table.lookup(low);
        if (d == null && high != low) {
            d = table.lookup(high);
        }
        if (d != null) {
            return d;
        }
        for (HeuristicDissector h : table.heuristics()) {
            if (h.accepts(bytes, offset, length)) {
                return h;
            }
        }
        return fallback;
    }

    /**
     * The stream dissector for a flow, chosen once at its first payload in the same order: "decode as" for either
     * port, the lower port, the higher port, then stream heuristics; null if none (the payload then goes to packet
     * dissectors by {@link #choose}).
     */
    static StreamDissector chooseStream(DissectorTable table, int sourcePort, int destinationPort, ByteView bytes,
                                        int offset, int length) {
        if (table instanceof DissectorTableImpl impl) {
            StreamDissector forced = impl.streamOverride(sourcePort);
            if (forced == null) {
                forced = impl.streamOverride(destinationPort);
            }
            if (forced != null) {
                return forced;
            }
            if (impl.override(sourcePort) != null || impl.override(destinationPort) != null) {
                return null;
            }
        }
        int low = Math.min(sourcePort, destinationPort);
        int high = Math.max(sourcePort, destinationPort);
        StreamDissector d = table.lookupStream(low);
        if (d == null && high != low) {
            d = table.lookupStream(high);
        }
        if (d != null) {
            return d;
        }
        for (HeuristicStreamDissector h : table.streamHeuristics()) {
            if (h.accepts(bytes, offset, length)) {
                return h;
            }
        }
        return null;
    }
}
