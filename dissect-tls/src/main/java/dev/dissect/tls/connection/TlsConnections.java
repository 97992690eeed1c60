package dev.dissect.tls.connection;

import dev.dissect.net.engine.DissectionSession;
import dev.dissect.net.engine.Limits;
import dev.dissect.tls.TlsLimits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every TLS connection of a session, in order of first appearance: what {@code -z tls,conn} reports.
 *
 * <p><b>One registry per dissection session, no statics:</b> it lives in the session's store, is filled by the TLS
 * stream dissector, and is dropped with the session ({@code DissectionEngine.resetSession()}).
 *
 * <pre>{@code
 * DissectionEngine engine = DissectionEngine.withDefaults();
 * ... engine.dissect(frame, tree) for every frame ...
 * for (TlsConnection c : TlsConnections.of(engine.session()).all()) { ... }
 * }</pre>
 *
 * <p><b>Memory is bounded:</b> at most {@link #maxConnections()} connections are kept (default
 * {@value #DEFAULT_MAX_CONNECTIONS}); later ones are counted in {@link #dropped()}. Not thread-safe.
 */
public final class TlsConnections {
    /** Connections kept by default. */
    public static final int DEFAULT_MAX_CONNECTIONS = 100_000;

    private final int maxConnections;
    private final List<TlsConnection> connections = new ArrayList<>();
    private long dropped;

    public TlsConnections() {
        this(DEFAULT_MAX_CONNECTIONS);
    }

    public TlsConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** A registry of at most {@code tls.max_connections} of {@code limits}. */
    public TlsConnections(Limits limits) {
        this(limits.getInt(TlsLimits.MAX_CONNECTIONS));
    }

    /** The session's registry, made on first use within the session's caps. Never null. */
    public static TlsConnections of(DissectionSession session) {
        return session.store().state(TlsConnections.class,
                () -> new TlsConnections(Limits.of(session.store())));
    }

    /** Adds a new connection; returns false (and counts it) once the cap is reached. */
    public boolean add(TlsConnection connection) {
        if (connections.size() >= maxConnections) {
            dropped++;
            return false;
        }
        connections.add(connection);
        return true;
    }

    /** The connections, in order of first TLS frame. Never null. */
    public List<TlsConnection> all() {
        return Collections.unmodifiableList(connections);
    }

    /** Connections seen but not kept because of the cap. */
    public long dropped() {
        return dropped;
    }

    public int maxConnections() {
        return maxConnections;
    }
}
