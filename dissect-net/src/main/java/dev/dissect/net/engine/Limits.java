package dev.dissect.net.engine;

import dev.dissect.net.flow.SessionStore;
import java.util.HashMap;
import java.util.Map;

/**
 * The values of the dissectors' caps ({@link Limit}) for one engine: every cap at its default unless set here.
 *
 * <p><b>Immutable:</b> {@link #with} returns a copy. The engine is made with one
 * ({@code DissectionEngine.withDefaults(reassemblyOptions, limits)}) and puts it in every session's store, so a
 * dissector reads its caps with {@link #of(SessionStore)} (frame dissectors, through the engine's context) or
 * {@code StreamContext.sessionState(Limits.class, Limits::defaults)} (stream dissectors); outside an engine both
 * give the defaults. Reassembly and defragmentation caps are not here: they are the engine's
 * {@code ReassemblyOptions}.
 *
 * <pre>{@code
 * Limits limits = Limits.defaults().with(HandshakeReassembler.MAX_MESSAGE_SIZE, 64 * 1024);
 * DissectionEngine engine = DissectionEngine.withDefaults(ReassemblyOptions.defaults(), limits);
 * }</pre>
 *
 * @since 0.1
 */
public final class Limits {
    private static final Limits DEFAULTS = new Limits(Map.of());

    private final Map<String, Long> values;

    private Limits(Map<String, Long> values) {
        this.values = values;
    }

    /** Every cap at its default. */
    public static Limits defaults() {
        return DEFAULTS;
    }

    /** The limits of the session whose store this is; the defaults if none were given (outside an engine). */
    public static Limits of(SessionStore store) {
        Limits limits = store == null ? null : store.stateIfPresent(Limits.class);
        return limits != null ? limits : DEFAULTS;
    }

    /** {@code limits}, or the defaults if null (a stream context outside an engine has no session). */
    public static Limits orDefaults(Limits limits) {
        return limits != null ? limits : DEFAULTS;
    }

    /**
     * These limits with {@code limit} set to {@code value}.
     *
     * @throws IllegalArgumentException if the value is outside the cap's range
     */
    public Limits with(Limit limit, long value) {
        Map<String, Long> copy = new HashMap<>(values);
        copy.put(limit.name(), limit.check(value));
        return new Limits(Map.copyOf(copy));
    }

    /** The value of {@code limit}: as set, else its default. */
    public long get(Limit limit) {
        Long v = values.get(limit.name());
        return v != null ? v : limit.defaultValue();
    }

    /** {@link #get} for a cap whose range fits an {@code int}. */
    public int getInt(Limit limit) {
        return Math.toIntExact(get(limit));
    }

    @Override
    public String toString() {
        return "Limits" + values;
    }
}
