package dev.dissect.hostile;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.LinkType;
import dev.dissect.net.engine.CoreFields;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.net.reassembly.ReassemblyOptions;
import dev.dissect.testkit.TestFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds a case's frames through one engine as they are generated (nothing is kept but tallies), one millisecond
 * apart, and tallies what the dissection said: diagnostics by name, frames whose dissector threw, the deepest frame
 * and the info column of each frame, the largest state the session held.
 */
final class EngineRun {
    final DissectionEngine engine;
    final Map<String, Integer> diagnostics = new LinkedHashMap<>();
    final List<String> messages = new ArrayList<>();
    final List<String> info = new ArrayList<>();
    final List<Integer> diagnosticsPerFrame = new ArrayList<>();
    int frames;
    int failures;
    int maxLayers;
    int peakFlows;
    int peakDatagrams;

    private EngineRun(DissectionEngine engine) {
        this.engine = engine;
    }

    static EngineRun of(EngineCases.Case c) {
        return of(c, ReassemblyOptions.defaults());
    }

    static EngineRun of(EngineCases.Case c, ReassemblyOptions options) {
        EngineRun run = new EngineRun(DissectionEngine.withDefaults(options));
        Dissection d = new Dissection();
        boolean keepInfo = c.kind() != EngineCases.Kind.FLOOD;
        c.generator().frames(bytes -> run.dissect(d, bytes, keepInfo));
        return run;
    }

    private void dissect(Dissection d, byte[] bytes, boolean keepInfo) {
        frames++;
        long millis = frames;
        TestFrame f = new TestFrame(frames, 1_700_000_000L + millis / 1_000, (int) (millis % 1_000) * 1_000_000,
                LinkType.ETHERNET, bytes, bytes.length);
        engine.dissect(f, d);
        maxLayers = Math.max(maxLayers, d.layerCount());
        peakFlows = Math.max(peakFlows, engine.session().tcp().flowCount());
        peakDatagrams = Math.max(peakDatagrams, engine.session().defragmenter().pendingCount());
        diagnosticsPerFrame.add(d.diagnosticCount());
        for (int i = 0; i < d.diagnosticCount(); i++) {
            String name = d.diagnosticDef(i).name();
            diagnostics.merge(name, 1, Integer::sum);
            if (d.diagnosticDef(i) == CoreFields.DISSECTOR_FAILED) {
                failures++;
            }
            if (messages.size() < 1_000) {
                messages.add(name + ": " + d.diagnosticMessage(i));
            }
        }
        if (keepInfo) {
            info.add(d.info().toString());
        }
    }

    boolean said(String diagnosticName) {
        return diagnostics.containsKey(diagnosticName);
    }

    boolean saidMessageContaining(String text) {
        return messages.stream().anyMatch(m -> m.contains(text));
    }
}
