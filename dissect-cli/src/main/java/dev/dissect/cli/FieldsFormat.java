package dev.dissect.cli;

/**
 * The {@code -E} settings of tshark's {@code -T fields}: header line, separator, which occurrences of a repeated
 * field to print, how to join them, and quoting.
 *
 * @param header     print a header line of field names first ({@code -E header=y})
 * @param separator  between fields ({@code -E separator=/t|/s|CHAR}), tab by default
 * @param occurrence {@code a} all, {@code f} first, {@code l} last ({@code -E occurrence=a|f|l}), all by default
 * @param aggregator between occurrences ({@code -E aggregator=,|/s|CHAR}), comma by default
 * @param quote      {@code n} none, {@code d} double, {@code s} single ({@code -E quote=n|d|s})
 */
record FieldsFormat(boolean header, char separator, char occurrence, char aggregator, char quote) {
    static final FieldsFormat DEFAULT = new FieldsFormat(false, '\t', 'a', ',', 'n');

    /** Applies one {@code -E name=value}; throws {@link IllegalArgumentException} with tshark-like wording. */
    FieldsFormat with(String setting) {
        int eq = setting.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("Invalid -E parameter \"" + setting + "\": expected name=value");
        }
        String name = setting.substring(0, eq);
        String value = setting.substring(eq + 1);
        return switch (name) {
            case "header" -> new FieldsFormat(yesNo(setting, value), separator, occurrence, aggregator, quote);
            case "separator" -> new FieldsFormat(header, character(setting, value), occurrence, aggregator, quote);
            case "occurrence" -> new FieldsFormat(header, separator, oneOf(setting, value, "afl"), aggregator, quote);
            case "aggregator" -> new FieldsFormat(header, separator, occurrence, character(setting, value), quote);
            case "quote" -> new FieldsFormat(header, separator, occurrence, aggregator, oneOf(setting, value, "nds"));
            default -> throw new IllegalArgumentException("Invalid -E parameter \"" + setting
                    + "\": known names are header, separator, occurrence, aggregator, quote");
        };
    }

    private static boolean yesNo(String setting, String value) {
        return switch (value) {
            case "y" -> true;
            case "n" -> false;
            default -> throw new IllegalArgumentException("Invalid -E parameter \"" + setting + "\": use y or n");
        };
    }

    private static char character(String setting, String value) {
        return switch (value) {
            case "/t" -> '\t';
            case "/s" -> ' ';
            default -> {
                if (value.length() != 1) {
                    throw new IllegalArgumentException("Invalid -E parameter \"" + setting
                            + "\": use one character, /t or /s");
                }
                yield value.charAt(0);
            }
        };
    }

    private static char oneOf(String setting, String value, String allowed) {
        if (value.length() != 1 || allowed.indexOf(value.charAt(0)) < 0) {
            throw new IllegalArgumentException("Invalid -E parameter \"" + setting + "\": use one of "
                    + String.join("|", allowed.split("")));
        }
        return value.charAt(0);
    }
}
