package dev.dissect.net.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dissect.api.dissection.Dissection;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Laws of the filter language, on the test frames of {@link DisplayFilterTest}, for generated expressions. */
class DisplayFilterProperties {
    private static final List<Dissection> FRAMES = List.of(DisplayFilterTest.tcp(), DisplayFilterTest.udp6());

    private static boolean eval(String filter, Dissection d) {
        return DisplayFilter.compile(filter, DisplayFilterTest.ENGINE.registry()).test(d);
    }

    @Property(tries = 200)
    void doubleNegationIsIdentity(@ForAll("expressions") String x) {
        for (Dissection d : FRAMES) {
            assertEquals(eval(x, d), eval("not not " + x, d), x);
            assertEquals(eval(x, d), eval("!(!(" + x + "))", d), x);
        }
    }

    @Property(tries = 200)
    void andAndOrAreSymmetric(@ForAll("expressions") String x, @ForAll("expressions") String y) {
        for (Dissection d : FRAMES) {
            assertEquals(eval("(" + x + ") and (" + y + ")", d), eval("(" + y + ") and (" + x + ")", d));
            assertEquals(eval("(" + x + ") || (" + y + ")", d), eval("(" + y + ") || (" + x + ")", d));
        }
    }

    @Property(tries = 200)
    void deMorgan(@ForAll("expressions") String x, @ForAll("expressions") String y) {
        for (Dissection d : FRAMES) {
            assertEquals(eval("not ((" + x + ") or (" + y + "))", d),
                    eval("(not (" + x + ")) and (not (" + y + "))", d));
        }
    }

    @Property(tries = 200)
    void notEqualIsNegatedAnyEqualWhenPresent(@ForAll("comparable") String field, @ForAll("values") String value) {
        for (Dissection d : FRAMES) {
            boolean present = eval(field, d);
            boolean eq = eval(field + " == " + value, d);
            assertEquals(present && !eq, eval(field + " != " + value, d));
        }
    }

    @Provide
    Arbitrary<String> expressions() {
        return expression(4);
    }

    /**
     * Filters nested at most {@code depth} operators deep (at most 2^depth atoms): bounded by construction, so
     * generation and shrinking stay fast (an unbounded recursive arbitrary once ran for minutes).
     */
    private static Arbitrary<String> expression(int depth) {
        Arbitrary<String> atoms = Arbitraries.of("tcp", "udp", "ip", "ipv6", "tcp.port == 443", "udp.port == 53",
                "ip.addr == 10.0.0.0/8", "tcp.port in {1..1000}", "frame.len > 60", "tcp.flags.syn",
                "tcp.payload contains \"GET\"", "ipv6.src == fe80::/10", "eth.src == 02:00:00:00:00:aa");
        if (depth == 0) {
            return atoms;
        }
        Arbitrary<String> sub = expression(depth - 1);
        Arbitrary<String> operators = Arbitraries.of(" and ", " or ", " && ", " || ");
        return Arbitraries.frequencyOf(
                Tuple.of(2, atoms),
                Tuple.of(1, sub.map(e -> "not " + e)),
                Tuple.of(1, Combinators.combine(sub, operators, sub).as((a, op, b) -> "(" + a + op + b + ")")));
    }

    @Provide
    Arbitrary<String> comparable() {
        return Arbitraries.of("tcp.port", "udp.port", "frame.len", "ip.len");
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.of("0", "1", "53", "64", "443", "5353", "40000", "65535");
    }
}
