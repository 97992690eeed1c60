package dev.dissect.net.filter;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads a literal as a value of the field's type, as Wireshark does: the same word {@code 10} is a number for
 * {@code ip.ttl}, the byte {@code 0x10} for {@code data.data}. Each method returns null if the text is not a valid
 * value; the parser turns that into an error at the literal's column.
 */
final class LiteralParser {
    private LiteralParser() {
    }

    /** Decimal, {@code 0x} hex, {@code 0b} binary or {@code 0}-prefixed octal; true/false for booleans. */
    static Long integer(String s, boolean allowBoolean) {
        if (allowBoolean) {
            if (s.equalsIgnoreCase("true")) {
                return 1L;
            }
            if (s.equalsIgnoreCase("false")) {
                return 0L;
            }
        }
        boolean negative = s.startsWith("-");
        String t = negative || s.startsWith("+") ? s.substring(1) : s;
        int radix = 10;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.startsWith("0b") || t.startsWith("0B")) {
            radix = 2;
            t = t.substring(2);
        } else if (t.length() > 1 && t.startsWith("0")) {
            radix = 8;
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            return null;
        }
        try {
            long v = Long.parseUnsignedLong(t, radix);
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code a.b.c.d} with an optional {@code /prefix}: returns {address, prefix}. */
    static long[] ipv4(String s) {
        int slash = s.indexOf('/');
        int prefix = 32;
        if (slash >= 0) {
            Long p = decimal(s.substring(slash + 1));
            if (p == null || p > 32) {
                return null;
            }
            prefix = (int) (long) p;
            s = s.substring(0, slash);
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        long a = 0;
        for (String part : parts) {
            Long b = decimal(part);
            if (b == null || b > 255) {
                return null;
            }
            a = (a << 8) | b;
        }
        return new long[] {a, prefix};
    }

    /** An IPv6 address (RFC 4291 text forms, including a dotted IPv4 tail) with an optional {@code /prefix}. */
    static byte[] ipv6(String s, int[] prefixOut) {
        int slash = s.indexOf('/');
        prefixOut[0] = 128;
        if (slash >= 0) {
            Long p = decimal(s.substring(slash + 1));
            if (p == null || p > 128) {
                return null;
            }
            prefixOut[0] = (int) (long) p;
            s = s.substring(0, slash);
        }
        if (s.indexOf(':') < 0) {
            return null;
        }
        int[] groups = new int[8];
        int tailGroups = 0;
        String head = s;
        String tail = "";
        int dbl = s.indexOf("::");
        if (dbl >= 0) {
            if (s.indexOf("::", dbl + 1) >= 0) {
                return null;
            }
            head = s.substring(0, dbl);
            tail = s.substring(dbl + 2);
        }
        int[] h = groups(head, dbl < 0);
        int[] t = groups(tail, true);
        if (h == null || t == null) {
            return null;
        }
        tailGroups = t.length;
        if (dbl < 0 ? h.length != 8 : h.length + tailGroups > 7) {
            return null;
        }
        System.arraycopy(h, 0, groups, 0, h.length);
        System.arraycopy(t, 0, groups, 8 - tailGroups, tailGroups);
        byte[] out = new byte[16];
        for (int g = 0; g < 8; g++) {
            out[2 * g] = (byte) (groups[g] >>> 8);
            out[2 * g + 1] = (byte) groups[g];
        }
        return out;
    }

    /** Colon-separated hex groups; the last may be a dotted IPv4 address (two groups) if {@code allowDotted}. */
    private static int[] groups(String s, boolean allowDotted) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int n = parts.length;
        boolean dotted = allowDotted && parts[n - 1].indexOf('.') >= 0;
        int[] out = new int[dotted ? n + 1 : n];
        for (int i = 0; i < n; i++) {
            String p = parts[i];
            if (dotted && i == n - 1) {
                long[] v4 = ipv4(p);
                if (v4 == null || v4[1] != 32) {
                    return null;
                }
                out[i] = (int) (v4[0] >>> 16);
                out[i + 1] = (int) (v4[0] & 0xFFFF);
                break;
            }
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            try {
                out[i] = Integer.parseInt(p, 16);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out;
    }

    /**
     * Hex bytes separated by {@code :}, {@code -} or {@code .} ({@code aa:bb:cc}, {@code aa-bb}, {@code 0.1.0.d},
     * {@code aabb.ccdd.eeff}); a lone {@code 0xff} or {@code ff} is one byte.
     */
    static byte[] byteString(String s) {
        if (s.startsWith("0x") && s.length() <= 4 && s.length() > 2) {
            s = s.substring(2);
        }
        String[] parts = s.split("[:.\\-]", -1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 4 || p.length() == 3) {
                return null;
            }
            if (parts.length == 1 && p.length() != 2 && p.length() != 1) {
                return null;
            }
            try {
                int v = Integer.parseInt(p, 16);
                if (p.length() == 4) {
                    out.write(v >>> 8);
                }
                out.write(v);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out.toByteArray();
    }

    /** A MAC address: exactly six bytes. */
    static byte[] ether(String s) {
        byte[] b = byteString(s);
        return b != null && b.length == 6 ? b : null;
    }

    /** The UTF-8 bytes of a quoted string, for comparing bytes with text ({@code tcp.payload contains "GET"}). */
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Seconds with an optional fraction ({@code 1795956564.134951}), or an ISO-8601 instant in UTC. */
    static long[] time(String s) {
        try {
            BigDecimal v = new BigDecimal(s);
            BigDecimal seconds = v.setScale(0, java.math.RoundingMode.FLOOR);
            long nanos = v.subtract(seconds).movePointRight(9).setScale(0, java.math.RoundingMode.HALF_UP).longValue();
            return new long[] {seconds.longValueExact(), nanos};
        } catch (NumberFormatException | ArithmeticException e) {
            try {
                Instant t = Instant.parse(s);
                return new long[] {t.getEpochSecond(), t.getNano()};
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static Long decimal(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(s);
    }
}
