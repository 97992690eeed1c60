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
     * {@code format_text}: printable ASCII as is, escapes for control bytes, UTF-8 decoded; an invalid sequence
     * becomes one U+FFFD per maximal ill-formed subpart (a lead byte and the continuation bytes that fit it), as
     * Wireshark prints it.
     */
    static void appendFormatted(StringBuilder out, byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                appendAscii(out, b);
                i++;
                continue;
            }
            int need = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : 0;
            int cp = b & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07);
            int k = 1;
            for (; k <= need && i + k < to; k++) {
                int c = bytes[i + k] & 0xFF;
                int low = 0x80;
                int high = 0xBF;
                if (k == 1) {
                    low = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
                    high = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
                }
                if (c < low || c > high) {
                    break;
                }
                cp = cp << 6 | (c & 0x3F);
            }
            if (need > 0 && k == need + 1) {
                out.appendCodePoint(cp);
            } else {
                out.append(REPLACEMENT);
            }
            i += need == 0 ? 1 : k;
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
