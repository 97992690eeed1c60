package dev.dissect.bench;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.tls.connection.TlsConnection;
import dev.dissect.tls.connection.TlsConnections;
import dev.dissect.tls.fingerprint.FingerprintFields;
import dev.dissect.tls.handshake.HandshakeFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The jobs of the shared anchor runner's peers ({@code run_anchors.sh}, gopacket-bench's modes), done with dissect,
 * one process per run, printing one line per pass in gopacket-bench's format so both sit in one table:
 * <pre>
 * java -cp dissect-benchmarks/target/benchmarks.jar dev.dissect.bench.AnchorJobs MODE CAPTURE [PASSES]
 * </pre>
 * <ul>
 *   <li>{@code walk}: the records only, no dissection (our floor through the library's reader).</li>
 *   <li>{@code headers}: every frame on its own, L2-L4 and DNS decoded, no state: gopacket's {@code dlp}.</li>
 *   <li>{@code assembly}: the session too (flows, TCP analysis and reassembly, defragmentation, TLS and DNS over
 *       the streams), no field recorded: more than gopacket's {@code assembly}, which only counts stream bytes.</li>
 *   <li>{@code sni}: the full pipeline of the performance issue: the above plus the SNI and JA3 of every TLS
 *       connection (gopacket's {@code sni} finds only the SNI).</li>
 * </ul>
 * Pass 1 includes the JIT's warm-up; later passes are steady state (a fresh session each pass).
 */
public final class AnchorJobs {
    private AnchorJobs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: AnchorJobs walk|headers|assembly|sni CAPTURE [PASSES]");
            System.exit(2);
        }
        String mode = args[0];
        Path capture = Path.of(args[1]);
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        DissectionEngine engine = DissectionEngine.withDefaults();
        Dissection d = new Dissection();
        d.setInfoWanted(false);
        switch (mode) {
            case "walk", "assembly" -> d.recordNoFields();
            case "headers" -> {
                d.recordNoFields();
                engine.trackSessions(false);
            }
            case "sni" -> d.recordFields(List.of(HandshakeFields.SERVER_NAME, FingerprintFields.JA3));
            default -> {
                System.err.println("unknown mode " + mode);
                System.exit(2);
            }
        }
        for (int pass = 1; pass <= passes; pass++) {
            engine.resetSession();
            long start = System.nanoTime();
            long packets = 0;
            long bytes = 0;
            long check = 0;
            try (CaptureSource source = Captures.open(capture)) {
                for (FrameView frame; (frame = source.next()) != null; ) {
                    packets++;
                    bytes += frame.capturedLength();
                    if (mode.equals("walk")) {
                        check += frame.data().u8(0);
                    } else {
                        engine.dissect(frame, d);
                        check += d.layerCount();
                    }
                }
            }
            String extra = mode.equals("sni") ? sniSummary(engine) : "";
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf("mode=%s pass=%d packets=%d bytes=%d secs=%.4f pps=%.0f MBps=%.1f check=%d%s%n", mode,
                    pass, packets, bytes, secs, packets / secs, bytes / secs / 1e6, check, extra);
        }
    }

    /** SNIs and JA3s of every connection, read from the session's connection summaries. */
    private static String sniSummary(DissectionEngine engine) {
        int named = 0;
        Set<String> names = new HashSet<>();
        Set<String> ja3s = new HashSet<>();
        for (TlsConnection c : TlsConnections.of(engine.session()).all()) {
            if (c.serverName() != null) {
                named++;
                names.add(c.serverName());
            }
            if (c.ja3() != null) {
                ja3s.add(c.ja3());
            }
        }
        return " sni=" + named + " distinct=" + names.size() + " ja3=" + ja3s.size();
    }
}
