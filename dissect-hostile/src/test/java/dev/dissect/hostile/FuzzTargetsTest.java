package dev.dissect.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.CaptureFormatException;
import dev.dissect.api.frame.LinkType;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.engine.CoreFields;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.net.filter.DisplayFilter;
import dev.dissect.net.filter.FilterSyntaxException;
import dev.dissect.net.reassembly.ReassemblyCounter;
import dev.dissect.net.reassembly.ReassemblyFields;
import dev.dissect.net.reassembly.ReassemblyOptions;
import dev.dissect.testkit.TestFrame;
import dev.dissect.tls.cert.CertificateParseException;
import dev.dissect.tls.cert.ParsedCertificate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One Jazzer fuzz target per reader and per dissector entry. In a plain {@code mvn test} each runs once per seed in
 * {@code src/test/resources/dev/dissect/hostile/FuzzTargetsTestInputs/<method>/} (a regression test); with
 * {@code JAZZER_FUZZ=1} one chosen target is fuzzed for real (see docs/fuzzing.md).
 *
 * <p>The oracle is the project's error contract: readers throw nothing but {@link CaptureFormatException} (and a
 * file and a stream of the same bytes agree); the engine never records {@code frame.dissector_failed}; no stream
 * dissector fails; a display filter either compiles or says why with {@link FilterSyntaxException}; a certificate
 * parses or says why with {@link CertificateParseException}. Anything else is a finding.
 */
class FuzzTargetsTest {
    /** Small caps, so that state kept from one input to the next cannot grow the heap. */
    private static final ReassemblyOptions OPTIONS = ReassemblyOptions.defaults().withMaxFlows(1_024)
            .withBufferCaps(1 << 20, 8L << 20).withFragmentCaps(256, 4L << 20, 60_000_000_000L);
    private static final DissectionEngine ENGINE = DissectionEngine.withDefaults(OPTIONS);
    private static final Dissection DISSECTION = new Dissection();
    private static final int[] LINK_TYPES = {LinkType.ETHERNET, LinkType.NULL, LinkType.LOOP, LinkType.RAW,
        LinkType.LINUX_SLL, LinkType.LINUX_SLL2, LinkType.IPV4, LinkType.IPV6, LinkType.RAW_OPENBSD};
    private static final int[] STREAM_PORTS = {443, 53, 80};
    private static final int MAX_SEGMENTS = 64;
    private static Path file;

    // ---- readers ----

    /** The pcap reader over the bytes in memory (thousands of inputs a second; {@link #mappedFile} maps). */
    @FuzzTest(maxDuration = "2m")
    void pcapReader(byte @NotNull [] capture) throws IOException {
        readBuffer(capture);
    }

    /** The pcapng reader over the bytes in memory. */
    @FuzzTest(maxDuration = "2m")
    void pcapngReader(byte @NotNull [] capture) throws IOException {
        readBuffer(capture);
    }

    /** The stream reader; the same bytes in memory must give the same frames and the same error. */
    @FuzzTest(maxDuration = "2m")
    void streamReader(byte @NotNull [] capture) throws IOException {
        ReaderCorruptionTest.Outcome streamed = ReaderCorruptionTest.read(
                () -> Captures.open(new ByteArrayInputStream(capture)));
        assertSameOutcome(readBuffer(capture), streamed);
    }

    /**
     * The memory-mapped file, the readers' real path for files: the same bytes in memory must give the same frames
     * and the same error. Slow (a file written, mapped and unmapped per input), hence the other reader targets.
     */
    @FuzzTest(maxDuration = "2m")
    void mappedFile(byte @NotNull [] capture) throws IOException {
        if (file == null) {
            file = Files.createTempFile("dissect-fuzz", ".cap");
            file.toFile().deleteOnExit();
        }
        Files.write(file, capture);
        assertSameOutcome(readBuffer(capture), ReaderCorruptionTest.read(() -> Captures.open(file)));
    }

    private static ReaderCorruptionTest.Outcome readBuffer(byte[] capture) throws IOException {
        return ReaderCorruptionTest.read(() -> Captures.open(ByteBuffer.wrap(capture)));
    }

    private static void assertSameOutcome(ReaderCorruptionTest.Outcome expected, ReaderCorruptionTest.Outcome actual) {
        assertEquals(expected.frames(), actual.frames());
        assertEquals(message(expected.error()), message(actual.error()));
    }

    private static String message(Exception e) {
        return e == null ? null : e.getMessage();
    }

    // ---- dissector entries ----

    /** One frame of a chosen link type through the engine, in a new session. */
    @FuzzTest(maxDuration = "2m")
    void frame(FuzzedDataProvider data) {
        int linkType = LINK_TYPES[data.consumeInt(0, LINK_TYPES.length - 1)];
        ENGINE.resetSession();
        dissect(linkType, data.consumeRemainingAsBytes(), 1);
    }

    /**
     * A client's TCP stream to port 443 (TLS, and HTTP inside if it were decrypted), 53 (DNS over TCP) or 80
     * (HTTP), cut into segments of the size the fuzzer says, after a three-way handshake; the server answers with
     * the same bytes, so both directions are dissected. At most {@value #MAX_SEGMENTS} segments a direction: a
     * 4 KiB input in one-byte segments cost 8,000 frames an execution (540 executions a second); the hostile suite
     * covers one-byte records at scale.
     */
    @FuzzTest(maxDuration = "2m")
    void tcpStream(FuzzedDataProvider data) {
        int port = STREAM_PORTS[data.consumeInt(0, STREAM_PORTS.length - 1)];
        int chosen = data.consumeInt(1, 1_460);
        byte[] stream = data.consumeRemainingAsBytes();
        int mss = Math.max(chosen, (stream.length + MAX_SEGMENTS - 1) / MAX_SEGMENTS);
        ENGINE.resetSession();
        long[] n = {0};
        Conversation c = new Conversation(frame -> dissect(LinkType.ETHERNET, frame, ++n[0]), 50_000, port).open();
        c.client(stream, mss).server(stream, mss);
        assertEquals(0, ENGINE.session().counters().get(ReassemblyCounter.STREAM_DISSECTOR_FAILURES));
    }

    /** One DNS message over UDP port 53. */
    @FuzzTest(maxDuration = "2m")
    void dnsMessage(byte @NotNull [] message) {
        ENGINE.resetSession();
        dissect(LinkType.ETHERNET, Frames.udp(Frames.SERVER, Frames.CLIENT, 53, 40_000, message), 1);
    }

    /** One DER certificate: parsed, or refused with a reason. */
    @FuzzTest(maxDuration = "2m")
    void derCertificate(byte @NotNull [] der) {
        try {
            ParsedCertificate.parse(der);
        } catch (CertificateParseException expected) {
            // A reason, as promised.
        }
    }

    /** A display filter string: compiled (and run on a frame), or refused with a pointer to the problem. */
    @FuzzTest(maxDuration = "2m")
    void displayFilter(@NotNull String filter) {
        DisplayFilter compiled;
        try {
            compiled = DisplayFilter.compile(filter, ENGINE.registry());
        } catch (FilterSyntaxException expected) {
            return;
        }
        ENGINE.resetSession();
        ENGINE.dissect(TestFrame.of(LinkType.ETHERNET, Frames.small(1)), DISSECTION);
        compiled.test(DISSECTION);
    }

    private static void dissect(int linkType, byte[] bytes, long number) {
        TestFrame f = new TestFrame(number, 1_700_000_000L, (int) number, linkType, bytes, bytes.length);
        ENGINE.dissect(f, DISSECTION);
        for (int i = 0; i < DISSECTION.diagnosticCount(); i++) {
            if (DISSECTION.diagnosticDef(i) == CoreFields.DISSECTOR_FAILED
                    || DISSECTION.diagnosticDef(i) == ReassemblyFields.STREAM_DISSECTOR_FAILED) {
                throw new AssertionError("dissector failed in frame " + number + ": "
                        + DISSECTION.diagnosticMessage(i) + " " + DISSECTION.diagnosticDetail(i));
            }
        }
    }
}
