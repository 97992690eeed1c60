package dev.dissect.net.filter;

import dev.dissect.api.dissection.Dissection;

/** A compiled filter expression: logic over tests of fields and protocols. */
abstract class Node {
    abstract boolean test(Dissection d);

    static final class And extends Node {
        private final Node left;
        private final Node right;

        And(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        @Override
        boolean test(Dissection d) {
            return left.test(d) && right.test(d);
        }
    }

    static final class Or extends Node {
        private final Node left;
        private final Node right;

        Or(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        @Override
        boolean test(Dissection d) {
            return left.test(d) || right.test(d);
        }
    }

    static final class Not extends Node {
        private final Node inner;

        Not(Node inner) {
            this.inner = inner;
        }

        @Override
        boolean test(Dissection d) {
            return !inner.test(d);
        }
    }

    /** A bare field or protocol: present at least once. */
    static final class Exists extends Node {
        private final Operand operand;

        Exists(Operand operand) {
            this.operand = operand;
        }

        @Override
        boolean test(Dissection d) {
            return operand.first(d) >= 0;
        }
    }

    /**
     * A comparison: the operand must be present, and then any occurrence ({@code ==}, {@code <}, {@code contains}
     * …) or every occurrence ({@code !=}, {@code ===}, {@code all}) must satisfy the predicate.
     */
    static final class Compare extends Node {
        private final Operand operand;
        private final boolean all;
        private final Predicate predicate;

        Compare(Operand operand, boolean all, Predicate predicate) {
            this.operand = operand;
            this.all = all;
            this.predicate = predicate;
        }

        @Override
        boolean test(Dissection d) {
            int h = operand.first(d);
            if (h < 0) {
                return false;
            }
            for (; h >= 0; h = operand.next(d, h)) {
                if (predicate.test(operand, d, h) != all) {
                    return !all;
                }
            }
            return all;
        }
    }
}
