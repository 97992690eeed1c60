package dev.dissect.api.spi;

/**
 * Registers dissectors with the engine. Found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/dev.dissect.api.spi.DissectorProvider} (and {@code provides ... with} in
 * {@code module-info.java} for JPMS users). Implementations need a public no-argument constructor.
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

    /** A unique, stable id such as {@code dissect.ip}. */
    String id();

    /** Declares protocols, fields, diagnostics and tables, and adds dissectors to tables. */
    void register(Registrar registrar);
}
