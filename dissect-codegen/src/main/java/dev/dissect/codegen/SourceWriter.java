package dev.dissect.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes generated sources under the output root, in their package's folder. A file whose content is unchanged
 * is not rewritten (so incremental compilers see nothing new), and generated files left from grammars or types
 * that no longer exist are deleted.
 */
public final class SourceWriter {
    private final Path packageDir;
    private final Set<Path> written = new HashSet<>();

    public SourceWriter(GeneratorOptions options) {
        this.packageDir = options.outputDir().resolve(options.javaPackage().replace('.', '/'));
    }

    /** Writes one source file. */
    public void write(FlyweightEmitter.JavaSource source) throws IOException {
        Files.createDirectories(packageDir);
        Path file = packageDir.resolve(source.className() + ".java");
        if (!written.add(file)) {
            throw new IllegalStateException("two types generate " + file + "; nested type ids must be unique");
        }
        byte[] bytes = source.text().getBytes(StandardCharsets.UTF_8);
        if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
            Files.write(file, bytes);
        }
    }

    /** Deletes generated {@code *.java} files in the package folder that this run did not write. */
    public void deleteStale() throws IOException {
        if (!Files.isDirectory(packageDir)) {
            return;
        }
        List<Path> stale;
        try (Stream<Path> files = Files.list(packageDir)) {
            stale = files.filter(f -> f.toString().endsWith(".java") && !written.contains(f)).toList();
        }
        for (Path f : stale) {
            Files.delete(f);
        }
    }
}
