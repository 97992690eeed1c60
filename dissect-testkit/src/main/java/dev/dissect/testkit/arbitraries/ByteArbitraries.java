package dev.dissect.testkit.arbitraries;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Byte inputs for dissector properties: arbitrary bytes, and valid messages broken the ways captures break them.
 *
 * <p>Random bytes rarely get past a protocol's magic number, so a good input mix starts from valid messages
 * (the plugin author's own arbitrary) and damages them: truncated (snap length), extended (trailing bytes),
 * with bytes overwritten (corruption) or with a length field pushed to an extreme.
 *
 * @since 0.1
 */
public final class ByteArbitraries {
    private ByteArbitraries() {
    }

    /** Any bytes, 0 to {@code maxLength} of them; shrinks towards fewer and zero bytes. */
    public static Arbitrary<byte[]> bytes(int maxLength) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(maxLength);
    }

    /**
     * {@code valid} messages damaged at random: cut short, extended with junk, with one to four bytes overwritten
     * (often with 0x00 or 0xff, the values that make lengths extreme), or left intact.
     */
    public static Arbitrary<byte[]> damaged(Arbitrary<byte[]> valid) {
        return Arbitraries.oneOf(truncated(valid), extended(valid), corrupted(valid));
    }

    /**
     * A mix for "never throws" properties: a quarter arbitrary bytes, a quarter intact {@code valid} messages,
     * half damaged ones.
     */
    public static Arbitrary<byte[]> inputs(Arbitrary<byte[]> valid, int maxLength) {
        return Arbitraries.frequencyOf(
                Tuple.of(1, bytes(maxLength)),
                Tuple.of(1, valid),
                Tuple.of(2, damaged(valid)));
    }

    /** {@code valid} messages cut at an arbitrary point (possibly 0 bytes, possibly whole). */
    public static Arbitrary<byte[]> truncated(Arbitrary<byte[]> valid) {
        return valid.flatMap(b -> Arbitraries.integers().between(0, b.length).map(n -> Arrays.copyOf(b, n)));
    }

    /** {@code valid} messages followed by 1 to 32 arbitrary bytes. */
    public static Arbitrary<byte[]> extended(Arbitrary<byte[]> valid) {
        return Combinators.combine(valid, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(32))
                .as(ByteArbitraries::concat);
    }

    /** {@code valid} messages with one to four bytes overwritten. */
    public static Arbitrary<byte[]> corrupted(Arbitrary<byte[]> valid) {
        Arbitrary<Byte> value = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just((byte) 0)),
                Tuple.of(1, Arbitraries.just((byte) 0xFF)),
                Tuple.of(2, Arbitraries.bytes()));
        return valid.filter(b -> b.length > 0).flatMap(b -> {
            Arbitrary<Integer> index = Arbitraries.integers().between(0, b.length - 1);
            return Combinators.combine(index, value).as((i, v) -> new int[] {i, v}).list().ofMinSize(1).ofMaxSize(4)
                    .map(edits -> {
                        byte[] out = b.clone();
                        for (int[] e : edits) {
                            out[e[0]] = (byte) e[1];
                        }
                        return out;
                    });
        });
    }

    /** {@code a} then {@code b}. */
    public static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Each input wrapped in 0 to 16 random guard bytes before and after. */
    public static Arbitrary<GuardedSlice> guarded(Arbitrary<byte[]> inputs) {
        Arbitrary<byte[]> guard = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(16);
        return Combinators.combine(guard, inputs, guard).as(GuardedSlice::new);
    }
}
