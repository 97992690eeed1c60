package dev.dissect.net.engine;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.spi.Dissector;
import dev.dissect.api.spi.DissectorTable;
import dev.dissect.api.spi.HeuristicDissector;

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
}
