package dev.dissect.conformance;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.CaptureFormatException;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.tls.DecryptionSecretsFeed;
import dev.dissect.tls.TlsPreferences;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Dissects one capture with a fresh engine and compares it, frame by frame and cell by cell, with tshark's TSV:
 * row i against frame i, every column we register.
 *
 * <p>As tshark does, the capture's own pcapng Decryption Secrets Blocks are used as they are met; a decrypted run
 * ({@link Corpus.Case#decrypted()}) also loads the case's key log, as {@code -o tls.keylog_file} does.
 *
 * <p>Counts go into tallies of its own, so a run abandoned by the watchdog leaves the corpus totals untouched.
 */
final class CaptureComparison implements Callable<CaptureComparison.Result> {

    /** How a capture ended. */
    enum Outcome {
        /** Every frame read. */
        OK,
        /** The reader stopped at damage with a {@link CaptureFormatException}: expected for damaged files. */
        FORMAT_ERROR,
        /** Any other exception escaped the engine or the reader. */
        CRASH,
        /** The watchdog's time limit ran out. */
        HANG
    }

    record Result(Corpus.Case capture, Outcome outcome, String detail, long ourFrames, long theirFrames,
                  long millis, Map<String, FieldTally> tallies) {
        boolean frameCountDiffers() {
            return outcome != Outcome.HANG && ourFrames != theirFrames;
        }

        /**
         * Why a different frame count is a deliberate difference (deliberate-differences.md), or null: tshark
         * shows pcapng Custom Blocks as frames; and after damage we stop where tshark shows one last partial
         * record.
         */
        String frameCountExcuse() {
            if (!frameCountDiffers()) {
                return null;
            }
            if (capture.customBlocks()) {
                return "custom blocks";
            }
            return outcome == Outcome.FORMAT_ERROR && theirFrames == ourFrames + 1 ? "partial last record" : null;
        }

        boolean failed() {
            return outcome == Outcome.CRASH || outcome == Outcome.HANG
                    || (frameCountDiffers() && frameCountExcuse() == null);
        }
    }

    private final Corpus.Case capture;
    private final Set<String> registered;
    private final Set<String> ourProtocols;

    CaptureComparison(Corpus.Case capture, Set<String> registered, Set<String> ourProtocols) {
        this.capture = capture;
        this.registered = registered;
        this.ourProtocols = ourProtocols;
    }

    @Override
    public Result call() throws IOException {
        long start = System.nanoTime();
        Map<String, FieldTally> tallies = new LinkedHashMap<>();
        long ourFrames = 0;
        long theirFrames = 0;
        Outcome outcome = Outcome.OK;
        String detail = "";
        try (BufferedReader expected = Files.newBufferedReader(capture.expected(), StandardCharsets.UTF_8)) {
            String headerLine = expected.readLine();
            List<String> columns = headerLine == null ? List.of() : Arrays.asList(headerLine.split("\t", -1));
            FieldTally[] tally = new FieldTally[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                String name = columns.get(c);
                tally[c] = tallies.computeIfAbsent(name, n -> new FieldTally(n, registered.contains(n)));
            }
            int protocolsColumn = columns.indexOf(DeliberateDifferences.PROTOCOLS);
            int ipv6LengthColumn = columns.indexOf(DeliberateDifferences.IPV6_PLEN);
            int streamColumn = columns.indexOf(DeliberateDifferences.STREAM);
            int handshakeTypeColumn = columns.indexOf(DeliberateDifferences.HANDSHAKE_TYPE);
            int cipherSuiteColumn = columns.indexOf(DeliberateDifferences.CIPHER_SUITE);
            int tcpSourceColumn = columns.indexOf(DeliberateDifferences.TCP_SOURCE_PORT);
            int tcpDestinationColumn = columns.indexOf(DeliberateDifferences.TCP_DESTINATION_PORT);
            int udpSourceColumn = columns.indexOf(DeliberateDifferences.UDP_SOURCE_PORT);
            int udpDestinationColumn = columns.indexOf(DeliberateDifferences.UDP_DESTINATION_PORT);
            FieldCells cells = new FieldCells(columns, registered);
            DeliberateDifferences rules = new DeliberateDifferences(ourProtocols);
            try {
                DissectionEngine engine = DissectionEngine.withDefaults();
                TlsPreferences tls = TlsPreferences.of(engine.session());
                if (capture.keyLog() != null) {
                    tls.addKeyLogFile(capture.keyLog());
                }
                Dissection d = new Dissection();
                try (CaptureSource source = Captures.open(capture.capture())) {
                    DecryptionSecretsFeed secrets = new DecryptionSecretsFeed(source, tls);
                    for (FrameView frame; (frame = source.next()) != null; ) {
                        if (Thread.currentThread().isInterrupted()) {
                            break;
                        }
                        ourFrames++;
                        secrets.poll();
                        engine.dissect(frame, d);
                        String line = expected.readLine();
                        if (line == null) {
                            continue;
                        }
                        theirFrames++;
                        if (capture.customBlocks()) {
                            continue; // rows and frames do not line up: tshark's include the Custom Blocks
                        }
                        String[] row = line.split("\t", -1);
                        cells.fill(d);
                        if (protocolsColumn >= 0) {
                            rules.frame(String.valueOf(cells.cell(protocolsColumn)), cell(row, protocolsColumn),
                                    streamColumn < 0 ? "" : cell(row, streamColumn));
                        }
                        rules.ipv6PayloadLength(ipv6LengthColumn >= 0 ? cell(row, ipv6LengthColumn) : "");
                        if (tcpSourceColumn >= 0 && tcpDestinationColumn >= 0) {
                            rules.transportPorts("tcp", cell(row, tcpSourceColumn), cell(row, tcpDestinationColumn));
                        }
                        if (udpSourceColumn >= 0 && udpDestinationColumn >= 0) {
                            rules.transportPorts("udp", cell(row, udpSourceColumn), cell(row, udpDestinationColumn));
                        }
                        if (handshakeTypeColumn >= 0 && cipherSuiteColumn >= 0) {
                            rules.tlsHandshake(cell(row, handshakeTypeColumn), cell(row, cipherSuiteColumn));
                        }
                        compare(row, cells, tally, rules, ourFrames);
                    }
                }
            } catch (CaptureFormatException e) {
                outcome = Outcome.FORMAT_ERROR;
                detail = e.getMessage();
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                outcome = Outcome.CRASH;
                detail = e.toString();
            }
            while (expected.readLine() != null) {
                theirFrames++;
            }
        }
        return new Result(capture, outcome, detail, ourFrames, theirFrames, (System.nanoTime() - start) / 1_000_000,
                tallies);
    }

    private void compare(String[] row, FieldCells cells, FieldTally[] tally, DeliberateDifferences rules,
                         long frameNumber) {
        for (int c = 0; c < tally.length; c++) {
            CharSequence ours = cells.cell(c);
            if (ours == null) {
                continue;
            }
            String theirs = cell(row, c);
            String renumbered = tally[c].field.equals(DeliberateDifferences.STREAM)
                    ? rules.renumberStream(ours.toString(), theirs) : theirs;
            if (theirs.contentEquals(ours)) {
                tally[c].agreed++;
                if (!theirs.isEmpty()) {
                    tally[c].agreedPresent++;
                }
                continue;
            }
            String o = ours.toString();
            if (!renumbered.equals(theirs) && renumbered.equals(o)) {
                tally[c].skipped++; // rule 5: tshark numbered conversations we do not see
            } else if (rules.skips(tally[c].field, o, theirs)) {
                tally[c].skipped++;
            } else {
                tally[c].differ(capture.name(), frameNumber, o, theirs);
            }
        }
    }

    private static String cell(String[] row, int c) {
        return c < row.length ? row[c] : "";
    }
}
