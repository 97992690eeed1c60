package dev.dissect.net.filter;

import dev.dissect.net.filter.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a display filter into tokens, as Wireshark's scanner does for the part of the language we support.
 *
 * <p>Unquoted words run over letters, digits and {@code _ - . : /} so that {@code ip.src}, {@code 10.0.0.0/8},
 * {@code fe80::1}, {@code aa:bb:cc} and {@code 443..445} are single words; the parser gives them a meaning from
 * the field they are compared with.
 */
final class FilterLexer {
    private static final String[] OPERATORS = {"===", "!==", "==", "!=", "<=", ">=", "&&", "||", "<",
        ">", "!", "&", "~"};

    private FilterLexer() {
    }

    static List<Token> tokens(String filter) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = filter.length();
        while (i < n) {
            char c = filter.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            switch (c) {
                case '(' -> out.add(new Token(Kind.LPAREN, "(", i++));
                case ')' -> out.add(new Token(Kind.RPAREN, ")", i++));
                case '{' -> out.add(new Token(Kind.LBRACE, "{", i++));
                case '}' -> out.add(new Token(Kind.RBRACE, "}", i++));
                case ',' -> out.add(new Token(Kind.COMMA, ",", i++));
                case '"' -> {
                    StringBuilder s = new StringBuilder();
                    i = quoted(filter, i + 1, s, false);
                    out.add(new Token(Kind.STRING, s.toString(), start));
                }
                default -> {
                    if (c == 'r' && i + 1 < n && filter.charAt(i + 1) == '"') {
                        StringBuilder s = new StringBuilder();
                        i = quoted(filter, i + 2, s, true);
                        out.add(new Token(Kind.STRING, s.toString(), start));
                    } else if (isWordChar(c)) {
                        while (i < n && isWordChar(filter.charAt(i))) {
                            i++;
                        }
                        out.add(new Token(Kind.WORD, filter.substring(start, i), start));
                    } else {
                        String op = operatorAt(filter, i);
                        if (op == null) {
                            if (c == '[') {
                                throw new FilterSyntaxException(filter, i, "slices ([i:j]) are not supported");
                            }
                            if (c == '#') {
                                throw new FilterSyntaxException(filter, i, "layer operators (#) are not supported");
                            }
                            if (c == '$') {
                                throw new FilterSyntaxException(filter, i, "field references (${...}) are not supported");
                            }
                            throw new FilterSyntaxException(filter, i, "unexpected character '" + c + "'");
                        }
                        out.add(new Token(Kind.OPERATOR, op, i));
                        i += op.length();
                    }
                }
            }
        }
        out.add(new Token(Kind.END, "", n));
        return out;
    }

    static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':' || c == '/');
    }

    private static String operatorAt(String filter, int i) {
        for (String op : OPERATORS) {
            if (filter.startsWith(op, i)) {
                return op;
            }
        }
        return null;
    }

    /** Reads a string body from {@code i} (after the opening quote); returns the index after the closing quote. */
    private static int quoted(String filter, int i, StringBuilder out, boolean raw) {
        int open = raw ? i - 2 : i - 1;
        int n = filter.length();
        while (i < n) {
            char c = filter.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < n) {
                if (raw) {
                    // A raw string keeps the backslash; \" does not end it (as in Wireshark and Python).
                    out.append(c).append(filter.charAt(i + 1));
                    i += 2;
                    continue;
                }
                i = escape(filter, i + 1, out);
                continue;
            }
            out.append(c);
            i++;
        }
        throw new FilterSyntaxException(filter, open, "the string is not terminated (missing \")");
    }

    private static int escape(String filter, int i, StringBuilder out) {
        char e = filter.charAt(i);
        switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000b');
            case 'x' -> {
                int end = i + 1;
                while (end < filter.length() && end < i + 3 && Character.digit(filter.charAt(end), 16) >= 0) {
                    end++;
                }
                if (end == i + 1) {
                    throw new FilterSyntaxException(filter, i - 1, "\\x needs one or two hex digits");
                }
                out.append((char) Integer.parseInt(filter.substring(i + 1, end), 16));
                return end;
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    int end = i;
                    while (end < filter.length() && end < i + 3 && filter.charAt(end) >= '0' && filter.charAt(end) <= '7') {
                        end++;
                    }
                    out.append((char) Integer.parseInt(filter.substring(i, end), 8));
                    return end;
                }
                out.append(e); // \\ \" and any other character stands for itself
            }
        }
        return i + 1;
    }
}
