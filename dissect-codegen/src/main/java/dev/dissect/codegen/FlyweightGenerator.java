package dev.dissect.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the stages {@link KsyReader} → {@link FormatModel} → {@link FlyweightEmitter} → {@link SourceWriter} over
 * every {@code *.ksy} in a folder, in name order.
 *
 * <p>Command line: {@code INPUT_DIR OUTPUT_DIR JAVA_PACKAGE [ARGFILE WORD...]}. With {@code ARGFILE}, also writes
 * a Java launcher argument file holding the {@code WORD}s followed by the path of every grammar, so the build
 * can run another tool (the Kaitai compiler) over the same files without a shell glob.
 */
public final class FlyweightGenerator {
    private final GeneratorOptions options;

    public FlyweightGenerator(GeneratorOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: INPUT_DIR OUTPUT_DIR JAVA_PACKAGE [ARGFILE WORD...]");
        }
        FlyweightGenerator generator =
                new FlyweightGenerator(new GeneratorOptions(Path.of(args[0]), Path.of(args[1]), args[2]));
        List<Path> grammars = generator.run();
        if (args.length > 3) {
            List<String> words = new ArrayList<>(List.of(args).subList(4, args.length));
            grammars.forEach(g -> words.add(g.toAbsolutePath().toString()));
            StringBuilder sb = new StringBuilder();
            for (String w : words) {
                sb.append('"').append(w.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
            }
            Path argFile = Path.of(args[3]);
            Files.createDirectories(argFile.toAbsolutePath().getParent());
            Files.writeString(argFile, sb.toString(), StandardCharsets.UTF_8);
        }
    }

    /** Generates views for every grammar; returns the grammars read, in order. */
    public List<Path> run() throws IOException {
        List<Path> grammars;
        try (Stream<Path> files = Files.list(options.inputDir())) {
            grammars = files.filter(f -> f.getFileName().toString().endsWith(".ksy")).sorted().toList();
        }
        if (grammars.isEmpty()) {
            throw new IOException("no .ksy grammars in " + options.inputDir());
        }
        FlyweightEmitter emitter = new FlyweightEmitter(options);
        SourceWriter writer = new SourceWriter(options);
        for (Path grammar : grammars) {
            for (FlyweightEmitter.JavaSource source : emitter.emit(KsyReader.read(grammar))) {
                writer.write(source);
            }
        }
        writer.deleteStale();
        return grammars;
    }
}
