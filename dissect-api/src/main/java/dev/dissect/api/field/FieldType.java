package dev.dissect.api.field;

/**
 * What a field's value is, which decides how it is stored and printed (tshark's {@code ftenum}).
 *
 * @since 0.1
 */
public enum FieldType {
    /** Unsigned integer up to 64 bits, printed per {@link Base}. */
    UINT,
    /** Signed integer, printed in decimal. */
    INT,
    /** Printed as {@code 1} or {@code 0}, as tshark's {@code -T fields} does. */
    BOOLEAN,
    /** Six bytes, printed {@code 00:1a:2b:3c:4d:5e}. */
    ETHER,
    /** Four bytes (or a value), printed dotted-decimal. */
    IPV4,
    /** Sixteen bytes, printed in RFC 5952 form. */
    IPV6,
    /** Raw bytes, printed as lower-case hex without separators. */
    BYTES,
    /** Text. */
    STRING,
    /** Seconds and nanoseconds since the epoch, printed {@code 1700000000.123456789}. */
    ABSOLUTE_TIME,
    /** A duration in seconds and nanoseconds, printed {@code 0.000123000}. */
    RELATIVE_TIME,
    /** A reference to another frame by number, printed in decimal. */
    FRAMENUM,
    /** A label with no value (tshark prints nothing; presence is what counts). */
    NONE
}
