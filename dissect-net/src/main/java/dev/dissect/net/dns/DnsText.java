package dev.dissect.net.dns;

import dev.dissect.api.buffer.ByteView;

/**
 * Renders wire bytes as tshark 4.0 prints DNS text: names through Wireshark's {@code format_text} (valid UTF-8
 * kept, control bytes escaped), character strings as ASCII (stopping at a NUL, bytes above 0x7f as U+FFFD, control
 * bytes escaped).
 */
final class DnsText {
    static final char REPLACEMENT = '\uFFFD';

    private DnsText() {
    }

    /**
     * {@code format_text} as tshark 4.0 prints names: printable ASCII as is, escapes for ASCII control bytes, and
     * bytes from 0x80 decoded the lenient way GLib does it:
     * <ul>
     *   <li>a lead byte announces 1 to 5 continuation bytes by its high bits ({@code 110}, {@code 1110},
     *       {@code 11110}, {@code 111110}, {@code 1111110}); overlong forms are decoded, not refused
     *       ({@code C0 AF} is {@code /});</li>
     *   <li>a lead byte cut short (by a byte that is not {@code 10xxxxxx}, or the end) is one U+FFFD for the lead
     *       and the continuation bytes read; a stray continuation byte, {@code FE} and {@code FF} are one each;</li>
     *   <li>a surrogate or a value above U+10FFFF is one U+FFFD;</li>
     *   <li>a code point that is a control, format, unassigned or surrogate character is escaped as a backslash,
     *       {@code u} and four upper-case hex digits (above U+FFFF: {@code U} and eight); anything else is kept.</li>
     * </ul>
     */
    static void appendFormatted(StringBuilder out, byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i++] & 0xFF;
            if (b < 0x80) {
                appendAscii(out, b);
                continue;
            }
            int need = continuationBytes(b);
            if (need < 0) {
                out.append(REPLACEMENT);
                continue;
            }
            int cp = b & (0x3F >>> need);
            int k = 0;
            while (k < need && i < to && (bytes[i] & 0xC0) == 0x80) {
                cp = cp << 6 | (bytes[i++] & 0x3F);
                k++;
            }
            if (k < need || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
                out.append(REPLACEMENT);
            } else if (printable(cp)) {
                out.appendCodePoint(cp);
            } else {
                appendUnicodeEscape(out, cp);
            }
        }
    }

    /** Continuation bytes a lead byte announces, or -1 for a byte that cannot start a sequence. */
    private static int continuationBytes(int b) {
        if (b < 0xC0) {
            return -1;
        }
        if (b < 0xE0) {
            return 1;
        }
        if (b < 0xF0) {
            return 2;
        }
        if (b < 0xF8) {
            return 3;
        }
        if (b < 0xFC) {
            return 4;
        }
        return b < 0xFE ? 5 : -1;
    }

    /** GLib's {@code g_unichar_isprint}: anything but control, format, unassigned and surrogate characters. */
    private static boolean printable(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.SURROGATE;
    }

    private static void appendUnicodeEscape(StringBuilder out, int cp) {
        int digits = cp > 0xFFFF ? 8 : 4;
        out.append('\\').append(digits == 8 ? 'U' : 'u');
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(Character.toUpperCase(Character.forDigit(cp >>> shift & 0xF, 16)));
        }
    }

    /** A character string read as ASCII, as tshark's {@code ENC_ASCII} strings print: stops at the first NUL. */
    static String ascii(StringBuilder scratch, ByteView data, int offset, int length) {
        scratch.setLength(0);
        return appendAscii(scratch, data, offset, length).toString();
    }

    /** Appends a character string as {@link #ascii} renders it. */
    static StringBuilder appendAscii(StringBuilder out, ByteView data, int offset, int length) {
        for (int i = 0; i < length; i++) {
            int b = data.u8(offset + i);
            if (b == 0) {
                break;
            }
            if (b >= 0x80) {
                out.append(REPLACEMENT);
            } else {
                appendAscii(out, b);
            }
        }
        return out;
    }

    private static void appendAscii(StringBuilder out, int b) {
        if (b >= 0x20 && b < 0x7F) {
            out.append((char) b);
            return;
        }
        out.append('\\');
        switch (b) {
            case 7 -> out.append('a');
            case 8 -> out.append('b');
            case 9 -> out.append('t');
            case 10 -> out.append('n');
            case 11 -> out.append('v');
            case 12 -> out.append('f');
            case 13 -> out.append('r');
            default -> out.append((char) ('0' + (b >> 6))).append((char) ('0' + (b >> 3 & 7)))
                    .append((char) ('0' + (b & 7)));
        }
    }
}
