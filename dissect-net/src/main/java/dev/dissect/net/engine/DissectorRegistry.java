package dev.dissect.net.engine;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Every protocol, field, diagnostic and dissector table the providers declared, in one place.
 *
 * <p>Providers register in any order: a table exists from its first mention, whether by its owner or by a
 * dissector that hands off into it. Two fields may not share a name with different definitions.
 */
public final class DissectorRegistry implements Registrar {
    private final Map<String, DissectorTableImpl> tables = new LinkedHashMap<>();
    private final Map<String, Protocol> protocols = new LinkedHashMap<>();
    private final Map<String, FieldDef> fields = new LinkedHashMap<>();
    private final Map<String, DiagnosticDef> diagnostics = new LinkedHashMap<>();
    private final Map<String, Dissector> dissectorsByProtocol = new LinkedHashMap<>();
    private final Map<String, StreamDissector> streamsByProtocol = new LinkedHashMap<>();
    private final List<String> providerIds = new ArrayList<>();

    /** A registry filled by every {@link DissectorProvider} that {@code loader} can see. */
    public static DissectorRegistry load(ClassLoader loader) {
        DissectorRegistry registry = new DissectorRegistry();
        for (DissectorProvider provider : ServiceLoader.load(DissectorProvider.class, loader)) {
            registry.register(provider);
        }
        return registry;
    }

    /** Lets one provider declare its protocols and dissectors. */
    public void register(DissectorProvider provider) {
        if (providerIds.contains(provider.id())) {
            throw new IllegalStateException("provider registered twice: " + provider.id());
        }
        providerIds.add(provider.id());
        provider.register(this);
    }

    @Override
    public void protocol(Protocol protocol, FieldDef... defs) {
        Protocol old = protocols.putIfAbsent(protocol.filterName(), protocol);
        if (old != null && !old.equals(protocol)) {
            throw new IllegalStateException("protocol declared twice differently: " + protocol.filterName());
        }
        for (FieldDef def : defs) {
            FieldDef previous = fields.putIfAbsent(def.name(), def);
            if (previous != null && !previous.equals(def)) {
                throw new IllegalStateException("field declared twice differently: " + def.name());
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
        return tableImpl(name);
    }

    @Override
    public void add(String table, long key, Dissector dissector) {
        tableImpl(table).put(key, dissector);
        dissectorsByProtocol.putIfAbsent(dissector.protocol().filterName(), dissector);
    }

    @Override
    public void addHeuristic(String table, HeuristicDissector dissector) {
        tableImpl(table).addHeuristic(dissector);
        dissectorsByProtocol.putIfAbsent(dissector.protocol().filterName(), dissector);
    }

    @Override
    public void addStream(String table, long key, StreamDissector dissector) {
        tableImpl(table).putStream(key, dissector);
        streamsByProtocol.putIfAbsent(dissector.protocol().filterName(), dissector);
    }

    @Override
    public void addStreamHeuristic(String table, HeuristicStreamDissector dissector) {
        tableImpl(table).addStreamHeuristic(dissector);
        streamsByProtocol.putIfAbsent(dissector.protocol().filterName(), dissector);
    }

    /** The stream dissector registered for a protocol's filter name, or null. */
    public StreamDissector streamDissector(String protocolName) {
        return streamsByProtocol.get(protocolName);
    }

    /**
     * "Decode as": in {@code table}, {@code key} goes to the dissector (a stream dissector if the protocol has one)
     * of protocol {@code protocolName}, ahead of whatever is registered for it (tshark's {@code -d udp.port==7777,myproto}).
     *
     * @throws IllegalArgumentException if no dissector of that protocol was registered anywhere
     */
    public void decodeAs(String table, long key, String protocolName) {
        StreamDissector stream = streamsByProtocol.get(protocolName);
        Dissector d = dissectorsByProtocol.get(protocolName);
        if (stream == null && d == null) {
            throw new IllegalArgumentException("no dissector for protocol '" + protocolName + "'");
        }
        // A protocol with both (a plugin's TCP stream and UDP datagram dissectors) gets both overrides: TCP flows
        // take the stream dissector first, UDP payloads (which never use stream overrides) the packet one.
        if (stream != null) {
            tableImpl(table).putStreamOverride(key, stream);
        }
        if (d != null) {
            tableImpl(table).putOverride(key, d);
        }
    }

    DissectorTableImpl tableImpl(String name) {
        return tables.computeIfAbsent(name, DissectorTableImpl::new);
    }

    /** Every declared field, in declaration order. */
    public Map<String, FieldDef> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** Every declared protocol, by filter name. */
    public Map<String, Protocol> protocols() {
        return Collections.unmodifiableMap(protocols);
    }

    /** Every declared diagnostic, by name. */
    public Map<String, DiagnosticDef> diagnostics() {
        return Collections.unmodifiableMap(diagnostics);
    }

    /** The dissector registered for a protocol's filter name, or null. */
    public Dissector dissector(String protocolName) {
        return dissectorsByProtocol.get(protocolName);
    }

    /** The ids of the providers that registered, in order. */
    public List<String> providerIds() {
        return Collections.unmodifiableList(providerIds);
    }
}
