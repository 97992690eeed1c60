package dev.dissect.testkit.contract;

import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.Severity;
import java.util.List;

/** Turns contract violations into one assertion error that names the dissector and the input. */
final class Violations {
    private Violations() {
    }

    static void assertNone(String who, Object input, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError(who + " broke the dissector contract" + (input == null ? "" : " on " + input)
                    + ":\n  - " + String.join("\n  - ", problems));
        }
    }

    /** True if an observation line {@code diagnostic NAME @...} names an ERROR (or undeclared) diagnostic. */
    static boolean isError(ProviderRecord record, String line) {
        String name = line.substring("diagnostic ".length(), line.indexOf(" @"));
        DiagnosticDef def = record.diagnostics().get(name);
        return def == null || def.severity() == Severity.ERROR;
    }
}
