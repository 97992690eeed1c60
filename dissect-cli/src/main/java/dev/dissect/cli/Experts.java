package dev.dissect.cli;

import dev.dissect.api.field.DiagnosticGroup;
import dev.dissect.api.field.Severity;

/**
 * Our diagnostics in Wireshark's expert-info vocabulary: the names {@code -V} prints and the numbers
 * {@code -T json} writes ({@code PI_ERROR} is {@code 0x00800000}, {@code PI_MALFORMED} {@code 0x07000000}).
 * Truncation is "Malformed" in Wireshark; our {@code LIMIT} group (a cap of ours was reached) is shown as
 * "Undecoded".
 */
final class Experts {
    private Experts() {
    }

    static String severity(Severity s) {
        return switch (s) {
            case CHAT -> "Chat";
            case NOTE -> "Note";
            case WARN -> "Warning";
            case ERROR -> "Error";
        };
    }

    static String group(DiagnosticGroup g) {
        return switch (g) {
            case MALFORMED, TRUNCATED -> "Malformed";
            case CHECKSUM -> "Checksum";
            case SEQUENCE -> "Sequence";
            case PROTOCOL -> "Protocol";
            case UNDECODED, LIMIT -> "Undecoded";
        };
    }

    static long severityCode(Severity s) {
        return switch (s) {
            case CHAT -> 0x0020_0000L;
            case NOTE -> 0x0040_0000L;
            case WARN -> 0x0060_0000L;
            case ERROR -> 0x0080_0000L;
        };
    }

    static long groupCode(DiagnosticGroup g) {
        return switch (g) {
            case CHECKSUM -> 0x0100_0000L;
            case SEQUENCE -> 0x0200_0000L;
            case UNDECODED, LIMIT -> 0x0500_0000L;
            case MALFORMED, TRUNCATED -> 0x0700_0000L;
            case PROTOCOL -> 0x0900_0000L;
        };
    }
}
