package dev.dissect.net.dns;

import dev.dissect.api.buffer.ByteView;

/**
 * Reads compressed domain names (RFC 1035 section 4.1.4) and renders them as tshark 4.0 prints them.
 *
 * <p><b>Every read is bounded.</b> Labels and pointers are read only inside the message; at most
 * {@link #MAX_POINTERS} pointers are followed (then the name is {@code <Name contains a pointer that loops>}, as in
 * tshark), a pointer to itself is a loop at once, and at most {@link #MAX_COMPONENTS} labels and pointers are
 * visited in all, so a hostile message costs at most a few thousand steps per name. At most 255 characters are
 * kept; a longer name becomes {@code <Name too long>}. Forward pointers are followed (tshark does) and reported.
 *
 * <p><b>Nothing escapes as an exception.</b> {@link #read} returns a status; {@link #OK}, {@link #LOOP} and
 * {@link #TOO_LONG} still give a name (the last two a placeholder) and the bytes it used; {@link #OUT_OF_BOUNDS}
 * and {@link #BAD_LABEL} mean the record cannot be dissected (tshark throws there).
 *
 * <h2>Text</h2>
 * Labels are joined by {@code .} with no escaping of dots inside labels; the bytes then go through the same
 * rendering as Wireshark's {@code format_text}: printable ASCII as is, {@code \a \b \f \n \r \t \v} and other
 * control bytes as backslash escapes ({@code \000}), valid UTF-8 kept and invalid bytes as U+FFFD. The root name is
 * {@code <Root>}.
 *
 * <p>Not thread-safe; one per dissector. The builder and byte buffer are reused from name to name.
 */
final class DnsNames {
    static final int OK = 0;
    static final int LOOP = 1;
    static final int TOO_LONG = 2;
    static final int OUT_OF_BOUNDS = -1;
    static final int BAD_LABEL = -2;

    static final String ROOT = "<Root>";
    static final String LOOP_TEXT = "<Name contains a pointer that loops>";
    static final String TOO_LONG_TEXT = "<Name too long>";

    /** Pointers followed at most, as tshark's {@code MAX_DNAME_LEN}. */
    static final int MAX_POINTERS = 255;
    /** Labels and pointers visited at most in one name (our bound on work; tshark has none). */
    static final int MAX_COMPONENTS = 4096;
    private static final int MAX_CHARS = 255;

    private final byte[] raw = new byte[MAX_CHARS];
    private int rawLength;
    private final StringBuilder text = new StringBuilder(64);
    private boolean rendered;

    /** Bytes the name occupies where it starts (up to its terminator or first pointer). */
    int encodedLength;
    /** True if a pointer pointed at or after itself. */
    boolean forwardPointer;
    private int status;

    /**
     * Reads the name at {@code offset}; pointers are relative to {@code messageStart}, and nothing at or after
     * {@code messageEnd} is read.
     *
     * @return {@link #OK}, {@link #LOOP}, {@link #TOO_LONG}, {@link #OUT_OF_BOUNDS} or {@link #BAD_LABEL}
     */
    int read(ByteView data, int messageStart, int messageEnd, int offset) {
        int start = offset;
        int budget = MAX_CHARS - 1; // one reserved, as tshark reserves the terminator
        int pointers = 0;
        int components = 0;
        int encoded = -1;
        rawLength = 0;
        forwardPointer = false;
        rendered = false;
        text.setLength(0);
        for (;;) {
            if (offset < messageStart || offset >= messageEnd) {
                return fail(OUT_OF_BOUNDS);
            }
            int len = data.u8(offset++);
            if (len == 0) {
                break;
            }
            if (++components > MAX_COMPONENTS) {
                return finish(pointers > 0 ? LOOP : TOO_LONG, encoded < 0 ? offset - start : encoded);
            }
            switch (len & 0xC0) {
                case 0x00 -> {
                    if (offset + len > messageEnd) {
                        return fail(OUT_OF_BOUNDS);
                    }
                    if (rawLength > 0 && budget > 0) {
                        raw[rawLength++] = '.';
                        budget--;
                    }
                    int copy = Math.min(len, budget);
                    data.copyTo(offset, raw, rawLength, copy);
                    rawLength += copy;
                    budget -= copy;
                    offset += len;
                }
                case 0xC0 -> {
                    if (offset >= messageEnd) {
                        return fail(OUT_OF_BOUNDS);
                    }
                    int at = offset - 1;
                    int target = messageStart + ((len & 0x3F) << 8 | data.u8(offset++));
                    pointers++;
                    if (encoded < 0) {
                        encoded = offset - start;
                    }
                    if (target == at || pointers > MAX_POINTERS) {
                        return finish(LOOP, encoded);
                    }
                    if (target > at) {
                        forwardPointer = true;
                    }
                    offset = target;
                }
                default -> {
                    return fail(BAD_LABEL);
                }
            }
        }
        if (encoded < 0) {
            encoded = offset - start;
        }
        return finish(budget > 0 ? OK : TOO_LONG, encoded);
    }

    private int fail(int why) {
        status = why;
        encodedLength = 0;
        return why;
    }

    private int finish(int why, int encoded) {
        status = why;
        encodedLength = encoded;
        return why;
    }

    /** Renders the name into {@link #text} on first use after a read: a name nobody shows costs no text. */
    private StringBuilder rendered() {
        if (rendered) {
            return text;
        }
        rendered = true;
        text.setLength(0);
        switch (status) {
            case LOOP -> text.append(LOOP_TEXT);
            case TOO_LONG -> text.append(TOO_LONG_TEXT);
            default -> {
                if (rawLength == 0) {
                    text.append(ROOT);
                } else {
                    DnsText.appendFormatted(text, raw, 0, rawLength);
                }
            }
        }
        return text;
    }

    /** The status of the last {@link #read}. */
    int status() {
        return status;
    }

    /** The rendered name of the last successful {@link #read}; reused, valid until the next read. */
    CharSequence text() {
        return rendered();
    }

    /** The rendered name as a new String. */
    String string() {
        return rendered().toString();
    }

    /** tshark's {@code dns.qry.name.len}: characters of the name, 0 for the root. */
    int nameLength() {
        if (status == LOOP) {
            return LOOP_TEXT.length();
        }
        if (status == TOO_LONG) {
            return TOO_LONG_TEXT.length();
        }
        return encodedLength > 1 ? rawLength : 0;
    }

    /** tshark's {@code dns.count.labels}: dots in the name plus one (dots inside labels count), 0 for the root. */
    int labelCount() {
        if (status != OK) {
            return encodedLength > 1 ? 1 : 0;
        }
        if (rawLength == 0) {
            return 0;
        }
        int labels = 1;
        for (int i = 0; i < rawLength; i++) {
            if (raw[i] == '.') {
                labels++;
            }
        }
        return labels;
    }

    /**
     * Appends part {@code part} (0, 1 or 2) of the name split at its first two dots (tshark's SRV owner fields) to
     * {@code out}; false, appending nothing, if the name has no such part.
     */
    boolean appendPart(int part, StringBuilder out) {
        int from = partStart(part);
        if (from < 0) {
            return false;
        }
        int end = part == 2 ? text.length() : indexOf('.', from);
        out.append(text, from, end < 0 ? text.length() : end);
        return true;
    }

    /** True if the name has part {@code part} (0, 1 or 2) of {@link #appendPart}. */
    boolean hasPart(int part) {
        return partStart(part) >= 0;
    }

    /** Where part {@code part} starts in the rendered name, or -1 if the name has fewer dots. */
    private int partStart(int part) {
        rendered();
        int from = 0;
        for (int p = 0; p < part; p++) {
            int dot = indexOf('.', from);
            if (dot < 0) {
                return -1;
            }
            from = dot + 1;
        }
        return from;
    }

    private int indexOf(char c, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
