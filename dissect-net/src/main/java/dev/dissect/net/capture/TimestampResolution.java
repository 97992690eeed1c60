package dev.dissect.net.capture;

import java.math.BigInteger;

/**
 * A pcapng interface's timestamp unit ({@code if_tsresol}): 10<sup>-n</sup> s if the top bit is clear,
 * 2<sup>-n</sup> s if it is set. Converts 64-bit unsigned tick counts to seconds and nanoseconds without overflow.
 *
 * <p>Supported: powers of ten up to 10<sup>-18</sup> and powers of two up to 2<sup>-62</sup>, whose ticks per
 * second fit a {@code long}.
 */
final class TimestampResolution {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int POWER_OF_TWO_FLAG = 0x80;
    private static final int MAX_DECIMAL_EXPONENT = 18;
    private static final int MAX_BINARY_EXPONENT = 62;

    private final int tsresol;
    private final boolean binary;
    private final int exponent;
    private final long ticksPerSecond;
    /** For decimal: 10^|9 - exponent|. */
    private final long scale;

    private TimestampResolution(int tsresol) {
        this.tsresol = tsresol;
        this.binary = (tsresol & POWER_OF_TWO_FLAG) != 0;
        this.exponent = tsresol & ~POWER_OF_TWO_FLAG;
        this.ticksPerSecond = binary ? 1L << exponent : pow10(exponent);
        this.scale = binary ? 0 : pow10(Math.abs(9 - exponent));
    }

    /** The resolution an {@code if_tsresol} byte names, or null if it is outside what a long can count. */
    static TimestampResolution of(int tsresol) {
        int exponent = tsresol & ~POWER_OF_TWO_FLAG & 0xFF;
        boolean binary = (tsresol & POWER_OF_TWO_FLAG) != 0;
        if (exponent > (binary ? MAX_BINARY_EXPONENT : MAX_DECIMAL_EXPONENT)) {
            return null;
        }
        return new TimestampResolution(tsresol & 0xFF);
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    int tsresol() {
        return tsresol;
    }

    long ticksPerSecond() {
        return ticksPerSecond;
    }

    /** Whole seconds in {@code ticks}, read as unsigned. */
    long seconds(long ticks) {
        return binary ? ticks >>> exponent : Long.divideUnsigned(ticks, ticksPerSecond);
    }

    /** Nanoseconds within the second, rounded down. */
    int nanos(long ticks) {
        if (binary) {
            long fraction = ticks & (ticksPerSecond - 1);
            if (exponent == 0) {
                return 0;
            }
            // floor(fraction * 1e9 / 2^exponent), with the product in 128 bits.
            long high = Math.multiplyHigh(fraction, NANOS_PER_SECOND);
            long low = fraction * NANOS_PER_SECOND;
            return (int) (high << (64 - exponent) | low >>> exponent);
        }
        long fraction = Long.remainderUnsigned(ticks, ticksPerSecond);
        return (int) (exponent <= 9 ? fraction * scale : fraction / scale);
    }

    /**
     * The tick count for a time; exact when the resolution is at least as fine as nanoseconds (for powers of two,
     * from 2<sup>-30</sup>), else rounded so that {@link #nanos} reads back the time rounded to the resolution.
     */
    long ticks(long epochSecond, int nanos) {
        if (binary) {
            BigInteger fraction = BigInteger.valueOf(nanos).shiftLeft(exponent)
                    .add(BigInteger.valueOf(NANOS_PER_SECOND - 1)).divide(BigInteger.valueOf(NANOS_PER_SECOND));
            return (epochSecond << exponent) + fraction.longValue();
        }
        long fraction = exponent <= 9 ? nanos / scale : nanos * scale;
        return epochSecond * ticksPerSecond + fraction;
    }
}
