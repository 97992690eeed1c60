package dev.dissect.codegen;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses Kaitai expressions by precedence climbing. Precedence, loosest first: {@code ?:}, {@code or},
 * {@code and}, {@code not}, comparisons, {@code |}, {@code ^}, {@code &}, shifts, {@code + -}, {@code * / %},
 * unary {@code - ~}.
 */
final class ExprParser {
    private static final List<List<String>> BINARY_LEVELS = List.of(
            List.of("or"), List.of("and"), List.of(), // the empty level is where `not` binds
            List.of("==", "!=", "<=", ">=", "<", ">"), List.of("|"), List.of("^"), List.of("&"),
            List.of("<<", ">>"), List.of("+", "-"), List.of("*", "/", "%"));
    private static final int NOT_LEVEL = 2;

    private final String text;
    private final List<String> tokens;
    private int next;

    private ExprParser(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} naming what it could not read. */
    static Expr parse(String text) {
        ExprParser parser = new ExprParser(text);
        Expr expr = parser.ternary();
        if (parser.next != parser.tokens.size()) {
            throw parser.error("unexpected '" + parser.tokens.get(parser.next) + "'");
        }
        return expr;
    }

    private Expr ternary() {
        Expr condition = binary(0);
        if (accept("?")) {
            Expr then = ternary();
            expect(":");
            return new Expr.Ternary(condition, then, ternary());
        }
        return condition;
    }

    private Expr binary(int level) {
        if (level == BINARY_LEVELS.size()) {
            return unary();
        }
        if (level == NOT_LEVEL) {
            return accept("not") ? new Expr.Unary("not", binary(level)) : binary(level + 1);
        }
        Expr left = binary(level + 1);
        while (next < tokens.size() && BINARY_LEVELS.get(level).contains(tokens.get(next))) {
            String op = tokens.get(next++);
            left = new Expr.Binary(op, left, binary(level + 1));
        }
        return left;
    }

    private Expr unary() {
        if (accept("-")) {
            return new Expr.Unary("-", unary());
        }
        if (accept("~")) {
            return new Expr.Unary("~", unary());
        }
        return primary();
    }

    private Expr primary() {
        if (next >= tokens.size()) {
            throw error("unexpected end");
        }
        String token = tokens.get(next++);
        if (token.equals("(")) {
            Expr inner = ternary();
            expect(")");
            return inner;
        }
        if (Character.isDigit(token.charAt(0))) {
            return new Expr.Num(parseNumber(token));
        }
        if (token.equals("true") || token.equals("false")) {
            return new Expr.Bool(Boolean.parseBoolean(token));
        }
        if (token.equals("_io.size")) {
            return new Expr.IoSize();
        }
        if (token.matches("[a-z][a-z0-9_]*")) {
            return new Expr.Ref(token);
        }
        throw error("unsupported '" + token + "'");
    }

    private long parseNumber(String token) {
        String digits = token.replace("_", "");
        try {
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
                return Long.parseUnsignedLong(digits.substring(2), 16);
            }
            if (digits.startsWith("0b") || digits.startsWith("0B")) {
                return Long.parseUnsignedLong(digits.substring(2), 2);
            }
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error("bad number '" + token + "'");
        }
    }

    private boolean accept(String token) {
        if (next < tokens.size() && tokens.get(next).equals(token)) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw error("expected '" + token + "'");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " in expression '" + text + "'");
    }

    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (Character.isLetterOrDigit(c) || c == '_') {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '.' && text.startsWith("_io.", start))) {
                    i++;
                }
            } else if (i + 1 < text.length() && List.of("==", "!=", "<=", ">=", "<<", ">>")
                    .contains(text.substring(i, i + 2))) {
                i += 2;
            } else if ("+-*/%&|^~<>()?:".indexOf(c) >= 0) {
                i++;
            } else {
                throw new IllegalArgumentException("unsupported character '" + c + "' in expression '" + text + "'");
            }
            out.add(text.substring(start, i));
        }
        return out;
    }
}
