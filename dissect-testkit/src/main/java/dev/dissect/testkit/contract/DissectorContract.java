package dev.dissect.testkit.contract;

import dev.dissect.api.spi.Dissector;
import dev.dissect.api.spi.DissectorProvider;
import dev.dissect.testkit.arbitraries.ByteArbitraries;
import dev.dissect.testkit.arbitraries.GuardedSlice;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The packet-dissector contract as jqwik properties: extend this class in your tests, say which provider to
 * check and what a valid message looks like, and every packet dissector the provider registers is checked.
 *
 * <pre>{@code
 * class SspDissectorProperties extends DissectorContract {
 *     protected DissectorProvider provider() { return new SspProvider(); }
 *     protected Arbitrary<byte[]> validMessages() { return SspArbitraries.messages(); }
 * }
 * }</pre>
 *
 * <p>What is checked, on arbitrary bytes, on valid messages and on valid messages truncated, extended and
 * corrupted, each inside random guard bytes:
 * <ul>
 *   <li><b>Never throws</b>: bad bytes become diagnostics.</li>
 *   <li><b>Reads only its slice</b>: the same bytes in a view that holds nothing else never make it throw, and
 *       the guard bytes change nothing it records; every layer, field, diagnostic and hand-off lies inside the
 *       slice. For a {@code HeuristicDissector}, {@code accepts} also gives the same answer without the guards.</li>
 *   <li><b>Fields declared are the fields emitted</b>: every field and diagnostic it records was declared by the
 *       provider (so {@code -G fields}, {@code -e} and display filters know them), and every layer's protocol too.</li>
 *   <li><b>Declarations are consistent</b>: no field name declared twice differently, field names start with
 *       their protocol's name.</li>
 * </ul>
 *
 * <p>Run it with a fixed seed in CI if you like ({@code @PropertyDefaults} or {@code junit-platform.properties});
 * a failure prints the shrunk input in hex with every violation.
 *
 * @since 0.1
 */
public abstract class DissectorContract {

    /** The provider under test; called once per property try, so return a new instance. */
    protected abstract DissectorProvider provider();

    /** Messages of your protocol that a dissector should take apart without a diagnostic. */
    protected abstract Arbitrary<byte[]> validMessages();

    /**
     * The dissectors to check; by default every packet dissector (and heuristic) the provider registered.
     *
     * @param record what the provider registered
     * @return the dissectors, not empty
     */
    protected List<Dissector> dissectors(ProviderRecord record) {
        return record.dissectors();
    }

    /** The largest arbitrary input, in bytes. */
    protected int maxArbitraryLength() {
        return 256;
    }

    /** The inputs the properties draw: arbitrary, valid, and damaged valid messages, inside guard bytes. */
    @Provide
    Arbitrary<GuardedSlice> dissectorContractInputs() {
        return ByteArbitraries.guarded(ByteArbitraries.inputs(validMessages(), maxArbitraryLength()));
    }

    /** Valid messages only, inside guard bytes. */
    @Provide
    Arbitrary<GuardedSlice> dissectorContractValidInputs() {
        return ByteArbitraries.guarded(validMessages());
    }

    /** The provider registers at least one packet dissector and its declarations are consistent. */
    @Example
    void providerDeclaresConsistently() {
        ProviderRecord record = ProviderRecord.of(provider());
        Violations.assertNone("provider " + record.id(), null, record.problems());
        if (dissectors(record).isEmpty()) {
            throw new AssertionError("provider " + record.id() + " registered no packet dissector; "
                    + "for stream dissectors use StreamDissectorContract");
        }
    }

    /** Never throws, reads only its slice, emits only what was declared: on any input. */
    @Property
    void keepsTheContractOnAnyInput(@ForAll("dissectorContractInputs") GuardedSlice input) {
        check(input);
    }

    /** On valid messages the contract holds too, and no diagnostic of severity ERROR is reported. */
    @Property
    void validMessagesDissectCleanly(@ForAll("dissectorContractValidInputs") GuardedSlice input) {
        ProviderRecord record = ProviderRecord.of(provider());
        for (Dissector d : dissectors(record)) {
            Observation o = PacketHarness.run(record, d, input);
            Violations.assertNone(d.protocol().filterName(), input, o.problems());
            for (String line : o.lines()) {
                if (line.startsWith("diagnostic ") && Violations.isError(record, line)) {
                    throw new AssertionError(d.protocol().filterName() + " reported " + line + " on a valid message "
                            + input + "\n" + o);
                }
            }
        }
    }

    private void check(GuardedSlice input) {
        ProviderRecord record = ProviderRecord.of(provider());
        for (Dissector d : dissectors(record)) {
            Violations.assertNone(d.protocol().filterName(), input, PacketHarness.run(record, d, input).problems());
        }
    }
}
