package dev.dissect.cli;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.frame.CaptureFormatException;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.net.engine.Limits;
import dev.dissect.net.filter.DisplayFilter;
import dev.dissect.net.filter.FilterSyntaxException;
import dev.dissect.tls.DecryptionSecretsFeed;
import dev.dissect.tls.TlsPreferences;
import dev.dissect.tls.connection.TlsConnectionReport;
import dev.dissect.tls.connection.TlsConnections;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dissect}: reads a capture and prints what the dissectors found, with tshark's options and output
 * formats so that tshark users need no manual.
 *
 * <p>Exit codes: 0 success; 1 the capture could not be read or is damaged (every frame before the damage was
 * printed); 2 a usage error (unknown option, field or preference, bad {@code -E}, {@code -d}, {@code -Y}).
 */
@Command(name = "dissect", versionProvider = DissectCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Dissects a pcap or pcapng capture like tshark: summary lines, packet details, fields by "
                + "Wireshark's names, JSON; filters with Wireshark's display-filter language; writes what passes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the capture could not be read or is damaged",
            "2:usage error (unknown option, field or preference; bad filter)",
            "3:internal error (a bug in dissect: one line names it; please report it)"})
public final class DissectCommand implements Callable<Integer> {
    static final int EXIT_CAPTURE = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_INTERNAL = 3;
    private static final Pattern DECODE_AS = Pattern.compile("([a-z0-9_.]+)==(\\d+),([a-z0-9_.\\-]+)");
    private static final String PHS = "io,phs";
    private static final String TLS_CONN = "tls,conn";

    @Option(names = "-r", paramLabel = "FILE", description = "Read this capture (pcap, pcapng, gzipped or not); - reads standard input.")
    private String input;

    @Option(names = "-c", paramLabel = "N", description = "Stop after reading N frames (as tshark, counted before -Y).")
    private long count = Long.MAX_VALUE;

    @Option(names = "-2", description = "Two passes, as tshark -2: a first pass over the whole capture lets the second show what only later frames tell, e.g. ip.reassembled_in and tcp.reassembled_in on a datagram's or PDU's earlier frames. Needs a file (not standard input).")
    private boolean twoPass;

    @Option(names = "-Y", paramLabel = "FILTER", description = "Display filter: only frames that match are printed, written and counted, e.g. \"tcp.port in {80, 443} and ip.addr == 10.0.0.0/8\".")
    private String displayFilter;

    @Option(names = "-T", paramLabel = "FORMAT", description = "Output format: text (summary lines or -V details, the default), fields, json (one object per frame per line) or ek (Elasticsearch bulk).")
    private String outputFormat = "text";

    @Option(names = "-V", description = "Print every layer, field and diagnostic of each frame (packet details) instead of summary lines.")
    private boolean details;

    @Option(names = "-e", paramLabel = "FIELD", description = "A field to print with -T fields (or to limit -T json/ek to), e.g. ip.src; repeat for more.")
    private List<String> fieldNames = new ArrayList<>();

    @Option(names = "-E", paramLabel = "NAME=VALUE", description = "Fields output: header=y|n, separator=/t|/s|CHAR, occurrence=a|f|l, aggregator=,|/s|CHAR, quote=n|d|s.")
    private List<String> fieldSettings = new ArrayList<>();

    @Option(names = "-d", paramLabel = "TABLE==VALUE,PROTOCOL", description = "Decode as: e.g. udp.port==7777,myproto.")
    private List<String> decodeAs = new ArrayList<>();

    @Option(names = "-o", paramLabel = "NAME:VALUE", description = "Set a preference, e.g. testproto.udp.port:7777,8000-8002 (PROTOCOL.udp.port or PROTOCOL.tcp.port: decode those ports as PROTOCOL); tls.keylog_file:PATH, tls.rsa_key_file:PATH (decrypt TLS), tls.trust_store:PATH, tls.cert_host:NAME, tls.crl_file:PATH, tls.intermediates:PATH (validate certificates); caps such as tcp.max_flows:N, tls.max_handshake_size:BYTES, frame.max_layers:N (all in docs/limits.md).")
    private List<String> preferences = new ArrayList<>();

    @Option(names = "-q", description = "Print no line per frame (with -z, only the statistics).")
    private boolean quiet;

    @Option(names = "-z", paramLabel = "STATISTICS", description = "Statistics after the last frame: io,phs (protocol hierarchy) or io,phs,FILTER; tls,conn (one block per TLS connection); flow,conn[,FILTER] (the connection ladder: DNS, TCP and TLS handshakes of each TLS connection).")
    private List<String> statistics = new ArrayList<>();

    @Option(names = "--svg", paramLabel = "FILE", description = "With -z flow,conn: also write the connection ladders as an SVG image.")
    private String ladderSvg;

    @Option(names = "--html", paramLabel = "FILE", description = "With -z flow,conn: also write a self-contained HTML page with the ladders.")
    private String ladderHtml;

    @Option(names = "-w", paramLabel = "FILE", description = "Write the frames that pass -Y to FILE (- for standard output), as pcapng unless -F says otherwise; nothing is printed per frame unless -P.")
    private String outputFile;

    @Option(names = "-F", paramLabel = "FORMAT", description = "File format for -w: pcapng (default), pcap (microseconds) or nsecpcap.")
    private String fileFormat = "pcapng";

    @Option(names = "-P", description = "Print summary lines (or -V details) even while writing with -w.")
    private boolean printWhileWriting;

    @Option(names = "-G", paramLabel = "REPORT", description = "Print a report instead of reading a capture: fields (every field we can emit, tshark's layout) or protocols.")
    private String report;

    // picocli's standard mixin would take -V for --version; -V is tshark's packet details, so -v is the version.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = {"-v", "--version"}, versionHelp = true, description = "Print the version and exit.")
    private boolean version;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** True when the error writer is the process's standard error (so a terminal check on fd 2 means something). */
    private boolean processStreams;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), true));
    }

    /** Runs the command with the given streams and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, false);
    }

    private static int run(String[] args, PrintWriter out, PrintWriter err, boolean processStreams) {
        DissectCommand command = new DissectCommand();
        command.processStreams = processStreams;
        CommandLine cli = new CommandLine(command);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Usage problems are answered inside call(); what reaches here is a bug: one line, never a stack trace.
            err.println("dissect: internal error: " + e);
            return EXIT_INTERNAL;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        DissectionEngine engine;
        try {
            engine = CapPreferences.engine(preferences);
        } catch (IllegalArgumentException e) {
            err.println("dissect: " + e.getMessage());
            return EXIT_USAGE;
        }
        Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
        if (report != null) {
            return printReport(engine, out, err);
        }
        if (twoPass) {
            engine.beginFirstPass(); // the -o preferences below go to the first pass's session
        }
        Setup setup;
        try {
            setup = setUp(engine);
        } catch (FilterSyntaxException e) {
            err.println("dissect: " + e.getMessage());
            err.println(e.pointer().indent(4).stripTrailing());
            return EXIT_USAGE;
        } catch (IllegalArgumentException e) {
            err.println("dissect: " + e.getMessage());
            return EXIT_USAGE;
        }
        Progress progress = null;
        try {
            if (twoPass) {
                firstPass(engine);
            }
        } catch (IllegalArgumentException e) {
            err.println("dissect: " + e.getMessage());
            return EXIT_USAGE;
        } catch (NoSuchFileException e) {
            err.println("dissect: the file \"" + e.getFile() + "\" doesn't exist.");
            return EXIT_CAPTURE;
        } catch (IOException e) {
            err.println("dissect: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return EXIT_CAPTURE;
        }
        try (CaptureSource source = open(engine.limits())) {
            FramePrinter printer = printer(source, setup.fieldsFormat(), out);
            CaptureOutput writer = outputFile == null ? null : new CaptureOutput(source, outputStream(), fileFormat);
            progress = Progress.forInput(input, err, processStreams);
            try (CaptureOutput w = writer) {
                if (printer != null) {
                    printer.begin();
                }
                Dissection dissection = new Dissection();
                recordOnlyWhatIsRead(engine, setup, dissection);
                DecryptionSecretsFeed secrets = new DecryptionSecretsFeed(source, TlsPreferences.of(engine.session()));
                long n = 0;
                for (FrameView frame; n < count && (frame = source.next()) != null; n++) {
                    secrets.poll();
                    engine.dissect(frame, dissection);
                    if (setup.ladders() != null) {
                        setup.ladders().accept(dissection);
                    }
                    if (progress != null) {
                        progress.frame(frame);
                    }
                    if (setup.filter() != null && !setup.filter().test(dissection)) {
                        continue;
                    }
                    for (int i = 0; i < setup.stats().size(); i++) {
                        DisplayFilter statsFilter = setup.statsFilters().get(i);
                        if (statsFilter == null || statsFilter.test(dissection)) {
                            setup.stats().get(i).add(dissection);
                        }
                    }
                    if (w != null) {
                        w.write(frame);
                    }
                    if (printer != null) {
                        printer.print(dissection);
                    }
                }
            }
            if (progress != null) {
                progress.finish();
            }
            for (HierarchyStatistics s : setup.stats()) {
                s.print(out);
            }
            if (setup.tlsConnections()) {
                out.write(TlsConnectionReport.format(TlsConnections.of(engine.session())));
            }
            if (setup.ladders() != null) {
                setup.ladders().finish(out);
            }
            out.flush();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("dissect: the file \"" + e.getFile() + "\" doesn't exist.");
        } catch (CaptureFormatException e) {
            finish(progress, out);
            err.println("dissect: " + e.getMessage());
        } catch (IOException e) {
            finish(progress, out);
            err.println("dissect: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        }
        return EXIT_CAPTURE;
    }

    private static void finish(Progress progress, Writer out) throws IOException {
        if (progress != null) {
            progress.finish();
        }
        out.flush();
    }

    /** What the options ask for, checked before the capture is opened. */
    private record Setup(FieldsFormat fieldsFormat, DisplayFilter filter, List<HierarchyStatistics> stats,
                         List<DisplayFilter> statsFilters, boolean tlsConnections, ConnectionLadders ladders) {
    }

    private Setup setUp(DissectionEngine engine) {
        for (String rule : decodeAs) {
            applyDecodeAs(engine, rule);
        }
        applyPreferences(engine);
        if (input == null) {
            throw new IllegalArgumentException("no capture given; use -r FILE (or -r - for standard input)");
        }
        if (!List.of("text", "fields", "json", "ek").contains(outputFormat)) {
            throw new IllegalArgumentException("unknown output format '" + outputFormat
                    + "' (use text, fields, json or ek)");
        }
        if (outputFile != null && !CaptureOutput.isFormat(fileFormat)) {
            throw new IllegalArgumentException("unknown file format '" + fileFormat
                    + "' for -w (use pcapng, pcap or nsecpcap)");
        }
        String problem = checkFields(engine);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        FieldsFormat fieldsFormat = FieldsFormat.DEFAULT;
        for (String setting : fieldSettings) {
            fieldsFormat = fieldsFormat.with(setting);
        }
        DisplayFilter filter = displayFilter == null ? null : DisplayFilter.compile(displayFilter, engine.registry());
        List<HierarchyStatistics> stats = new ArrayList<>();
        List<DisplayFilter> statsFilters = new ArrayList<>();
        boolean tlsConnections = false;
        ConnectionLadders ladders = null;
        for (String z : statistics) {
            if (z.equals(TLS_CONN)) {
                tlsConnections = true;
            } else if (ConnectionLadders.matches(z)) {
                ladders = ConnectionLadders.of(z, engine, ladderSvg, ladderHtml);
            } else if (z.equals(PHS)) {
                stats.add(new HierarchyStatistics(""));
                statsFilters.add(null);
            } else if (z.startsWith(PHS + ",")) {
                String f = z.substring(PHS.length() + 1);
                statsFilters.add(DisplayFilter.compile(f, engine.registry()));
                stats.add(new HierarchyStatistics(f));
            } else {
                throw new IllegalArgumentException("unknown statistics '" + z
                        + "' for -z (use io,phs[,FILTER], tls,conn or flow,conn[,FILTER])");
            }
        }
        if (ladders == null && (ladderSvg != null || ladderHtml != null)) {
            throw new IllegalArgumentException("--svg and --html need -z flow,conn");
        }
        return new Setup(fieldsFormat, filter, stats, statsFilters, tlsConnections, ladders);
    }

    /** The {@code -o} preferences, and what {@code -z tls,conn} needs, applied to the engine's current session. */
    private void applyPreferences(DissectionEngine engine) {
        Preferences prefs = Preferences.forCommand(engine);
        for (String p : preferences) {
            prefs.set(p);
        }
        if (statistics.contains(TLS_CONN)) {
            // every chain gets a verdict for the report, whatever the output records
            TlsPreferences.of(engine.session()).validation(TlsPreferences.Validation.ALWAYS);
        }
    }

    /**
     * tshark's {@code -2}: dissects the whole capture once, recording nothing, so that the second pass (the one that
     * prints) can read what the first learnt; then starts the second pass's session with the same preferences.
     */
    private void firstPass(DissectionEngine engine) throws IOException {
        if ("-".equals(input)) {
            throw new IllegalArgumentException("-2 reads the capture twice, so it needs a file, not standard input");
        }
        Dissection nothing = new Dissection();
        nothing.recordNoFields();
        nothing.setInfoWanted(false);
        try (CaptureSource source = open(engine.limits())) {
            DecryptionSecretsFeed secrets = new DecryptionSecretsFeed(source, TlsPreferences.of(engine.session()));
            long n = 0;
            for (FrameView frame; n < count && (frame = source.next()) != null; n++) {
                secrets.poll();
                engine.dissect(frame, nothing);
            }
        } catch (CaptureFormatException e) {
            // a damaged capture: the first pass keeps what it read; the second reports the damage
        }
        engine.beginSecondPass();
        applyPreferences(engine);
    }

    private CaptureSource open(Limits limits) throws IOException {
        if ("-".equals(input)) {
            return Captures.open(System.in, limits);
        }
        Path path = Path.of(input);
        if (!Files.exists(path)) {
            throw new NoSuchFileException(input);
        }
        return Captures.open(path, limits);
    }

    private OutputStream outputStream() throws IOException {
        if ("-".equals(outputFile)) {
            return new BufferedOutputStream(System.out, 1 << 16);
        }
        return new BufferedOutputStream(Files.newOutputStream(Path.of(outputFile)), 1 << 16);
    }

    /** The per-frame printer, or null when nothing is printed per frame ({@code -q}; {@code -w} without -P). */
    /**
     * Records only the fields that the output and the filters will read, and skips the info column when no summary
     * line is printed: most of dissection's cost is recording fields (as Wireshark builds its tree only when asked).
     * Summary lines, {@code -V} and whole-frame JSON need everything.
     */
    private void recordOnlyWhatIsRead(DissectionEngine engine, Setup setup, Dissection dissection) {
        boolean json = "json".equals(outputFormat) || "ek".equals(outputFormat);
        boolean printsFields = "fields".equals(outputFormat) || json && !fieldNames.isEmpty();
        boolean printsNothing = quiet || (outputFile != null && !printWhileWriting);
        if (!printsFields && !printsNothing) {
            return;
        }
        Set<FieldDef> wanted = new LinkedHashSet<>();
        if (!printsNothing) {
            for (String name : fieldNames) {
                wanted.add(engine.registry().fields().get(name));
            }
        }
        if (setup.filter() != null) {
            wanted.addAll(setup.filter().fields());
        }
        for (DisplayFilter f : setup.statsFilters()) {
            if (f != null) {
                wanted.addAll(f.fields());
            }
        }
        if (setup.ladders() != null) {
            wanted.addAll(setup.ladders().fields());
        }
        if (!setup.stats().isEmpty()) {
            wanted.add(engine.registry().fields().get("frame.protocols")); // the hierarchy is every frame's stack
        }
        dissection.recordFields(wanted);
        dissection.setInfoWanted(false);
    }

    private FramePrinter printer(CaptureSource source, FieldsFormat format, Writer out) throws IOException {
        if (quiet || (outputFile != null && !printWhileWriting)) {
            return null;
        }
        return switch (outputFormat) {
            case "fields" -> new FieldsPrinter(fieldNames, format, out);
            case "json" -> new JsonPrinter(out, false, fieldNames);
            case "ek" -> new JsonPrinter(out, true, fieldNames);
            default -> details ? new TreePrinter(out) : new SummaryPrinter(out, source);
        };
    }

    private String checkFields(DissectionEngine engine) {
        boolean json = "json".equals(outputFormat) || "ek".equals(outputFormat);
        if (!"fields".equals(outputFormat) && !json) {
            return fieldNames.isEmpty() ? null : "-e needs -T fields, json or ek";
        }
        if (fieldNames.isEmpty() && !json) {
            return "-T fields needs at least one -e FIELD";
        }
        List<String> unknown = new ArrayList<>();
        for (String name : fieldNames) {
            if (!engine.registry().fields().containsKey(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return null;
        }
        return "Some fields aren't valid:\n\t" + String.join("\n\t", unknown)
                + "\n(see dissect -G fields for the list)";
    }

    private static void applyDecodeAs(DissectionEngine engine, String rule) {
        Matcher m = DECODE_AS.matcher(rule);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad -d \"" + rule + "\": use TABLE==VALUE,PROTOCOL, e.g. udp.port==7777,myproto");
        }
        engine.registry().decodeAs(m.group(1), Long.parseLong(m.group(2)), m.group(3));
    }

    private int printReport(DissectionEngine engine, Writer out, PrintWriter err) throws IOException {
        switch (report) {
            case "fields" -> FieldReport.fields(engine.registry(), out);
            case "protocols" -> FieldReport.protocols(engine.registry(), out);
            default -> {
                err.println("dissect: unknown report '" + report + "' (use -G fields or -G protocols)");
                return EXIT_USAGE;
            }
        }
        out.flush();
        return 0;
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = DissectCommand.class.getPackage().getImplementationVersion();
            return new String[] {"dissect " + (v != null ? v : "(development build)")};
        }
    }
}
