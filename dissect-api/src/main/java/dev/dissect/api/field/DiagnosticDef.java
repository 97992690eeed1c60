package dev.dissect.api.field;

import java.util.Objects;

/**
 * A problem a dissector can report, declared like a field ({@code udp.length.bad}, "Bad length value"), as
 * Wireshark's {@code ei_register_info}.
 *
 * @param name     a stable name, prefixed by the protocol
 * @param summary  what happened, in a few words
 * @param severity how bad it is
 * @param group    what kind of problem
 * @since 0.1
 */
public record DiagnosticDef(String name, String summary, Severity severity, DiagnosticGroup group) {
    public DiagnosticDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(group, "group");
    }

    public static DiagnosticDef malformed(String name, String summary) {
        return new DiagnosticDef(name, summary, Severity.ERROR, DiagnosticGroup.MALFORMED);
    }

    public static DiagnosticDef truncated(String name, String summary) {
        return new DiagnosticDef(name, summary, Severity.ERROR, DiagnosticGroup.TRUNCATED);
    }

    public static DiagnosticDef warning(String name, String summary, DiagnosticGroup group) {
        return new DiagnosticDef(name, summary, Severity.WARN, group);
    }

    public static DiagnosticDef note(String name, String summary, DiagnosticGroup group) {
        return new DiagnosticDef(name, summary, Severity.NOTE, group);
    }
}
