package dev.dissect.net.filter;

import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.FieldType;
import dev.dissect.net.engine.DissectorRegistry;
import dev.dissect.net.filter.Token.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Recursive descent over Wireshark's display-filter grammar (the everyday part), from lowest precedence up:
 *
 * <pre>
 * or      := and (("or" | "||") and)*
 * and     := unary (("and" | "&amp;&amp;") unary)*
 * unary   := ("not" | "!") unary | "(" or ")" | test
 * test    := ["any" | "all"] NAME [relation value | "contains" value | ("matches" | "~") STRING
 *                                  | "in" "{" element ([","] element)* "}" | "&amp;" value]
 * element := value [".." value]
 * </pre>
 *
 * Values are parsed for the type of the field on the left, so errors name the column of the literal.
 */
final class FilterParser {
    private final String filter;
    private final List<Token> tokens;
    private final DissectorRegistry registry;
    /** The field that stands for a frame's layers: recording it asks every dissector for all of its layers. */
    private static final String PROTOCOL_STACK = "frame.protocols";

    private final Set<FieldDef> referenced = new LinkedHashSet<>();
    private int pos;

    private FilterParser(String filter, DissectorRegistry registry) {
        this.filter = filter;
        this.tokens = FilterLexer.tokens(filter);
        this.registry = registry;
    }

    /** A compiled filter: its expression (null for an empty filter) and the fields it reads. */
    record Parsed(Node root, Set<FieldDef> fields) {
    }

    /** Compiles {@code filter}; an empty filter gives a null expression (which passes every frame, as in tshark). */
    static Parsed parse(String filter, DissectorRegistry registry) {
        FilterParser p = new FilterParser(filter, registry);
        return new Parsed(p.expression(), Collections.unmodifiableSet(p.referenced));
    }

    private Node expression() {
        if (peek().kind() == Kind.END) {
            return null;
        }
        Node n = or();
        Token t = peek();
        if (t.kind() != Kind.END) {
            throw error(t, t.kind() == Kind.RPAREN ? "unbalanced ')'" : "unexpected " + describe(t)
                    + "; expected \"and\", \"or\" or the end of the filter");
        }
        return n;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token take() {
        return tokens.get(pos++);
    }

    private boolean accept(String... alternatives) {
        Token t = peek();
        if (t.kind() == Kind.WORD || t.kind() == Kind.OPERATOR) {
            for (String a : alternatives) {
                if (t.text().equals(a)) {
                    pos++;
                    return true;
                }
            }
        }
        return false;
    }

    private Node or() {
        Node left = and();
        while (accept("or", "||")) {
            left = new Node.Or(left, and());
        }
        return left;
    }

    private Node and() {
        Node left = unary();
        while (accept("and", "&&")) {
            left = new Node.And(left, unary());
        }
        return left;
    }

    private Node unary() {
        if (accept("not", "!")) {
            return new Node.Not(unary());
        }
        Token t = peek();
        if (t.kind() == Kind.LPAREN) {
            pos++;
            Node inner = or();
            Token close = peek();
            if (close.kind() != Kind.RPAREN) {
                throw error(close, "missing ')' for the '(' at column " + (t.start() + 1));
            }
            pos++;
            return inner;
        }
        return test();
    }

    private Node test() {
        Boolean quantifier = null;
        if (peek().kind() == Kind.WORD && (peek().text().equals("any") || peek().text().equals("all"))
                && tokens.get(pos + 1).kind() == Kind.WORD) {
            quantifier = take().text().equals("all");
        }
        Token nameToken = take();
        Operand operand = operand(nameToken);
        Token op = peek();
        String o = op.kind() == Kind.WORD || op.kind() == Kind.OPERATOR ? op.text() : "";
        Relation rel;
        boolean all;
        boolean negate = false;
        switch (o) {
            case "==", "eq", "any_eq" -> { rel = Relation.EQ; all = false; }
            case "!=", "ne", "all_ne" -> { rel = Relation.EQ; all = true; negate = true; }
            case "===", "all_eq" -> { rel = Relation.EQ; all = true; }
            case "!==", "any_ne" -> { rel = Relation.EQ; all = false; negate = true; }
            case "<", "lt" -> { rel = Relation.LT; all = false; }
            case "<=", "le" -> { rel = Relation.LE; all = false; }
            case ">", "gt" -> { rel = Relation.GT; all = false; }
            case ">=", "ge" -> { rel = Relation.GE; all = false; }
            case "contains" -> {
                pos++;
                return compare(operand, quantifier, false, contains(operand, take()));
            }
            case "matches", "~" -> {
                pos++;
                return compare(operand, quantifier, false, matches(operand, take()));
            }
            case "in" -> {
                pos++;
                return compare(operand, quantifier, false, set(operand));
            }
            case "&", "bitwise_and" -> {
                pos++;
                return compare(operand, quantifier, false, bitAnd(operand, take()));
            }
            default -> {
                if (quantifier != null) {
                    throw error(op, "\"" + (quantifier ? "all" : "any") + "\" needs a comparison after "
                            + operand.name());
                }
                return new Node.Exists(operand);
            }
        }
        pos++;
        Predicate p = value(operand, rel, take());
        return compare(operand, quantifier, all, negate ? new Predicate.Not(p) : p);
    }

    private static Node compare(Operand operand, Boolean quantifier, boolean all, Predicate p) {
        return new Node.Compare(operand, quantifier != null ? quantifier : all, p);
    }

    private Operand operand(Token t) {
        if (t.kind() == Kind.WORD && peek().kind() == Kind.LPAREN) {
            throw error(t, "functions such as " + t.text() + "() are not supported");
        }
        if (t.kind() != Kind.WORD) {
            throw error(t, "expected a field or protocol name, found " + describe(t));
        }
        FieldDef def = registry.fields().get(t.text());
        if (def != null) {
            referenced.add(def);
            return Operand.field(def);
        }
        if (registry.protocols().containsKey(t.text()) || t.text().equals("frame")) {
            FieldDef stack = registry.fields().get(PROTOCOL_STACK);
            if (stack != null) {
                referenced.add(stack); // testing a protocol reads the frame's whole protocol stack
            }
            return Operand.protocol(t.text());
        }
        throw error(t, "\"" + t.text() + "\" is neither a field nor a protocol name");
    }

    /** A literal (or another field) for a relation; the literal is read as the operand's type. */
    private Predicate value(Operand operand, Relation rel, Token t) {
        requireValue(t);
        if (t.kind() == Kind.WORD) {
            FieldDef other = registry.fields().get(t.text());
            if (other != null && operand.def() != null) {
                referenced.add(other);
                Operand right = Operand.field(other);
                if (!compatible(operand.kind(), right.kind())) {
                    throw error(t, operand.name() + " and " + other.name() + " have different types ("
                            + operand.def().type() + ", " + other.type() + ")");
                }
                return new Predicate.OtherField(rel, right);
            }
        }
        String s = t.text();
        boolean quoted = t.kind() == Kind.STRING;
        FieldDef def = operand.def();
        switch (operand.kind()) {
            case LABEL:
                throw error(t, operand.name() + " has no value; test its presence only (\"" + operand.name() + "\")");
            case UNSIGNED:
            case SIGNED: {
                long v = integer(operand, t);
                if (def.type() == FieldType.BOOLEAN) {
                    v = v != 0 ? 1 : 0;
                }
                return new Predicate.Number(rel, v, operand.kind() == Operand.Kind.SIGNED);
            }
            case IPV4: {
                long[] a = LiteralParser.ipv4(s);
                if (a == null) {
                    throw error(t, "\"" + s + "\" is not a valid IPv4 address (a.b.c.d or a.b.c.d/prefix)");
                }
                return new Predicate.Ipv4(rel, a[0], (int) a[1]);
            }
            case STRING:
                return new Predicate.Text(rel, s);
            case TIME: {
                long[] v = LiteralParser.time(s);
                if (v == null) {
                    throw error(t, "\"" + s + "\" is not a time (seconds such as 1700000000.5, or 2023-11-14T22:13:20Z)");
                }
                return new Predicate.Time(rel, v[0], (int) v[1]);
            }
            default:
                if (def != null && def.type() == FieldType.IPV6) {
                    int[] prefix = new int[1];
                    byte[] a = LiteralParser.ipv6(s, prefix);
                    if (a == null) {
                        throw error(t, "\"" + s + "\" is not a valid IPv6 address");
                    }
                    return new Predicate.Bytes(rel, a, prefix[0]);
                }
                if (def != null && def.type() == FieldType.ETHER) {
                    byte[] a = LiteralParser.ether(s);
                    if (a == null) {
                        throw error(t, "\"" + s + "\" is not a valid Ethernet address (aa:bb:cc:dd:ee:ff)");
                    }
                    return new Predicate.Bytes(rel, a, 48);
                }
                byte[] b = bytes(t, quoted);
                return new Predicate.Bytes(rel, b, b.length * 8);
        }
    }

    private static boolean compatible(Operand.Kind a, Operand.Kind b) {
        boolean an = a == Operand.Kind.UNSIGNED || a == Operand.Kind.SIGNED;
        boolean bn = b == Operand.Kind.UNSIGNED || b == Operand.Kind.SIGNED;
        return a != Operand.Kind.LABEL && (a == b || (an && bn));
    }

    private long integer(Operand operand, Token t) {
        FieldDef def = operand.def();
        Long v = LiteralParser.integer(t.text(), def.type() == FieldType.BOOLEAN);
        if (v == null) {
            throw error(t, "\"" + t.text() + "\" is not a valid number for " + def.name()
                    + (def.type() == FieldType.BOOLEAN ? " (use 1, 0, true or false)" : ""));
        }
        if (operand.kind() == Operand.Kind.UNSIGNED && v < 0 && t.text().startsWith("-")) {
            throw error(t, def.name() + " is unsigned; " + t.text() + " is out of range");
        }
        int width = def.width();
        if (operand.kind() == Operand.Kind.UNSIGNED && width > 0 && width < 8 && def.type() == FieldType.UINT
                && Long.compareUnsigned(v, (1L << (8 * width)) - 1) > 0) {
            throw error(t, t.text() + " is too big for " + def.name() + " (" + (8 * width) + " bits)");
        }
        return v;
    }

    private byte[] bytes(Token t, boolean quoted) {
        if (quoted) {
            return LiteralParser.utf8(t.text());
        }
        byte[] b = LiteralParser.byteString(t.text());
        if (b == null) {
            throw error(t, "\"" + t.text() + "\" is not a byte string (aa:bb:cc) or a quoted string");
        }
        return b;
    }

    private Predicate contains(Operand operand, Token t) {
        requireValue(t);
        return switch (operand.kind()) {
            case STRING -> new Predicate.ContainsText(t.text());
            case BYTES -> new Predicate.ContainsBytes(bytes(t, t.kind() == Kind.STRING));
            default -> throw error(t, "\"contains\" cannot be used on " + operand.name() + " ("
                    + operand.def().type() + "); it works on strings, bytes and protocols");
        };
    }

    private Predicate matches(Operand operand, Token t) {
        if (t.kind() != Kind.STRING) {
            throw error(t, "\"matches\" needs a double-quoted regular expression, found " + describe(t));
        }
        if (operand.kind() != Operand.Kind.STRING && operand.kind() != Operand.Kind.BYTES) {
            throw error(t, "\"matches\" cannot be used on " + operand.name() + " (" + operand.def().type()
                    + "); it works on strings, bytes and protocols");
        }
        try {
            // Wireshark's matches is case-insensitive unless the pattern says (?-i).
            return new Predicate.Matches(Pattern.compile(t.text(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        } catch (PatternSyntaxException e) {
            throw error(t, "bad regular expression: " + e.getDescription());
        }
    }

    private Predicate bitAnd(Operand operand, Token t) {
        requireValue(t);
        if (operand.kind() != Operand.Kind.UNSIGNED && operand.kind() != Operand.Kind.SIGNED) {
            throw error(t, "\"&\" works on integer fields only, not on " + operand.name());
        }
        return new Predicate.BitAnd(integer(operand, t));
    }

    private Predicate set(Operand operand) {
        Token open = take();
        if (open.kind() != Kind.LBRACE) {
            throw error(open, "\"in\" needs a set: {80 443 8000..8080}");
        }
        List<Predicate> lows = new ArrayList<>();
        List<Predicate> highs = new ArrayList<>();
        while (true) {
            Token t = take();
            if (t.kind() == Kind.RBRACE) {
                break;
            }
            if (t.kind() == Kind.COMMA && !lows.isEmpty()) {
                continue;
            }
            if (t.kind() == Kind.END) {
                throw error(t, "missing '}' for the '{' at column " + (open.start() + 1));
            }
            requireValue(t);
            Token low = t;
            Token high = null;
            int range = t.kind() == Kind.WORD ? t.text().indexOf("..", 1) : -1;
            if (range > 0 && range + 2 < t.text().length()) {
                low = new Token(Kind.WORD, t.text().substring(0, range), t.start());
                high = new Token(Kind.WORD, t.text().substring(range + 2), t.start() + range + 2);
            } else if (t.kind() == Kind.WORD && t.text().endsWith("..")) {
                low = new Token(Kind.WORD, t.text().substring(0, t.text().length() - 2), t.start());
                high = take();
            } else if (peek().isWord("..")) {
                pos++;
                high = take();
            } else if (peek().kind() == Kind.WORD && peek().text().startsWith("..") && peek().text().length() > 2) {
                Token h = take();
                high = new Token(Kind.WORD, h.text().substring(2), h.start() + 2);
            }
            if (high == null) {
                lows.add(value(operand, Relation.EQ, low));
                highs.add(null);
            } else {
                requireValue(high);
                lows.add(value(operand, Relation.GE, low));
                highs.add(value(operand, Relation.LE, high));
            }
        }
        if (lows.isEmpty()) {
            throw error(open, "the set is empty");
        }
        return new Predicate.AnyOf(lows.toArray(new Predicate[0]), highs.toArray(new Predicate[0]));
    }

    private void requireValue(Token t) {
        if (t.kind() != Kind.WORD && t.kind() != Kind.STRING) {
            throw error(t, "expected a value, found " + describe(t));
        }
    }

    private static String describe(Token t) {
        return t.kind() == Kind.END ? "the end of the filter"
                : t.kind() == Kind.STRING ? "a string" : "'" + t.text() + "'";
    }

    private FilterSyntaxException error(Token t, String reason) {
        return new FilterSyntaxException(filter, t.start(), reason);
    }
}
