package dev.dissect.codegen;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything one generator run needs: where the grammars are, where sources go, and their package.
 *
 * @param inputDir folder holding the {@code *.ksy} grammars (not searched recursively)
 * @param outputDir root of the generated source tree; the package folders are created below it
 * @param javaPackage package of the generated views, e.g. {@code dev.dissect.net.wire}
 */
public record GeneratorOptions(Path inputDir, Path outputDir, String javaPackage) {
    public GeneratorOptions {
        Objects.requireNonNull(inputDir, "inputDir");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(javaPackage, "javaPackage");
    }
}
