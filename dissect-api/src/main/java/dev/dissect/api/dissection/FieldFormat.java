package dev.dissect.api.dissection;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.field.Base;
import dev.dissect.api.field.FieldDef;

/**
 * Prints field values exactly as tshark's {@code -T fields} does, so output can be diffed against tshark.
 *
 * @since 0.1
 */
public final class FieldFormat {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private FieldFormat() {
    }

    /** Appends one value; see {@link Dissection#appendValue(int, StringBuilder)}. */
    static StringBuilder append(StringBuilder out, FieldDef def, long value, int aux, ByteView src, int offset,
                                int length, Object object) {
        switch (def.type()) {
            case UINT -> appendUnsigned(out, value, def.base(), def.width());
            case INT, FRAMENUM -> out.append(value);
            case BOOLEAN -> out.append(value != 0 ? '1' : '0');
            case ETHER -> appendHexSeparated(out, src, offset, length, ':');
            case IPV4 -> {
                if (src != null && length == 4) {
                    value = src.u32(offset);
                }
                appendIpv4(out, value);
            }
            case IPV6 -> appendIpv6(out, src, offset);
            case BYTES -> appendHex(out, src, offset, length);
            case STRING -> {
                if (object != null) {
                    out.append(object);
                } else {
                    for (int i = 0; i < length; i++) {
                        out.append((char) src.u8(offset + i));
                    }
                }
            }
            case ABSOLUTE_TIME, RELATIVE_TIME -> appendSecondsNanos(out, value, aux);
            case NONE -> out.append('1'); // tshark's -T fields prints 1 for a present label, so presence can be tested
            default -> throw new IllegalStateException("unknown type " + def.type());
        }
        return out;
    }

    /** Decimal, or {@code 0x} and hex zero-padded to {@code width} bytes. */
    public static StringBuilder appendUnsigned(StringBuilder out, long value, Base base, int width) {
        if (base == Base.HEX) {
            return appendHexDigits(out.append("0x"), value, Math.max(1, width) * 2);
        }
        return out.append(Long.toUnsignedString(value));
    }

    /** The low {@code digits} hex digits of {@code value}, lower-case and zero-padded, without {@code 0x}. */
    public static StringBuilder appendHexDigits(StringBuilder out, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(int) (value >>> shift) & 0xF]);
        }
        return out;
    }

    /** {@code seconds.nnnnnnnnn}, tshark's epoch-time format. */
    public static StringBuilder appendSecondsNanos(StringBuilder out, long seconds, int nanos) {
        if (seconds < 0 && nanos > 0) { // a negative time: -0.5 is seconds -1, nanos 500000000
            seconds += 1;
            nanos = 1_000_000_000 - nanos;
            if (seconds == 0) {
                out.append('-');
            }
        }
        out.append(seconds).append('.');
        String n = Integer.toString(nanos);
        for (int i = n.length(); i < 9; i++) {
            out.append('0');
        }
        return out.append(n);
    }

    /** Appends a 32-bit value as a dotted-decimal IPv4 address. */
    public static StringBuilder appendIpv4(StringBuilder out, long address) {
        return out.append((address >>> 24) & 0xFF).append('.').append((address >>> 16) & 0xFF).append('.')
                .append((address >>> 8) & 0xFF).append('.').append(address & 0xFF);
    }

    /** RFC 5952: lower-case, leading zeros dropped, the longest run (two or more) of zero groups as {@code ::}. */
    public static StringBuilder appendIpv6(StringBuilder out, ByteView src, int offset) {
        int bestStart = -1;
        int bestLen = 0;
        int runStart = -1;
        for (int g = 0; g < 8; g++) {
            if (src.u16(offset + 2 * g) == 0) {
                if (runStart < 0) {
                    runStart = g;
                }
                if (g - runStart + 1 > bestLen) {
                    bestStart = runStart;
                    bestLen = g - runStart + 1;
                }
            } else {
                runStart = -1;
            }
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        // IPv4-mapped addresses (::ffff:a.b.c.d) keep their dotted tail, as tshark prints them.
        boolean mapped = bestStart == 0 && bestLen == 5 && src.u16(offset + 10) == 0xFFFF;
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                out.append("::");
                g += bestLen - 1;
                continue;
            }
            if (mapped && g == 6) {
                return appendIpv4(out.append(':'), src.u32(offset + 12));
            }
            if (g > 0 && g != bestStart + bestLen) {
                out.append(':');
            }
            appendHexGroup(out, src.u16(offset + 2 * g));
        }
        return out;
    }

    /** A 16-bit group in lower-case hex without leading zeros; unlike {@code Integer.toHexString}, allocates nothing. */
    private static void appendHexGroup(StringBuilder out, int group) {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int digit = group >>> shift & 0xF;
            if (digit != 0 || started || shift == 0) {
                out.append(HEX[digit]);
                started = true;
            }
        }
    }

    /** Appends {@code [offset, offset + length)} of {@code src} as lower-case hex without separators. */
    public static StringBuilder appendHex(StringBuilder out, ByteView src, int offset, int length) {
        for (int i = 0; i < length; i++) {
            int b = src.u8(offset + i);
            out.append(HEX[b >>> 4]).append(HEX[b & 0xF]);
        }
        return out;
    }

    /** Appends {@code [offset, offset + length)} of {@code src} as lower-case hex pairs joined by {@code separator}. */
    public static StringBuilder appendHexSeparated(StringBuilder out, ByteView src, int offset, int length,
                                                   char separator) {
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                out.append(separator);
            }
            int b = src.u8(offset + i);
            out.append(HEX[b >>> 4]).append(HEX[b & 0xF]);
        }
        return out;
    }
}
