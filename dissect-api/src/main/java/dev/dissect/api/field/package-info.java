/**
 * Declarations a dissector registers before any frame is seen: {@link dev.dissect.api.field.Protocol protocols},
 * {@link dev.dissect.api.field.FieldDef fields} and {@link dev.dissect.api.field.DiagnosticDef diagnostics}, as
 * Wireshark's {@code hf} and {@code ei} arrays.
 *
 * <p>All are immutable values, declared once as {@code static final} constants and shared by every engine.
 * Names are Wireshark's where Wireshark has the field; new names start with the protocol's filter name.
 *
 * @since 0.1
 */
package dev.dissect.api.field;
