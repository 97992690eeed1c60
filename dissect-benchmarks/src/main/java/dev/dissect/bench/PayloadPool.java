package dev.dissect.bench;

import java.util.SplittableRandom;

/**
 * Pseudo-random bytes standing in for the bodies of TCP streams: one 1 MiB pool drawn from the seed, read
 * cyclically from a per-stream starting point, so that a retransmitted segment carries exactly the bytes of the
 * original without any stream being stored.
 */
final class PayloadPool {
    static final int SIZE = 1 << 20;
    private static final int MASK = SIZE - 1;

    private final byte[] bytes = new byte[SIZE];

    PayloadPool(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < SIZE; i += 8) {
            long value = random.nextLong();
            for (int j = 0; j < 8; j++) {
                bytes[i + j] = (byte) (value >>> (8 * j));
            }
        }
    }

    /** Copies {@code length} (at most {@link #SIZE}) bytes of stream {@code streamKey} from stream offset {@code offset}. */
    void copy(long streamKey, long offset, byte[] destination, int destinationOffset, int length) {
        int start = (int) ((streamKey + offset) & MASK);
        int first = Math.min(length, SIZE - start);
        System.arraycopy(bytes, start, destination, destinationOffset, first);
        System.arraycopy(bytes, 0, destination, destinationOffset + first, length - first);
    }
}
