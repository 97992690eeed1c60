package dev.dissect.api.field;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A field a dissector can emit: its display-filter name, title, type and display format (Wireshark's
 * {@code header_field_info}). Declared once, as a constant, and registered through the SPI so it shows up in
 * {@code -G fields}.
 *
 * <pre>{@code
 * static final FieldDef SRC_PORT = FieldDef.uint("udp.srcport", "Source Port", 2, Base.DEC);
 * }</pre>
 *
 * <p>What each part is for: the <b>name</b> is how users select the field ({@code -e ssp.length},
 * {@code -Y 'ssp.length > 10'}) and the key in {@code -T json}; the <b>title</b> labels it in {@code -V}; the
 * <b>type</b> decides how a value is stored and printed ({@link FieldType}); the <b>base</b> and <b>width</b> pick
 * decimal or zero-padded hex for integers ({@code Base.HEX} with width 2 prints {@code 0x002a}); the
 * <b>description</b> is the last column of {@code -G fields}. A field shows up only once its protocol declares it
 * through {@link dev.dissect.api.spi.Registrar#protocol}.
 *
 * <p>Two definitions are equal when all their components are; each also carries a small {@link #id()}, unique in
 * the process, so that "is this field wanted?" is an array look-up on the per-packet path.
 *
 * @since 0.1
 */
public final class FieldDef {
    /** Hands out dense ids; an allocator of identities, like an enum's ordinal, not mutable configuration. */
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    private final String name;
    private final String title;
    private final FieldType type;
    private final Base base;
    private final int width;
    private final String description;
    private final int id;

    /**
     * @param name        display-filter name, for example {@code ip.src}; Wireshark's where Wireshark has one
     * @param title       human title, for example {@code Source Address}
     * @param type        value type
     * @param base        integer display base ({@link Base#NONE} for non-integers)
     * @param width       width in bytes for zero-padded hex display; 0 where not applicable
     * @param description one sentence for {@code -G fields}, or the empty string
     */
    public FieldDef(String name, String title, FieldType type, Base base, int width, String description) {
        this.name = Objects.requireNonNull(name, "name");
        this.title = Objects.requireNonNull(title, "title");
        this.type = Objects.requireNonNull(type, "type");
        this.base = Objects.requireNonNull(base, "base");
        this.width = width;
        this.description = Objects.requireNonNull(description, "description");
        this.id = NEXT_ID.getAndIncrement();
    }

    /** An unsigned integer {@code width} bytes wide (1 to 8). */
    public static FieldDef uint(String name, String title, int width, Base base) {
        return new FieldDef(name, title, FieldType.UINT, base, width, "");
    }

    /** A boolean, printed {@code 1} or {@code 0}; record it with {@code add(def, view, offset, length, value)}, value 0 or 1. */
    public static FieldDef bool(String name, String title) {
        return new FieldDef(name, title, FieldType.BOOLEAN, Base.NONE, 0, "");
    }

    /** A six-byte MAC address; record it with {@code addBytes}. */
    public static FieldDef ether(String name, String title) {
        return new FieldDef(name, title, FieldType.ETHER, Base.NONE, 6, "");
    }

    /** An IPv4 address; record it with {@code addBytes} over its four bytes (or {@code add} with the 32-bit value). */
    public static FieldDef ipv4(String name, String title) {
        return new FieldDef(name, title, FieldType.IPV4, Base.NONE, 4, "");
    }

    /** An IPv6 address; record it with {@code addBytes} over its sixteen bytes. */
    public static FieldDef ipv6(String name, String title) {
        return new FieldDef(name, title, FieldType.IPV6, Base.NONE, 16, "");
    }

    /** Raw bytes, printed as hex; record it with {@code addBytes}. */
    public static FieldDef bytes(String name, String title) {
        return new FieldDef(name, title, FieldType.BYTES, Base.NONE, 0, "");
    }

    /** Text: {@code addBytes} for ISO-8859-1 bytes printed as they are, {@code addString} for decoded text. */
    public static FieldDef string(String name, String title) {
        return new FieldDef(name, title, FieldType.STRING, Base.NONE, 0, "");
    }

    /** A point in time; record it with {@code addTime}. */
    public static FieldDef absoluteTime(String name, String title) {
        return new FieldDef(name, title, FieldType.ABSOLUTE_TIME, Base.NONE, 0, "");
    }

    /** A duration; record it with {@code addTime}. */
    public static FieldDef relativeTime(String name, String title) {
        return new FieldDef(name, title, FieldType.RELATIVE_TIME, Base.NONE, 0, "");
    }

    /** A reference to another frame by number. */
    public static FieldDef frameNumber(String name, String title) {
        return new FieldDef(name, title, FieldType.FRAMENUM, Base.DEC, 0, "");
    }

    /** A label without a value; its presence is the information (e.g. {@code tcp.analysis.retransmission}). */
    public static FieldDef label(String name, String title) {
        return new FieldDef(name, title, FieldType.NONE, Base.NONE, 0, "");
    }

    /** A copy with a description for {@code -G fields}. */
    public FieldDef describedAs(String text) {
        return new FieldDef(name, title, type, base, width, text);
    }

    /** The protocol part of the name: {@code ip} for {@code ip.flags.df}. */
    public String protocolName() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** Display-filter name, for example {@code ip.src}. */
    public String name() {
        return name;
    }

    /** Human title, the label in {@code -V} and {@code -G fields}. */
    public String title() {
        return title;
    }

    /** The value type, which decides storage and printing. */
    public FieldType type() {
        return type;
    }

    /** Integer display base; {@link Base#NONE} for non-integers. */
    public Base base() {
        return base;
    }

    /** Width in bytes for zero-padded hex display; 0 where not applicable. */
    public int width() {
        return width;
    }

    /** One sentence for {@code -G fields}, or the empty string. */
    public String description() {
        return description;
    }

    /** A small number unique to this definition in the process (dense, from 0): an index for per-field tables. */
    public int id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldDef f && name.equals(f.name) && title.equals(f.title) && type == f.type
                && base == f.base && width == f.width && description.equals(f.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, title, type, base, width, description);
    }

    @Override
    public String toString() {
        return "FieldDef[" + name + ", " + type + "]";
    }
}
