package dev.dissect.testkit.contract;

import dev.dissect.api.spi.DissectorProvider;
import dev.dissect.api.stream.StreamDissector;
import dev.dissect.testkit.arbitraries.ByteArbitraries;
import dev.dissect.testkit.arbitraries.SegmentArbitraries;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The stream-dissector contract as jqwik properties: extend this class in your tests, say which provider to check
 * and what one valid message looks like; every stream dissector the provider registers is fed streams of such
 * messages, cut into segments every which way, through a {@link StreamDriver}.
 *
 * <pre>{@code
 * class SspStreamProperties extends StreamDissectorContract {
 *     protected DissectorProvider provider() { return new SspProvider(); }
 *     protected Arbitrary<byte[]> validMessages() { return SspArbitraries.messages(); }
 * }
 * }</pre>
 *
 * <p>What is checked:
 * <ul>
 *   <li><b>Segmentation never matters</b>: a stream of valid messages cut into any segments (one byte each, at
 *       random, regularly, not at all) gives the same layers, fields and diagnostics at the same stream offsets as
 *       the whole stream in one piece, with no diagnostic of severity ERROR.</li>
 *   <li><b>Never throws</b> and <b>never returns more than it was given</b>, on streams that mix valid, damaged and
 *       arbitrary messages.</li>
 *   <li><b>Reads only what it was handed, keeps nothing</b>: segments come inside guard bytes and are overwritten
 *       after each frame; a dissector that reads past its bytes or keeps a view finds different bytes and breaks
 *       the first property.</li>
 *   <li><b>Fields declared are the fields emitted</b>, as in {@link DissectorContract}.</li>
 * </ul>
 *
 * @since 0.1
 */
public abstract class StreamDissectorContract {

    /** The provider under test; called once per property try, so return a new instance. */
    protected abstract DissectorProvider provider();

    /** One message of your protocol; streams are one or more of them back to back. */
    protected abstract Arbitrary<byte[]> validMessages();

    /**
     * The stream dissectors to check; by default every one the provider registered.
     *
     * @param record what the provider registered
     * @return the stream dissectors, not empty
     */
    protected List<StreamDissector> streamDissectors(ProviderRecord record) {
        return record.streamDissectors();
    }

    /** The most messages in one stream. */
    protected int maxMessages() {
        return 6;
    }

    /** Streams of valid messages, cut into segments. */
    @Provide
    Arbitrary<List<byte[]>> streamContractValidSegments() {
        return SegmentArbitraries.streams(validMessages(), maxMessages()).flatMap(SegmentArbitraries::segmentations);
    }

    /** Streams of valid, damaged and arbitrary messages, cut into segments. */
    @Provide
    Arbitrary<List<byte[]>> streamContractAnySegments() {
        return SegmentArbitraries.streams(ByteArbitraries.inputs(validMessages(), 64), maxMessages())
                .flatMap(SegmentArbitraries::segmentations);
    }

    /** The provider registers at least one stream dissector and its declarations are consistent. */
    @Example
    void providerDeclaresConsistently() {
        ProviderRecord record = ProviderRecord.of(provider());
        Violations.assertNone("provider " + record.id(), null, record.problems());
        if (streamDissectors(record).isEmpty()) {
            throw new AssertionError("provider " + record.id() + " registered no stream dissector; "
                    + "for packet dissectors use DissectorContract");
        }
    }

    /** Any segmentation of a stream of valid messages gives what the whole stream in one segment gives. */
    @Property
    void segmentationDoesNotChangeTheMessages(@ForAll("streamContractValidSegments") List<byte[]> segments) {
        ProviderRecord record = ProviderRecord.of(provider());
        byte[] whole = join(segments);
        for (StreamDissector d : streamDissectors(record)) {
            String who = d.protocol().filterName();
            Observation oneShot = StreamDriver.run(record, d, List.of(whole));
            Violations.assertNone(who, "one segment of " + whole.length + " bytes", oneShot.problems());
            Observation cut = StreamDriver.run(record, d, segments);
            Violations.assertNone(who, describe(segments), cut.problems());
            for (String line : oneShot.lines()) {
                if (line.startsWith("diagnostic ") && Violations.isError(record, line)) {
                    throw new AssertionError(who + " reported " + line + " on a stream of valid messages\n" + oneShot);
                }
            }
            if (!oneShot.lines().equals(cut.lines())) {
                throw new AssertionError(who + " gives different results when the stream is cut into "
                        + describe(segments) + "\nwhole:\n  " + String.join("\n  ", oneShot.lines())
                        + "\ncut:\n  " + String.join("\n  ", cut.lines()));
            }
        }
    }

    /** Never throws, never over-consumes, emits only what was declared: on any stream, however cut. */
    @Property
    void keepsTheContractOnAnyStream(@ForAll("streamContractAnySegments") List<byte[]> segments) {
        ProviderRecord record = ProviderRecord.of(provider());
        for (StreamDissector d : streamDissectors(record)) {
            Violations.assertNone(d.protocol().filterName(), describe(segments),
                    StreamDriver.run(record, d, segments).problems());
        }
    }

    private static byte[] join(List<byte[]> segments) {
        byte[] out = new byte[0];
        for (byte[] s : segments) {
            out = ByteArbitraries.concat(out, s);
        }
        return out;
    }

    private static String describe(List<byte[]> segments) {
        List<Integer> sizes = new ArrayList<>();
        StringBuilder hex = new StringBuilder();
        for (byte[] s : segments) {
            sizes.add(s.length);
            for (byte b : s) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            hex.append(' ');
        }
        return segments.size() + " segments " + sizes + ": " + hex.toString().strip();
    }
}
