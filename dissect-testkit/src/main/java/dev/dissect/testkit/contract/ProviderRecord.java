package dev.dissect.testkit.contract;

import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.spi.Dissector;
import dev.dissect.api.spi.DissectorProvider;
import dev.dissect.api.spi.DissectorTable;
import dev.dissect.api.spi.HeuristicDissector;
import dev.dissect.api.spi.Registrar;
import dev.dissect.api.stream.HeuristicStreamDissector;
import dev.dissect.api.stream.StreamDissector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one {@link DissectorProvider} registered, without an engine: its protocols, fields, diagnostics and
 * dissectors, and where it added them ({@code tcp.port 9074}, the {@code udp.port} heuristics).
 *
 * <p>The contracts use it to learn which fields a dissector may emit; tests use it to check registration. Tables
 * handed out while registering are empty stand-ins: {@code lookup} finds nothing, so a hand-off is recorded, not
 * followed.
 *
 * @since 0.1
 */
public final class ProviderRecord {
    private final String id;
    private final Map<String, Protocol> protocols = new LinkedHashMap<>();
    private final Map<String, FieldDef> fields = new LinkedHashMap<>();
    private final Map<String, DiagnosticDef> diagnostics = new LinkedHashMap<>();
    private final Set<Dissector> dissectors = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<StreamDissector> streamDissectors = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<String> registrations = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private ProviderRecord(String id) {
        this.id = id;
    }

    /** Lets {@code provider} register into a fresh record. */
    public static ProviderRecord of(DissectorProvider provider) {
        ProviderRecord r = new ProviderRecord(provider.id());
        provider.register(r.new Recorder());
        return r;
    }

    /** The provider's id. */
    public String id() {
        return id;
    }

    /** Declared protocols by filter name. */
    public Map<String, Protocol> protocols() {
        return Collections.unmodifiableMap(protocols);
    }

    /** Declared fields by name. */
    public Map<String, FieldDef> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** Declared diagnostics by name. */
    public Map<String, DiagnosticDef> diagnostics() {
        return Collections.unmodifiableMap(diagnostics);
    }

    /** Every packet dissector added to a table or heuristic list, each once. */
    public List<Dissector> dissectors() {
        return List.copyOf(dissectors);
    }

    /** Every stream dissector added to a table or heuristic list, each once. */
    public List<StreamDissector> streamDissectors() {
        return List.copyOf(streamDissectors);
    }

    /**
     * The registrations in order, one line each: {@code add udp.port 9074 ssp}, {@code heuristic udp.port ssp},
     * {@code stream tcp.port 9074 ssp}, {@code stream-heuristic tcp.port ssp}.
     */
    public List<String> registrations() {
        return Collections.unmodifiableList(registrations);
    }

    /** Declarations that contradict each other (a field name declared twice differently); empty when sane. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** True if {@code def} is declared (the same definition under its name). */
    public boolean declares(FieldDef def) {
        return def.equals(fields.get(def.name()));
    }

    /** True if {@code def} is declared. */
    public boolean declares(DiagnosticDef def) {
        return def.equals(diagnostics.get(def.name()));
    }

    private final class Recorder implements Registrar {
        @Override
        public void protocol(Protocol protocol, FieldDef... defs) {
            Protocol old = protocols.putIfAbsent(protocol.filterName(), protocol);
            if (old != null && !old.equals(protocol)) {
                problems.add("protocol " + protocol.filterName() + " declared twice differently");
            }
            for (FieldDef def : defs) {
                FieldDef previous = fields.putIfAbsent(def.name(), def);
                if (previous != null && !previous.equals(def)) {
                    problems.add("field " + def.name() + " declared twice differently");
                }
                if (!def.name().startsWith(protocol.filterName() + ".") && !def.name().equals(protocol.filterName())) {
                    problems.add("field " + def.name() + " does not start with its protocol's name "
                            + protocol.filterName() + ".");
                }
            }
        }

        @Override
        public void diagnostics(DiagnosticDef... defs) {
            for (DiagnosticDef def : defs) {
                diagnostics.putIfAbsent(def.name(), def);
            }
        }

        @Override
        public DissectorTable table(String name) {
            return new EmptyTable(name);
        }

        @Override
        public void add(String table, long key, Dissector dissector) {
            dissectors.add(dissector);
            registrations.add("add " + table + " " + key + " " + dissector.protocol().filterName());
        }

        @Override
        public void addHeuristic(String table, HeuristicDissector dissector) {
            dissectors.add(dissector);
            registrations.add("heuristic " + table + " " + dissector.protocol().filterName());
        }

        @Override
        public void addStream(String table, long key, StreamDissector dissector) {
            streamDissectors.add(dissector);
            registrations.add("stream " + table + " " + key + " " + dissector.protocol().filterName());
        }

        @Override
        public void addStreamHeuristic(String table, HeuristicStreamDissector dissector) {
            streamDissectors.add(dissector);
            registrations.add("stream-heuristic " + table + " " + dissector.protocol().filterName());
        }
    }

    /** A table with nothing in it: hand-offs through it are recorded by the harness, never followed. */
    private record EmptyTable(String name) implements DissectorTable {
        @Override
        public Dissector lookup(long key) {
            return null;
        }

        @Override
        public HeuristicDissector[] heuristics() {
            return new HeuristicDissector[0];
        }
    }
}
