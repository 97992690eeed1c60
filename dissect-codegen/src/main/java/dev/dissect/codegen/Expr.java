package dev.dissect.codegen;

/**
 * A parsed Kaitai expression, of the subset the flyweights support: integer literals, {@code true}/{@code false},
 * references to fields, instances and parameters, {@code _io.size}, arithmetic, shifts, bitwise and/or/xor,
 * comparisons, {@code and}/{@code or}/{@code not} and {@code ?:}.
 */
public sealed interface Expr {

    /** An integer literal. */
    record Num(long value) implements Expr {
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements Expr {
    }

    /** A field, instance or parameter of the same type, by its ksy id. */
    record Ref(String name) implements Expr {
    }

    /** {@code _io.size}: the length of the window the view was wrapped on. */
    record IoSize() implements Expr {
    }

    /** {@code -x}, {@code ~x} or {@code not x}. */
    record Unary(String op, Expr operand) implements Expr {
    }

    /** A binary operator in Kaitai spelling ({@code and}, {@code or}, {@code +}, {@code ==}, ...). */
    record Binary(String op, Expr left, Expr right) implements Expr {
    }

    /** {@code condition ? then : otherwise}. */
    record Ternary(Expr condition, Expr then, Expr otherwise) implements Expr {
    }
}
