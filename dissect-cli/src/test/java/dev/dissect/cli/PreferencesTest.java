package dev.dissect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.net.engine.DissectionEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreferencesTest {
    private final DissectionEngine engine = DissectionEngine.withDefaults();

    @Test
    void definedPreferencesReceiveTheirValue() {
        List<String> seen = new ArrayList<>();
        Preferences prefs = new Preferences(engine).define("tls.keylog_file", "NSS key log", (e, v) -> seen.add(v));
        prefs.set("tls.keylog_file:/tmp/keys:with:colons");
        assertEquals(List.of("/tmp/keys:with:colons"), seen);
        assertTrue(prefs.known().contains("tls.keylog_file (NSS key log)"), prefs.known());
    }

    @Test
    void portRangesAndErrors() {
        Preferences prefs = Preferences.forCommand(engine);
        prefs.set("udp.tcp.port:80, 8000-8002");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> prefs.set("udp.tcp.port:9-8"));
        assertTrue(e.getMessage().contains("bad port range \"9-8\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> prefs.set("tcp.desegment_tcp_streams:TRUE"));
        assertTrue(e.getMessage().startsWith("unknown preference \"tcp.desegment_tcp_streams\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> prefs.set(":x"));
    }
}
