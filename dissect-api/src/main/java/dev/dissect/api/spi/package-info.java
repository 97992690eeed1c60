/**
 * The dissector SPI: what a plugin implements ({@link dev.dissect.api.spi.Dissector},
 * {@link dev.dissect.api.spi.HeuristicDissector}, {@link dev.dissect.api.spi.DissectorProvider}) and what the
 * engine hands it ({@link dev.dissect.api.spi.DissectionContext}, {@link dev.dissect.api.spi.Registrar},
 * {@link dev.dissect.api.spi.DissectorTable}). Stream dissectors for TCP live in {@link dev.dissect.api.stream}.
 *
 * <p>A plugin depends on {@code dissect-api} alone. The guide {@code docs/writing-a-dissector.md} walks from an
 * empty Maven project to a registered, property-tested dissector; {@code examples/dissect-example-plugin} is the
 * finished result.
 *
 * <h2>Registration</h2>
 * A {@link dev.dissect.api.spi.DissectorProvider} is found by {@link java.util.ServiceLoader}: list it in
 * {@code META-INF/services/dev.dissect.api.spi.DissectorProvider}, and for JPMS users also write
 * {@code provides dev.dissect.api.spi.DissectorProvider with ...;} in {@code module-info.java}. Its
 * {@link dev.dissect.api.spi.DissectorProvider#register register} is called once per registry: first declare
 * (protocols, fields, diagnostics, your own tables), then hand off (add your dissectors to other providers'
 * tables such as {@code tcp.port}, {@code udp.port}, or their heuristic lists). Hand-offs are resolved after every
 * provider has registered, so the order in which ServiceLoader finds providers never matters.
 *
 * <h2>Declaring fields</h2>
 * Every field a dissector can emit is a {@link dev.dissect.api.field.FieldDef} constant, declared with
 * {@link dev.dissect.api.spi.Registrar#protocol(dev.dissect.api.field.Protocol, dev.dissect.api.field.FieldDef...)}.
 * Its name (the display-filter name, {@code myproto.length}), title, {@link dev.dissect.api.field.FieldType type},
 * {@link dev.dissect.api.field.Base display base} and byte width decide how it is printed everywhere:
 * {@code -G fields} lists the declaration (with its {@link dev.dissect.api.field.FieldDef#describedAs description});
 * {@code -T fields}, {@code -V} and {@code -T json} print the value with
 * {@link dev.dissect.api.dissection.FieldFormat}, as tshark would; display filters ({@code -Y}) find it by name.
 * A field emitted but not declared still prints, but {@code -e}, {@code -Y} and {@code -G fields} cannot name it:
 * declare every field (the testkit's {@code DissectorContract} checks this).
 *
 * <h2>Threading</h2>
 * <b>A dissector is called by one thread at a time.</b> An engine dissects frames one after another in capture
 * order, and each registry (hence each provider's instances) belongs to one engine: the engine factories load
 * fresh provider instances. So a dissector may keep reusable scratch objects in instance fields (a generated
 * flyweight view re-wrapped on every call, a {@code StringBuilder}), but <b>nothing that must survive from one
 * call to the next</b>: state across frames of a flow goes into
 * {@link dev.dissect.api.stream.StreamContext#flowState}, state across a whole capture into the engine's session.
 * Never use mutable static fields. Do not share one registry between threads.
 *
 * <h2>Buffer ownership and lifetime</h2>
 * <ul>
 *   <li><b>The bytes belong to the engine.</b> The {@link dev.dissect.api.buffer.ByteView} a dissector is given
 *       (often a window on a memory-mapped capture) and the views inside it are valid only during the call. A
 *       dissector keeps no reference to them after it returns; it copies what it must keep
 *       ({@link dev.dissect.api.buffer.ByteView#toArray(int, int)}).</li>
 *   <li><b>Fields may point into the bytes</b>: {@link dev.dissect.api.dissection.Dissection#add} stores the view
 *       and an offset, not a copy, and the value is read when it is printed. Pass the view you were given (or a
 *       view you own that stays wrapped on the same bytes until the next frame), never a scratch view you re-wrap
 *       later in the same frame.</li>
 *   <li><b>Read only your slice</b> {@code [offset, offset + length)}: the view is bounds-checked against the whole
 *       frame, not against your slice, so reading past {@code length} reads the next protocol's bytes (or the
 *       Ethernet trailer) without an exception. Views are read-only; never write bytes you were handed.</li>
 * </ul>
 *
 * <h2>Malformed input</h2>
 * <b>Never throw on bad bytes.</b> Check every length read from the wire against what is there before using it;
 * report a problem with {@link dev.dissect.api.dissection.Dissection#diagnose} using a
 * {@link dev.dissect.api.field.DiagnosticDef} you declared
 * ({@link dev.dissect.api.field.DiagnosticDef#truncated truncated} when the capture ends early,
 * {@link dev.dissect.api.field.DiagnosticDef#malformed malformed} when the bytes contradict the protocol), keep
 * the fields you could read, and return without handing off (the rest becomes undissected data). The engine
 * catches a dissector's {@link RuntimeException} and records it as a diagnostic, but that is a safety net for
 * bugs, not a way to report input. Loops over wire data are bounded by the slice's length.
 *
 * @since 0.1
 */
package dev.dissect.api.spi;
