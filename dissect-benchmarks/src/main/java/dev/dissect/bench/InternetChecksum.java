package dev.dissect.bench;

/**
 * The Internet checksum of RFC 1071: the ones' complement of the ones' complement sum of 16-bit big-endian words.
 *
 * <p>Sums are kept unfolded in a {@code long} so that partial sums (a pseudo-header, then a segment) add up
 * without carries being lost; {@link #finish(long)} folds and complements once.
 */
final class InternetChecksum {
    private InternetChecksum() {
    }

    /** Adds {@code length} bytes of {@code bytes} from {@code offset} to {@code sum}; an odd last byte is padded with zero. */
    static long add(long sum, byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + (length & ~1);
        for (; i < end; i += 2) {
            sum += ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
        }
        if ((length & 1) != 0) {
            sum += (bytes[i] & 0xFF) << 8;
        }
        return sum;
    }

    /** Folds the carries of {@code sum} into 16 bits and complements it: the value to put on the wire. */
    static int finish(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }
}
