package dev.dissect.net.reassembly;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * State that dissectors keep for a whole session, one instance per type, as JUnit's {@code ExtensionContext.Store}:
 * what must outlive a flow (the TLS connection registry) and be read after a pass.
 *
 * <p><b>One instance per type, made on first use.</b> Owned by a {@code DissectionSession} and dropped with it;
 * nothing here is static. Not thread-safe (a session is dissected by one thread).
 */
public final class SessionStore {
    private final Map<Class<?>, Object> states = new HashMap<>();

    /** The instance of {@code type}, made with {@code factory} on first use. Never null. */
    public <T> T get(Class<T> type, Supplier<? extends T> factory) {
        Object state = states.get(type);
        if (state == null) {
            state = Objects.requireNonNull(factory.get(), "factory returned null");
            states.put(type, state);
        }
        return type.cast(state);
    }

    /** The instance of {@code type} if one was made, or null. */
    public <T> T find(Class<T> type) {
        return type.cast(states.get(type));
    }
}
