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
    /** Checks that no component is null. */
    public DiagnosticDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(group, "group");
    }

    /** An {@link Severity#ERROR} in {@link DiagnosticGroup#MALFORMED}: the bytes contradict the protocol. */
    public static DiagnosticDef malformed(String name, String summary) {
        return new DiagnosticDef(name, summary, Severity.ERROR, DiagnosticGroup.MALFORMED);
    }

    /** An {@link Severity#ERROR} in {@link DiagnosticGroup#TRUNCATED}: the capture ends before the protocol data. */
    public static DiagnosticDef truncated(String name, String summary) {
        return new DiagnosticDef(name, summary, Severity.ERROR, DiagnosticGroup.TRUNCATED);
    }

    /** A {@link Severity#WARN} in {@code group}: likely a problem (a bad checksum, an unknown type). */
    public static DiagnosticDef warning(String name, String summary, DiagnosticGroup group) {
        return new DiagnosticDef(name, summary, Severity.WARN, group);
    }

    /** A {@link Severity#NOTE} in {@code group}: unusual but legal. */
    public static DiagnosticDef note(String name, String summary, DiagnosticGroup group) {
        return new DiagnosticDef(name, summary, Severity.NOTE, group);
    }
}
