package dev.dissect.testkit.arbitraries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Ways to cut a byte stream into TCP segments, and orders to deliver them in.
 *
 * <pre>
 *   stream   | len=6 abcdef | len=3 xyz |
 *   cut at   {3, 9, 10}
 *   segments | len | =6 abc | def len=3 x | yz |
 * </pre>
 *
 * <p>Besides random cuts, the extremes are drawn often: one segment, one byte per segment, and a cut just before
 * or after every message boundary (where framing bugs live) is likely because cuts cluster at small distances.
 *
 * @since 0.1
 */
public final class SegmentArbitraries {
    private SegmentArbitraries() {
    }

    /** Sorted cut points strictly inside {@code [0, length)}: the stream splits before each. */
    public static Arbitrary<int[]> cuts(int length) {
        if (length < 2) {
            return Arbitraries.just(new int[0]);
        }
        Arbitrary<int[]> random = Arbitraries.integers().between(1, length - 1).set().ofMaxSize(Math.min(length - 1, 64))
                .map(s -> new TreeSet<>(s).stream().mapToInt(Integer::intValue).toArray());
        Arbitrary<int[]> everyByte = Arbitraries.just(IntStream.range(1, length).toArray());
        Arbitrary<int[]> none = Arbitraries.just(new int[0]);
        Arbitrary<int[]> regular = Arbitraries.integers().between(1, Math.max(1, Math.min(length - 1, 16)))
                .map(step -> IntStream.iterate(step, i -> i < length, i -> i + step).toArray());
        return Arbitraries.frequencyOf(Tuple.of(6, random), Tuple.of(2, regular), Tuple.of(1, everyByte),
                Tuple.of(1, none));
    }

    /** {@code stream} cut into segments at arbitrary points; joined again they are {@code stream}. */
    public static Arbitrary<List<byte[]>> segmentations(byte[] stream) {
        return cuts(stream.length).map(c -> split(stream, c));
    }

    /** {@code stream} split before each of {@code cuts} (sorted, inside the stream). */
    public static List<byte[]> split(byte[] stream, int[] cuts) {
        List<byte[]> out = new ArrayList<>(cuts.length + 1);
        int from = 0;
        for (int c : cuts) {
            out.add(Arrays.copyOfRange(stream, from, c));
            from = c;
        }
        out.add(Arrays.copyOfRange(stream, from, stream.length));
        return out;
    }

    /**
     * Delivery orders of {@code n} segments: a permutation of {@code 0..n-1}. In order, reversed, one pair swapped
     * (the common reordering on a network) or shuffled.
     */
    public static Arbitrary<List<Integer>> orderings(int n) {
        List<Integer> inOrder = IntStream.range(0, n).boxed().toList();
        List<Integer> reversed = new ArrayList<>(inOrder);
        java.util.Collections.reverse(reversed);
        Arbitrary<List<Integer>> swapped = n < 2 ? Arbitraries.just(inOrder)
                : Arbitraries.integers().between(0, n - 2).map(i -> {
                    List<Integer> l = new ArrayList<>(inOrder);
                    java.util.Collections.swap(l, i, i + 1);
                    return l;
                });
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(inOrder)), Tuple.of(1, Arbitraries.just(reversed)),
                Tuple.of(3, swapped), Tuple.of(3, Arbitraries.shuffle(inOrder)));
    }

    /** One or more messages from {@code messages} joined into one stream. */
    public static Arbitrary<byte[]> streams(Arbitrary<byte[]> messages, int maxMessages) {
        return messages.list().ofMinSize(1).ofMaxSize(maxMessages).map(list -> {
            byte[] out = new byte[0];
            for (byte[] m : list) {
                out = ByteArbitraries.concat(out, m);
            }
            return out;
        });
    }
}
