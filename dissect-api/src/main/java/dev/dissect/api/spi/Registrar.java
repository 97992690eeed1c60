package dev.dissect.api.spi;

import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.stream.HeuristicStreamDissector;
import dev.dissect.api.stream.StreamDissector;

/**
 * What a {@link DissectorProvider} declares: protocols and their fields, diagnostics, tables, and hand-offs into
 * other providers' tables (Wireshark's {@code proto_register_*} then {@code proto_reg_handoff_*}).
 *
 * <p>Tables are created on first mention, by whoever mentions them first; everything is resolved after all
 * providers registered.
 *
 * @since 0.1
 */
public interface Registrar {

    /**
     * Declares a protocol and every field it may emit. Declared fields are listed by {@code -G fields}, can be
     * named in {@code -e} and display filters, and print in {@code -V}, {@code -T fields} and {@code -T json} by
     * their {@link FieldDef#type() type} and {@link FieldDef#base() base}. Field names start with the protocol's
     * filter name and a dot ({@code ssp.length} for {@code ssp}). Declaring the same definition twice is harmless;
     * declaring a name twice with different definitions is an error.
     *
     * @param protocol the protocol, as its layers will name it
     * @param fields   every field its dissectors emit
     */
    void protocol(Protocol protocol, FieldDef... fields);

    /**
     * Declares diagnostics a dissector may report (listed like fields; {@code -V} prints them under their layer).
     *
     * @param diagnostics every diagnostic the provider's dissectors report
     */
    void diagnostics(DiagnosticDef... diagnostics);

    /** The table named {@code name} (created if needed), for handing off through it later. */
    DissectorTable table(String name);

    /** Registers {@code dissector} in {@code table} for {@code key}, for example {@code ("udp.port", 53, dns)}. */
    void add(String table, long key, Dissector dissector);

    /** Adds a heuristic to the list tried on {@code table}'s unplaced payloads. */
    void addHeuristic(String table, HeuristicDissector dissector);

    /**
     * Registers a stream dissector in {@code table} for {@code key}, for example {@code ("tcp.port", 53, dnsTcp)}:
     * the flow's reassembled bytes go to it. A stream dissector wins over a packet dissector for the same port.
     * The default throws: registrars that predate streams do not support them.
     *
     * @since 0.1
     */
    default void addStream(String table, long key, StreamDissector dissector) {
        throw new UnsupportedOperationException("stream dissectors are not supported by " + getClass().getName());
    }

    /**
     * Adds a heuristic stream dissector, asked with a flow's first payload when no port matched.
     * The default throws: registrars that predate streams do not support them.
     *
     * @since 0.1
     */
    default void addStreamHeuristic(String table, HeuristicStreamDissector dissector) {
        throw new UnsupportedOperationException("stream dissectors are not supported by " + getClass().getName());
    }
}
