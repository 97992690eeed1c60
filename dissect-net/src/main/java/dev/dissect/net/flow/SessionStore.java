package dev.dissect.net.flow;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * State that built-in dissectors keep for one capture (a query table, matches found so far), and which pass over
 * the capture this is.
 *
 * <p><b>It lives exactly as long as the capture's session</b> and is dropped with it, so nothing from one capture
 * leaks into the next; dissectors that outlive sessions (they belong to the registry) keep their tables here and
 * not in fields. Objects are made on first use, one per type, as {@code StreamContext.flowState} does per flow.
 *
 * <h2>Two passes</h2>
 * In tshark's two-pass mode ({@code -2}) the capture is dissected twice: the {@link Pass#FIRST first} pass only
 * collects (which response answers which query), the {@link Pass#SECOND second} emits, and may read what the first
 * collected through {@link #firstPass()}: a field that needs the future ({@code dns.response_in}) can then be
 * shown on the earlier frame. {@link Pass#ONLY} is the default one-pass dissection.
 *
 * <p>Not thread-safe, like the session that owns it.
 */
public final class SessionStore {
    /** Which pass a session is. */
    public enum Pass {
        /** One-pass dissection (the default): nothing is known of later frames. */
        ONLY,
        /** The first of two passes: collect, nobody reads this pass's output. */
        FIRST,
        /** The second of two passes: what the first collected is in {@link #firstPass()}. */
        SECOND
    }

    /** Who can tell the session's store: the engine's contexts, for dissectors of built-in protocols. */
    public interface Scope {
        /** The current session's store. Never null. */
        SessionStore sessionStore();
    }

    private final Pass pass;
    private final SessionStore firstPass;
    private final Map<Class<?>, Object> states = new HashMap<>(4);

    /** A store for one-pass dissection. */
    public SessionStore() {
        this(Pass.ONLY, null);
    }

    /**
     * @param pass      which pass this session is
     * @param firstPass for {@link Pass#SECOND}, the first pass's store; null otherwise
     */
    public SessionStore(Pass pass, SessionStore firstPass) {
        if ((pass == Pass.SECOND) != (firstPass != null)) {
            throw new IllegalArgumentException("pass=" + pass + " firstPass=" + firstPass);
        }
        this.pass = pass;
        this.firstPass = firstPass;
    }

    public Pass pass() {
        return pass;
    }

    /** During {@link Pass#SECOND}: the first pass's store, to read what it collected; null otherwise. */
    public SessionStore firstPass() {
        return firstPass;
    }

    /** The session's instance of {@code type}, made with {@code factory} on first use. Never null. */
    public <T> T state(Class<T> type, Supplier<? extends T> factory) {
        T value = stateIfPresent(type);
        if (value == null) {
            value = factory.get();
            if (!type.isInstance(value)) {
                throw new IllegalStateException("factory for " + type.getName() + " returned " + value);
            }
            states.put(type, value);
        }
        return value;
    }

    /** The instance of {@code type} if one was made, else null; makes nothing. */
    public <T> T stateIfPresent(Class<T> type) {
        return type.cast(states.get(type));
    }
}
