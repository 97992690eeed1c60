package dev.dissect.testplugin;

import dev.dissect.api.spi.DissectorProvider;
import dev.dissect.api.spi.Registrar;

/** Registers WTP on UDP port 7777 and as a UDP heuristic; found by ServiceLoader alone. */
public final class WidgetProvider implements DissectorProvider {
    /** The protocol's registered port. */
    public static final int PORT = 7777;

    @Override
    public String id() {
        return "example.wtp";
    }

    @Override
    public void register(Registrar r) {
        WidgetDissector wtp = new WidgetDissector();
        r.protocol(WidgetDissector.PROTOCOL, WidgetDissector.FIELDS);
        r.diagnostics(WidgetDissector.TOO_SHORT);
        r.add("udp.port", PORT, wtp);
        r.addHeuristic("udp.port", wtp);
    }
}
