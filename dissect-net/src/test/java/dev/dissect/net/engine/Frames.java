package dev.dissect.net.engine;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.LinkType;
import dev.dissect.testkit.TestFrame;
import java.util.ArrayList;
import java.util.List;

/** Dissects test frames with the default engine and reads fields back as tshark would print them. */
final class Frames {
    static final DissectionEngine ENGINE = DissectionEngine.withDefaults();

    private Frames() {
    }

    /** Dissects one frame as the first of a capture (a fresh session: no flow state from other tests). */
    static Dissection dissect(int linkType, byte[] bytes) {
        ENGINE.resetSession();
        Dissection d = new Dissection();
        ENGINE.dissect(TestFrame.of(linkType, bytes), d);
        return d;
    }

    static Dissection ethernet(byte[] bytes) {
        return dissect(LinkType.ETHERNET, bytes);
    }

    /** All occurrences of a field joined by commas, as {@code -E occurrence=a -E aggregator=,}; "" if absent. */
    static String field(Dissection d, String name) {
        List<String> values = new ArrayList<>();
        for (int i = d.find(name, 0); i >= 0; i = d.find(name, i + 1)) {
            values.add(d.valueString(i));
        }
        return String.join(",", values);
    }

    static List<String> diagnostics(Dissection d) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < d.diagnosticCount(); i++) {
            names.add(d.diagnosticDef(i).name());
        }
        return names;
    }
}
