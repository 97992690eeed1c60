package dev.dissect.net.filter;

/**
 * A display filter that cannot be compiled: bad syntax, an unknown field, a value that does not fit the field, or a
 * part of Wireshark's language we do not support. Carries the 1-based column where the problem starts.
 *
 * @since 0.1
 */
public final class FilterSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String filter;
    private final int column;
    private final String reason;

    FilterSyntaxException(String filter, int index, String reason) {
        super("filter error at column " + (index + 1) + ": " + reason);
        this.filter = filter;
        this.column = index + 1;
        this.reason = reason;
    }

    /** The filter text as given. */
    public String filter() {
        return filter;
    }

    /** 1-based column of the first character of the offending token (one past the end for "unexpected end"). */
    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }

    /** The filter on one line and a caret under the column on the next, for terminal output. */
    public String pointer() {
        return filter + "\n" + " ".repeat(column - 1) + "^";
    }
}
