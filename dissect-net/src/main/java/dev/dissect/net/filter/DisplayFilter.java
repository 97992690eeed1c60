package dev.dissect.net.filter;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.FieldDef;
import dev.dissect.net.engine.DissectorRegistry;
import java.util.Objects;
import java.util.Set;

/**
 * A compiled Wireshark display filter ({@code tcp.port in {80 443} and ip.addr == 10.0.0.0/8}), tested against
 * dissected frames.
 *
 * <p><b>Testing a frame allocates nothing</b> for fields stored as values or bytes; only {@code matches} on a text
 * built on demand (such as {@code frame.protocols}) creates a string. <b>Values are typed by the field</b>: a
 * literal is parsed once, at compile time, as an address, number, byte string, text or time, so a bad literal is a
 * compile error with its column, never a silent mismatch.
 *
 * <h2>Semantics</h2>
 * As Wireshark 4.0: a field that occurs several times matches {@code ==}, {@code <}, {@code contains},
 * {@code matches} and {@code in} if <i>any</i> occurrence does; {@code !=} ({@code ne}, {@code all_ne}) holds if
 * <i>every</i> occurrence differs, so {@code ip.addr != 10.0.0.1} drops every frame to or from 10.0.0.1;
 * {@code !==} ({@code any_ne}) and {@code ===} ({@code all_eq}) are the other two combinations, and the prefixes
 * {@code any}/{@code all} choose explicitly. Every comparison is false when the field is absent. {@code matches}
 * is a case-insensitive search with Java's regular expressions (Wireshark uses PCRE2; {@code (?-i)} works in both).
 * A protocol's value is its bytes from the layer's start to the end of the frame; {@code frame} is the whole frame.
 *
 * <p>Not supported (a compile error says so): slices {@code [i:j]}, layer operators {@code #}, functions,
 * arithmetic, macros and display-filter field references ({@code ${…}}).
 *
 * <p>Not thread-safe (a compiled regular expression keeps its matcher): compile one per thread.
 *
 * @since 0.1
 */
public final class DisplayFilter {
    private final String text;
    private final Node root;
    private final Set<FieldDef> fields;

    private DisplayFilter(String text, FilterParser.Parsed parsed) {
        this.text = text;
        this.root = parsed.root();
        this.fields = parsed.fields();
    }

    /**
     * Compiles {@code filter} against the fields and protocols of {@code registry} (pass the engine's registry,
     * {@code engine.registry()}, so that the engine's own {@code frame.*} fields are known). An empty or blank
     * filter passes every frame.
     *
     * @throws FilterSyntaxException with the column of the problem
     */
    public static DisplayFilter compile(String filter, DissectorRegistry registry) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(registry, "registry");
        return new DisplayFilter(filter, FilterParser.parse(filter, registry));
    }

    /**
     * The fields the filter reads, so a caller can record just those ({@link Dissection#recordFields}); a protocol
     * name in the filter reads {@code frame.protocols}, so that layers shown only with the protocol stack (the X.509
     * parts of a certificate) are made.
     */
    public Set<FieldDef> fields() {
        return fields;
    }

    /** True if the dissected frame passes the filter. */
    public boolean test(Dissection dissection) {
        return root == null || root.test(dissection);
    }

    /** The filter's text as given. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return "DisplayFilter[" + text + "]";
    }
}
