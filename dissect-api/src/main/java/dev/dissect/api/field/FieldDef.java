package dev.dissect.api.field;

import java.util.Objects;

/**
 * A field a dissector can emit: its display-filter name, title, type and display format (Wireshark's
 * {@code header_field_info}). Declared once, as a constant, and registered through the SPI so it shows up in
 * {@code -G fields}.
 *
 * <pre>{@code
 * static final FieldDef SRC_PORT = FieldDef.uint("udp.srcport", "Source Port", 2, Base.DEC);
 * }</pre>
 *
 * @param name        display-filter name, for example {@code ip.src}; Wireshark's where Wireshark has one
 * @param title       human title, for example {@code Source Address}
 * @param type        value type
 * @param base        integer display base ({@link Base#NONE} for non-integers)
 * @param width       width in bytes for zero-padded hex display; 0 where not applicable
 * @param description one sentence for {@code -G fields}, or the empty string
 * @since 0.1
 */
public record FieldDef(String name, String title, FieldType type, Base base, int width, String description) {

    public FieldDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(description, "description");
    }

    /** An unsigned integer {@code width} bytes wide (1 to 8). */
    public static FieldDef uint(String name, String title, int width, Base base) {
        return new FieldDef(name, title, FieldType.UINT, base, width, "");
    }

    public static FieldDef bool(String name, String title) {
        return new FieldDef(name, title, FieldType.BOOLEAN, Base.NONE, 0, "");
    }

    public static FieldDef ether(String name, String title) {
        return new FieldDef(name, title, FieldType.ETHER, Base.NONE, 6, "");
    }

    public static FieldDef ipv4(String name, String title) {
        return new FieldDef(name, title, FieldType.IPV4, Base.NONE, 4, "");
    }

    public static FieldDef ipv6(String name, String title) {
        return new FieldDef(name, title, FieldType.IPV6, Base.NONE, 16, "");
    }

    public static FieldDef bytes(String name, String title) {
        return new FieldDef(name, title, FieldType.BYTES, Base.NONE, 0, "");
    }

    public static FieldDef string(String name, String title) {
        return new FieldDef(name, title, FieldType.STRING, Base.NONE, 0, "");
    }

    public static FieldDef absoluteTime(String name, String title) {
        return new FieldDef(name, title, FieldType.ABSOLUTE_TIME, Base.NONE, 0, "");
    }

    public static FieldDef relativeTime(String name, String title) {
        return new FieldDef(name, title, FieldType.RELATIVE_TIME, Base.NONE, 0, "");
    }

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
}
