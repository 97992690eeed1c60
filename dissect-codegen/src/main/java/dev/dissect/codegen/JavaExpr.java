package dev.dissect.codegen;

import java.util.Map;

/**
 * Translates a Kaitai {@link Expr} into a Java expression over a view's getters. Arithmetic is done in
 * {@code long} (literals get an {@code L}), so sizes computed from 32-bit fields cannot overflow;
 * {@code %} is Kaitai's non-negative modulo ({@link Math#floorMod(long, long)}).
 */
final class JavaExpr {

    /** What a name in an expression stands for: its Java code and whether it is boolean or 64-bit. */
    record Symbol(String code, boolean bool, boolean wide) {
    }

    /** A translated expression: Java code, whether it is boolean, whether it needs 64 bits. */
    record Code(String java, boolean bool, boolean wide) {
    }

    private final String file;
    private final String attribute;
    private final Map<String, Symbol> symbols;

    JavaExpr(String file, String attribute, Map<String, Symbol> symbols) {
        this.file = file;
        this.attribute = attribute;
        this.symbols = symbols;
    }

    Code integer(Expr e) {
        Code c = translate(e);
        if (c.bool()) {
            throw fail("expected an integer expression");
        }
        return c;
    }

    Code bool(Expr e) {
        Code c = translate(e);
        if (!c.bool()) {
            throw fail("expected a boolean expression");
        }
        return c;
    }

    Code translate(Expr e) {
        if (e instanceof Expr.Num n) {
            return new Code(n.value() + "L", false, n.value() != (int) n.value());
        }
        if (e instanceof Expr.Bool b) {
            return new Code(Boolean.toString(b.value()), true, false);
        }
        if (e instanceof Expr.IoSize) {
            return new Code("length", false, false);
        }
        if (e instanceof Expr.Ref r) {
            Symbol s = symbols.get(r.name());
            if (s == null) {
                throw fail("unknown name '" + r.name() + "' (only fields, instances and params of the same type)");
            }
            return new Code(s.code(), s.bool(), s.wide());
        }
        if (e instanceof Expr.Unary u) {
            if (u.op().equals("not")) {
                return new Code("!(" + bool(u.operand()).java() + ")", true, false);
            }
            Code c = integer(u.operand());
            return new Code(u.op() + "(" + c.java() + ")", false, c.wide());
        }
        if (e instanceof Expr.Ternary t) {
            Code a = translate(t.then());
            Code b = translate(t.otherwise());
            if (a.bool() != b.bool()) {
                throw fail("both branches of ?: must have the same type");
            }
            return new Code("(" + bool(t.condition()).java() + " ? " + a.java() + " : " + b.java() + ")", a.bool(),
                    a.wide() || b.wide());
        }
        Expr.Binary b = (Expr.Binary) e;
        switch (b.op()) {
            case "and", "or" -> {
                return new Code("(" + bool(b.left()).java() + (b.op().equals("and") ? " && " : " || ")
                        + bool(b.right()).java() + ")", true, false);
            }
            case "==", "!=" -> {
                Code l = translate(b.left());
                Code r = translate(b.right());
                if (l.bool() != r.bool()) {
                    throw fail("cannot compare a boolean with an integer");
                }
                return new Code("(" + l.java() + " " + b.op() + " " + r.java() + ")", true, false);
            }
            case "<", "<=", ">", ">=" -> {
                return new Code("(" + integer(b.left()).java() + " " + b.op() + " " + integer(b.right()).java() + ")",
                        true, false);
            }
            default -> {
                Code l = integer(b.left());
                Code r = integer(b.right());
                boolean wide = l.wide() || r.wide();
                if (b.op().equals("%")) {
                    return new Code("Math.floorMod(" + l.java() + ", " + r.java() + ")", false, wide);
                }
                return new Code("(" + l.java() + " " + b.op() + " " + r.java() + ")", false, wide);
            }
        }
    }

    private KsyException fail(String problem) {
        return new KsyException(file, attribute, problem);
    }
}
