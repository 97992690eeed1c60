package dev.dissect.api.field;

/**
 * How an integer field is displayed (tshark's {@code field_display_e}).
 *
 * @since 0.1
 */
public enum Base {
    /** Decimal. */
    DEC,
    /** {@code 0x} and lower-case hex, zero-padded to the field's byte width (tshark's {@code BASE_HEX}). */
    HEX,
    /** Not applicable (addresses, strings, bytes). */
    NONE
}
