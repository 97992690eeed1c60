package dev.dissect.net.filter;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test of one occurrence of an operand against literal values. The literals were parsed for the operand's type
 * when the filter was compiled, so testing allocates nothing (except {@code matches} on text that is built on
 * demand, such as {@code frame.protocols}).
 */
abstract class Predicate {
    abstract boolean test(Operand o, Dissection d, int h);

    /** Integers (and booleans, frame numbers) against an integer. */
    static final class Number extends Predicate {
        private final Relation rel;
        private final long literal;
        private final boolean signed;

        Number(Relation rel, long literal, boolean signed) {
            this.rel = rel;
            this.literal = literal;
            this.signed = signed;
        }

        @Override
        boolean test(Operand o, Dissection d, int h) {
            long v = o.number(d, h);
            return rel.holds(signed ? Long.compare(v, literal) : Long.compareUnsigned(v, literal));
        }
    }

    /** {@code field & mask}: true if any of the bits is set. */
    static final class BitAnd extends Predicate {
        private final long mask;

        BitAnd(long mask) {
            this.mask = mask;
        }

        @Override
        boolean test(Operand o, Dissection d, int h) {
            return (o.number(d, h) & mask) != 0;
        }
    }

    /** IPv4 addresses; with a prefix length, {@code ==} tests the network ({@code 10.0.0.0/8}). */
    static final class Ipv4 extends Predicate {
        private final Relation rel;
        private final long address;
        private final long mask;

        Ipv4(Relation rel, long address, int prefix) {
            this.rel = rel;
            this.mask = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
            this.address = address & mask;
        }

        @Override
        boolean test(Operand o, Dissection d, int h) {
            long v = o.number(d, h) & mask;
            return rel.holds(Long.compare(v, address));
        }
    }

    /**
     * Byte strings (MAC and IPv6 addresses, raw bytes, protocols), compared as unsigned bytes in order, the shorter
     * first when one is a prefix of the other. With {@code prefixBits} below the literal's length, only that many
     * leading bits take part ({@code fe80::/10}).
     */
    static final class Bytes extends Predicate {
        private final Relation rel;
        private final byte[] literal;
        private final int prefixBits;

        Bytes(Relation rel, byte[] literal, int prefixBits) {
            this.rel = rel;
            this.literal = literal;
            this.prefixBits = prefixBits;
        }

        @Override
        boolean test(Operand o, Dissection d, int h) {
            ByteView v = o.bytes(d, h);
            int off = o.bytesOffset(d, h);
            int len = o.bytesLength(d, h);
            if (prefixBits < literal.length * 8) {
                return len == literal.length && rel.holds(comparePrefix(v, off));
            }
            int n = Math.min(len, literal.length);
            for (int i = 0; i < n; i++) {
                int c = Integer.compare(v.u8(off + i), literal[i] & 0xFF);
                if (c != 0) {
                    return rel.holds(c);
                }
            }
            return rel.holds(Integer.compare(len, literal.length));
        }

        private int comparePrefix(ByteView v, int off) {
            int whole = prefixBits / 8;
            for (int i = 0; i < whole; i++) {
                int c = Integer.compare(v.u8(off + i), literal[i] & 0xFF);
                if (c != 0) {
                    return c;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return 0;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return Integer.compare(v.u8(off + whole) & mask, literal[whole] & mask);
        }
    }

    /** Text, compared character by character. */
    static final class Text extends Predicate {
        private final Relation rel;
        private final String literal;

        Text(Relation rel, String literal) {
            this.rel = rel;
            this.literal = literal;
        }

        @Override
        boolean test(Operand o, Dissection d, int h) {
            CharSequence v = o.text(d, h);
            return rel.holds(CharSequence.compare(v, literal));
        }
    }

    /** Times (seconds and nanoseconds). */
    static final class Time extends Predicate {
        private final Relation rel;
        private final long seconds;
        private final int nanos;

        Time(Relation rel, long seconds, int nanos) {
            this.rel = rel;
            this.seconds = seconds;
            this.nanos = nanos;
        }

        @Override
        boolean test(Operand o, Dissection d, int h) {
            int c = Long.compare(o.seconds(d, h), seconds);
            return rel.holds(c != 0 ? c : Integer.compare(o.nanos(d, h), nanos));
        }
    }

    /** {@code contains} on bytes and protocols: the byte sequence occurs anywhere. */
    static final class ContainsBytes extends Predicate {
        private final byte[] needle;

        ContainsBytes(byte[] needle) {
            this.needle = needle;
        }

        @Override
        boolean test(Operand o, Dissection d, int h) {
            ByteView v = o.bytes(d, h);
            if (v == null) {
                return needle.length == 0;
            }
            int off = o.bytesOffset(d, h);
            int last = off + o.bytesLength(d, h) - needle.length;
            outer:
            for (int i = off; i <= last; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (v.u8(i + j) != (needle[j] & 0xFF)) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }

    /** {@code contains} on text. */
    static final class ContainsText extends Predicate {
        private final String needle;

        ContainsText(String needle) {
            this.needle = needle;
        }

        @Override
        boolean test(Operand o, Dissection d, int h) {
            CharSequence v = o.text(d, h);
            int last = v.length() - needle.length();
            outer:
            for (int i = 0; i <= last; i++) {
                for (int j = 0; j < needle.length(); j++) {
                    if (v.charAt(i + j) != needle.charAt(j)) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }

    /** {@code matches}: a regular expression found anywhere in the text (Wireshark's PCRE2 search). */
    static final class Matches extends Predicate {
        private final Matcher matcher;

        Matches(Pattern pattern) {
            this.matcher = pattern.matcher("");
        }

        @Override
        boolean test(Operand o, Dissection d, int h) {
            return matcher.reset(o.text(d, h)).find();
        }
    }

    /** The negation of another predicate (for {@code !=} and {@code !==}). */
    static final class Not extends Predicate {
        private final Predicate inner;

        Not(Predicate inner) {
            this.inner = inner;
        }

        @Override
        boolean test(Operand o, Dissection d, int h) {
            return !inner.test(o, d, h);
        }
    }

    /** {@code in {…}}: any element holds; a range is a {@code >=} and a {@code <=} predicate together. */
    static final class AnyOf extends Predicate {
        private final Predicate[] lows;
        private final Predicate[] highs;

        /** {@code highs[i]} is null for a single value {@code lows[i]} (an equality). */
        AnyOf(Predicate[] lows, Predicate[] highs) {
            this.lows = lows;
            this.highs = highs;
        }

        @Override
        boolean test(Operand o, Dissection d, int h) {
            for (int i = 0; i < lows.length; i++) {
                if (lows[i].test(o, d, h) && (highs[i] == null || highs[i].test(o, d, h))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Comparison with another field: true if any occurrence of the other field stands in the relation. */
    static final class OtherField extends Predicate {
        private final Relation rel;
        private final Operand other;

        OtherField(Relation rel, Operand other) {
            this.rel = rel;
            this.other = other;
        }

        @Override
        boolean test(Operand o, Dissection d, int h) {
            for (int j = other.first(d); j >= 0; j = other.next(d, j)) {
                if (rel.holds(compare(o, other, d, h, j))) {
                    return true;
                }
            }
            return false;
        }

        private static int compare(Operand a, Operand b, Dissection d, int i, int j) {
            switch (a.kind()) {
                case UNSIGNED:
                    return Long.compareUnsigned(a.number(d, i), b.number(d, j));
                case SIGNED:
                    return Long.compare(a.number(d, i), b.number(d, j));
                case IPV4:
                    return Long.compare(a.number(d, i), b.number(d, j));
                case TIME: {
                    int c = Long.compare(a.seconds(d, i), b.seconds(d, j));
                    return c != 0 ? c : Integer.compare(a.nanos(d, i), b.nanos(d, j));
                }
                case STRING:
                    return CharSequence.compare(a.text(d, i).toString(), b.text(d, j));
                default: {
                    ByteView x = a.bytes(d, i);
                    ByteView y = b.bytes(d, j);
                    int xo = a.bytesOffset(d, i);
                    int yo = b.bytesOffset(d, j);
                    int xl = a.bytesLength(d, i);
                    int yl = b.bytesLength(d, j);
                    for (int k = 0, n = Math.min(xl, yl); k < n; k++) {
                        int c = Integer.compare(x.u8(xo + k), y.u8(yo + k));
                        if (c != 0) {
                            return c;
                        }
                    }
                    return Integer.compare(xl, yl);
                }
            }
        }
    }
}
