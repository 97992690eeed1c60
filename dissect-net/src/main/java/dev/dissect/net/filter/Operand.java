package dev.dissect.net.filter;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.FieldType;

/**
 * The left side of a test: a field, whose occurrences are the field's entries in the dissection, or a protocol,
 * whose occurrences are its layers and whose value is its bytes from the layer's first byte to the end of the frame
 * ({@code frame} is the whole frame).
 *
 * <p>Occurrences are walked with {@link #first}/{@link #next} and read through the accessors, so that a test
 * allocates nothing.
 */
final class Operand {
    enum Kind { UNSIGNED, SIGNED, IPV4, BYTES, STRING, TIME, LABEL }

    private final String name;
    private final FieldDef def;
    private final Kind kind;
    private final Latin1Chars chars = new Latin1Chars();

    private Operand(String name, FieldDef def, Kind kind) {
        this.name = name;
        this.def = def;
        this.kind = kind;
    }

    static Operand field(FieldDef def) {
        return new Operand(def.name(), def, kindOf(def.type()));
    }

    static Operand protocol(String filterName) {
        return new Operand(filterName, null, Kind.BYTES);
    }

    private static Kind kindOf(FieldType type) {
        return switch (type) {
            case UINT, BOOLEAN, FRAMENUM -> Kind.UNSIGNED;
            case INT -> Kind.SIGNED;
            case IPV4 -> Kind.IPV4;
            case ETHER, IPV6, BYTES -> Kind.BYTES;
            case STRING -> Kind.STRING;
            case ABSOLUTE_TIME, RELATIVE_TIME -> Kind.TIME;
            case NONE -> Kind.LABEL;
        };
    }

    String name() {
        return name;
    }

    /** The field, or null for a protocol. */
    FieldDef def() {
        return def;
    }

    Kind kind() {
        return kind;
    }

    boolean isProtocol() {
        return def == null;
    }

    private boolean isFrame() {
        return def == null && name.equals("frame");
    }

    /** The first occurrence's handle, or -1. */
    int first(Dissection d) {
        return isFrame() ? 0 : next(d, -1);
    }

    /** The handle of the occurrence after {@code handle}, or -1. */
    int next(Dissection d, int handle) {
        if (def != null) {
            for (int i = handle + 1, n = d.fieldCount(); i < n; i++) {
                FieldDef f = d.fieldDef(i);
                if (f == def || f.name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }
        if (isFrame()) {
            return -1;
        }
        for (int i = handle + 1, n = d.layerCount(); i < n; i++) {
            if (d.layerProtocol(i).filterName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** An integer value; an IPv4 address as a 32-bit value. */
    long number(Dissection d, int h) {
        if (kind == Kind.IPV4) {
            ByteView src = d.source(h);
            if (src != null && d.length(h) == 4) {
                return src.u32(d.offset(h));
            }
        }
        return d.value(h);
    }

    long seconds(Dissection d, int h) {
        return d.value(h);
    }

    int nanos(Dissection d, int h) {
        return d.nanos(h);
    }

    /** The view holding a bytes-like value; null for a computed field without bytes. */
    ByteView bytes(Dissection d, int h) {
        return def != null ? d.source(h) : d.frame().data();
    }

    int bytesOffset(Dissection d, int h) {
        if (def != null) {
            return d.offset(h);
        }
        return isFrame() ? 0 : d.layerOffset(h);
    }

    int bytesLength(Dissection d, int h) {
        if (def != null) {
            return d.source(h) == null ? 0 : d.length(h);
        }
        return isFrame() ? d.frame().data().length() : d.frame().data().length() - d.layerOffset(h);
    }

    /**
     * The value as text: a STRING field's text, or bytes as ISO-8859-1 characters (Wireshark converts bytes to a
     * string for {@code matches}). Valid until the next call on this operand.
     */
    CharSequence text(Dissection d, int h) {
        if (def != null && def.type() == FieldType.STRING) {
            Object o = d.object(h);
            if (o instanceof String s) {
                return s;
            }
            if (o != null) {
                return o.toString(); // a live text (frame.protocols): read it once
            }
        }
        ByteView b = bytes(d, h);
        return b == null ? "" : chars.wrap(b, bytesOffset(d, h), bytesLength(d, h));
    }

    /** A reusable ISO-8859-1 view of bytes, so regular expressions run on frames without copying them. */
    private static final class Latin1Chars implements CharSequence {
        private ByteView view;
        private int offset;
        private int length;

        Latin1Chars wrap(ByteView view, int offset, int length) {
            this.view = view;
            this.offset = offset;
            this.length = length;
            return this;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return (char) view.u8(offset + index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return view.latin1(offset + start, end - start);
        }

        @Override
        public String toString() {
            return view.latin1(offset, length);
        }
    }
}
