package dev.dissect.api.spi;

/**
 * Registers dissectors with the engine. Found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/dev.dissect.api.spi.DissectorProvider} (and {@code provides ... with} in
 * {@code module-info.java} for JPMS users). Implementations need a public no-argument constructor.
 *
 * <p><b>One instance per registry.</b> Each engine loads its providers anew and calls {@link #register} once,
 * before any frame; dissector instances made there belong to that engine. {@code register} declares and adds;
 * it reads no files and starts no threads, and it must not throw (a provider that cannot work should register
 * nothing).
 *
 * <pre>{@code
 * public final class MyProvider implements DissectorProvider {
 *     public String id() { return "example.myproto"; }
 *     public void register(Registrar r) {
 *         r.protocol(MyDissector.PROTOCOL, MyDissector.FIELDS);
 *         r.add("udp.port", 7777, new MyDissector());
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface DissectorProvider {

    /**
     * A unique, stable id such as {@code dissect.ip}; plugins outside this project use their own prefix
     * ({@code example.ssp}). Two providers with one id cannot be loaded together.
     *
     * @return the id, never null
     */
    String id();

    /**
     * Declares protocols, fields, diagnostics and tables, and adds dissectors to tables.
     *
     * @param registrar what to declare with; valid only during the call
     */
    void register(Registrar registrar);
}
