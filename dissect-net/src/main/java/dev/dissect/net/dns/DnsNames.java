package dev.dissect.net.dns;

import dev.dissect.api.buffer.ByteView;

/**
 * Reads compressed domain names (RFC 1035 section 4.1.4) and renders them as tshark 4.0 prints them.
 *
 * <p><b>Every read is bounded.</b> Labels and pointers are read only inside the message; at most
 * {@link #MAX_POINTERS} pointers are followed (then the name is {@code <Name contains a pointer that loops>}, as in
 * tshark), and a pointer to itself is a loop at once. At most 255 characters are kept; a longer name becomes
 * {@code <Name too long>}, and the labels past what is kept are jumped over with what {@code skipLabels} remembers
 * of the message ({@link #beginMessage}): a name costs a few hundred steps at most, and each byte of a message is
 * walked over at most twice however many names run through it. Like tshark, there is no limit on the labels of
 * a name. Forward pointers are followed (tshark does) and reported.
 *
 * <p><b>Nothing escapes as an exception.</b> {@link #read} returns a status; {@link #OK}, {@link #LOOP},
 * {@link #TOO_LONG} and {@link #EXTENDED} still give a name (the last three a placeholder) and the bytes it used;
 * {@link #OUT_OF_BOUNDS} and {@link #BAD_LABEL} mean the record cannot be dissected (tshark throws there).
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
    /** An extended label of a type tshark does not know (RFC 6891 section 5 leaves 0x40 to extensions). */
    static final int EXTENDED = 3;
    static final int OUT_OF_BOUNDS = -1;
    static final int BAD_LABEL = -2;

    static final String ROOT = "<Root>";
    static final String LOOP_TEXT = "<Name contains a pointer that loops>";
    static final String TOO_LONG_TEXT = "<Name too long>";
    static final String EXTENDED_TEXT = "<Unknown extended label>";
    /** Extended label type of RFC 2673's bit-string labels, which tshark renders its own way; we stop there. */
    private static final int BITSTRING_LABEL = 0x41;

    /** Pointers followed at most, as tshark's {@code MAX_DNAME_LEN}. */
    static final int MAX_POINTERS = 255;
    private static final int MAX_CHARS = 255;

    private final byte[] raw = new byte[MAX_CHARS];
    private int[] skipEnd = new int[512];
    private int[] skipGeneration = new int[512];
    private int generation = 1;
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
     * @return {@link #OK}, {@link #LOOP}, {@link #TOO_LONG}, {@link #EXTENDED}, {@link #OUT_OF_BOUNDS} or
     *         {@link #BAD_LABEL}
     */
    int read(ByteView data, int messageStart, int messageEnd, int offset) {
        int start = offset;
        int budget = MAX_CHARS - 1; // one reserved, as tshark reserves the terminator
        int pointers = 0;
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
            switch (len & 0xC0) {
                case 0x00 -> {
                    if (budget == 0) {
                        // Nothing more to keep: jump over this run of labels (each byte walked once per message).
                        offset = skipLabels(data, messageStart, messageEnd, offset - 1);
                        if (offset < 0) {
                            return fail(OUT_OF_BOUNDS);
                        }
                        continue;
                    }
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
                case 0x40 -> {
                    // tshark names the whole name after an unknown extended label and takes the bytes read so far
                    // (from the name's start to the label byte, pointers followed or not) as its length; a length
                    // below two throws there. Bit-string labels (0x41) are not followed.
                    int read = offset - start;
                    if (len == BITSTRING_LABEL || read < 2) {
                        return fail(BAD_LABEL);
                    }
                    return finish(EXTENDED, read);
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

    /**
     * Starts a message: what {@link #skipLabels} remembered of the previous one is forgotten. Call before the first
     * {@link #read} of each message.
     */
    void beginMessage() {
        if (++generation == 0) {
            java.util.Arrays.fill(skipGeneration, 0);
            generation = 1;
        }
    }

    /**
     * The offset of the first byte at or after {@code offset} that is not the length of a plain label (a
     * terminator, pointer or other label type), or -1 if the labels run past {@code messageEnd}. Remembered for
     * every label start walked over, so that within one message each byte is walked at most twice however many
     * names run through it: with at most {@link #MAX_POINTERS} jumps, a name costs a bounded number of steps.
     */
    private int skipLabels(ByteView data, int messageStart, int messageEnd, int offset) {
        int size = messageEnd - messageStart;
        if (skipEnd.length < size) {
            int capacity = Math.max(size, skipEnd.length * 2);
            skipEnd = new int[capacity];
            skipGeneration = new int[capacity];
        }
        int p = offset;
        int end;
        for (;;) {
            if (p >= messageEnd) {
                end = -1;
                break;
            }
            int i = p - messageStart;
            if (skipGeneration[i] == generation) {
                end = skipEnd[i];
                break;
            }
            int len = data.u8(p);
            if (len == 0 || (len & 0xC0) != 0) {
                end = p;
                break;
            }
            p += 1 + len;
        }
        for (int q = offset; q < p && q < messageEnd; q += 1 + data.u8(q)) {
            skipGeneration[q - messageStart] = generation;
            skipEnd[q - messageStart] = end;
        }
        return end;
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
            case EXTENDED -> text.append(EXTENDED_TEXT);
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

    /**
     * tshark's {@code dns.qry.name.len}: characters of the name before rendering (dots included, the root as
     * {@code <Root>}, placeholders as their text), but 0 for a name of one character, as tshark shows it.
     */
    int nameLength() {
        int chars = unrenderedLength();
        return chars > 1 ? chars : 0;
    }

    /** tshark's {@code dns.count.labels}: dots in the name plus one (dots inside labels count), 0 as {@link #nameLength}. */
    int labelCount() {
        if (unrenderedLength() <= 1) {
            return 0;
        }
        int labels = 1;
        if (status == OK) {
            for (int i = 0; i < rawLength; i++) {
                if (raw[i] == '.') {
                    labels++;
                }
            }
        }
        return labels;
    }

    /** Characters of the name before rendering: tshark's {@code name_len} ({@code dns.naptr.replacement_length}). */
    int unrenderedLength() {
        return switch (status) {
            case LOOP -> LOOP_TEXT.length();
            case TOO_LONG -> TOO_LONG_TEXT.length();
            case EXTENDED -> EXTENDED_TEXT.length();
            default -> rawLength == 0 ? ROOT.length() : rawLength;
        };
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
