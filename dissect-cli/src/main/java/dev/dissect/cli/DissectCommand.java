package dev.dissect.cli;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.frame.CaptureFormatException;
import dev.dissect.api.frame.CaptureInterface;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.engine.DissectionEngine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * printed); 2 a usage error (unknown option, unknown field, bad {@code -E} or {@code -d}).
 */
@Command(name = "dissect", mixinStandardHelpOptions = true, versionProvider = DissectCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Dissects a pcap or pcapng capture like tshark: summary lines, or fields by Wireshark's names.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the capture could not be read or is damaged",
            "2:usage error (unknown option or field)"})
public final class DissectCommand implements Callable<Integer> {
    static final int EXIT_CAPTURE = 1;
    static final int EXIT_USAGE = 2;
    private static final Pattern DECODE_AS = Pattern.compile("([a-z0-9_.]+)==(\\d+),([a-z0-9_.\\-]+)");

    @Option(names = "-r", paramLabel = "FILE", description = "Read this capture (pcap, pcapng, gzipped or not); - reads standard input.")
    private String input;

    @Option(names = "-c", paramLabel = "N", description = "Stop after N frames.")
    private long count = Long.MAX_VALUE;

    @Option(names = "-T", paramLabel = "FORMAT", description = "Output format: text (summary lines, the default) or fields.")
    private String outputFormat = "text";

    @Option(names = "-e", paramLabel = "FIELD", description = "A field to print with -T fields, e.g. ip.src; repeat for more.")
    private List<String> fieldNames = new ArrayList<>();

    @Option(names = "-E", paramLabel = "NAME=VALUE", description = "Fields output: header=y|n, separator=/t|/s|CHAR, occurrence=a|f|l, aggregator=,|/s|CHAR, quote=n|d|s.")
    private List<String> fieldSettings = new ArrayList<>();

    @Option(names = "-d", paramLabel = "TABLE==VALUE,PROTOCOL", description = "Decode as: e.g. udp.port==7777,myproto.")
    private List<String> decodeAs = new ArrayList<>();

    @Option(names = "-G", paramLabel = "REPORT", description = "Print a report instead of reading a capture: fields (every field we can emit).")
    private String report;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /** Runs the command with the given streams and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new DissectCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("dissect: " + e.getMessage());
            return EXIT_USAGE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        DissectionEngine engine = DissectionEngine.withDefaults();
        try {
            for (String rule : decodeAs) {
                applyDecodeAs(engine, rule);
            }
        } catch (IllegalArgumentException e) {
            err.println("dissect: " + e.getMessage());
            return EXIT_USAGE;
        }
        Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
        if (report != null) {
            return printReport(engine, out, err);
        }
        if (input == null) {
            err.println("dissect: no capture given; use -r FILE (or -r - for standard input)");
            return EXIT_USAGE;
        }
        String problem = checkFields(engine);
        if (problem != null) {
            err.println(problem);
            return EXIT_USAGE;
        }
        FieldsFormat fieldsFormat = FieldsFormat.DEFAULT;
        try {
            for (String setting : fieldSettings) {
                fieldsFormat = fieldsFormat.with(setting);
            }
        } catch (IllegalArgumentException e) {
            err.println("dissect: " + e.getMessage());
            return EXIT_USAGE;
        }
        try (CaptureSource source = open()) {
            FramePrinter printer = printer(source, fieldsFormat, out);
            if (printer == null) {
                err.println("dissect: unknown output format '" + outputFormat + "' (use text or fields)");
                return EXIT_USAGE;
            }
            printer.begin();
            Dissection dissection = new Dissection();
            long n = 0;
            for (FrameView frame; n < count && (frame = source.next()) != null; n++) {
                engine.dissect(frame, dissection);
                printer.print(dissection);
            }
            out.flush();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("dissect: the file \"" + input + "\" doesn't exist.");
        } catch (CaptureFormatException e) {
            out.flush();
            err.println("dissect: " + e.getMessage());
        } catch (IOException e) {
            out.flush();
            err.println("dissect: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        }
        return EXIT_CAPTURE;
    }

    private CaptureSource open() throws IOException {
        if ("-".equals(input)) {
            return Captures.open(System.in);
        }
        Path path = Path.of(input);
        if (!Files.exists(path)) {
            throw new NoSuchFileException(input);
        }
        return Captures.open(path);
    }

    private FramePrinter printer(CaptureSource source, FieldsFormat format, Writer out) {
        return switch (outputFormat) {
            case "text" -> new SummaryPrinter(out, timeDigits(source));
            case "fields" -> new FieldsPrinter(fieldNames, format, out);
            default -> null;
        };
    }

    /** 9 digits if any interface has nanosecond (or finer) timestamps, else 6, as tshark chooses per file. */
    private static int timeDigits(CaptureSource source) {
        for (CaptureInterface i : source.interfaces()) {
            if (i.ticksPerSecond() > 1_000_000) {
                return 9;
            }
        }
        return 6;
    }

    private String checkFields(DissectionEngine engine) {
        if (!"fields".equals(outputFormat)) {
            return fieldNames.isEmpty() ? null : "dissect: -e needs -T fields";
        }
        if (fieldNames.isEmpty()) {
            return "dissect: -T fields needs at least one -e FIELD";
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
        return "dissect: Some fields aren't valid:\n\t" + String.join("\n\t", unknown)
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
        if (!"fields".equals(report)) {
            err.println("dissect: unknown report '" + report + "' (use -G fields)");
            return EXIT_USAGE;
        }
        for (FieldDef f : engine.registry().fields().values()) {
            out.append("F\t").append(f.title()).append('\t').append(f.name()).append('\t')
                    .append(f.type().name()).append('\t').append(f.protocolName()).append('\t')
                    .append(f.base().name()).append('\t').append(f.description()).append('\n');
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
