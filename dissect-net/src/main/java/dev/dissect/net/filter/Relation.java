package dev.dissect.net.filter;

/** An ordering relation between a value and a literal, decided from a comparison result. */
enum Relation {
    EQ, LT, LE, GT, GE;

    /** True if {@code cmp} (negative, zero, positive as {@link Comparable}) satisfies this relation. */
    boolean holds(int cmp) {
        return switch (this) {
            case EQ -> cmp == 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
        };
    }
}
