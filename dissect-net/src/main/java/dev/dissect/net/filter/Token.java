package dev.dissect.net.filter;

/**
 * One lexical token of a display filter.
 *
 * @param kind  what it is
 * @param text  the text: a word, an operator, or a string's decoded content
 * @param start 0-based index of its first character in the filter
 */
record Token(Kind kind, String text, int start) {
    enum Kind {
        /** A field or protocol name, a keyword, or an unquoted value ({@code 10.0.0.0/8}, {@code aa:bb}). */
        WORD,
        /** A double-quoted string (escapes decoded) or a raw string {@code r"..."}. */
        STRING,
        /** {@code == != === !== < <= > >= && || ! & ~}. */
        OPERATOR,
        LPAREN, RPAREN, LBRACE, RBRACE, COMMA,
        END
    }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    boolean isWord(String w) {
        return kind == Kind.WORD && text.equals(w);
    }
}
