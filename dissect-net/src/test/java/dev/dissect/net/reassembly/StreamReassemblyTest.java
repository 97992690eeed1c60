package dev.dissect.net.reassembly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.stream.GapAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test record dissector sees whole records whatever the segmentation, order and losses. */
class StreamReassemblyTest {
    private static final long ISN = 1000;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] slice(byte[] a, int from, int to) {
        return Arrays.copyOfRange(a, from, to);
    }

    @Test
    void severalRecordsInOneSegmentAreDissectedInThatFrame() {
        StreamHarness h = new StreamHarness(ReassemblyOptions.defaults());
        h.client(ISN, 0x002, new byte[0]);
        byte[] s = StreamHarness.stream(List.of(b("ab"), b("cde"), b("f")));
        Dissection d = h.client(ISN + 1, 0x018, s);
        assertEquals("abcdef", h.records.toString(StandardCharsets.ISO_8859_1));
        assertEquals("raw:ip:tcp:rec:rec:rec", d.protocolsText().toString());
        assertEquals(3, h.recordFrames.size());
    }

    @Test
    void oneRecordOverThreeSegmentsBelongsToTheLast() {
        StreamHarness h = new StreamHarness(ReassemblyOptions.defaults());
        h.client(ISN, 0x002, new byte[0]);
        byte[] s = StreamHarness.stream(List.of(b("hello world")));
        Dissection d1 = h.client(ISN + 1, 0x018, slice(s, 0, 1));
        assertTrue(d1.infoText().endsWith("[TCP segment of a reassembled PDU]"), d1.infoText());
        h.client(ISN + 2, 0x018, slice(s, 1, 6));
        Dissection d3 = h.client(ISN + 7, 0x018, slice(s, 6, s.length));
        assertEquals("hello world", h.records.toString(StandardCharsets.ISO_8859_1));
        assertEquals("raw:ip:tcp:rec", d3.protocolsText().toString());
        assertEquals(2L, h.recordFrames.get(0)[0], "first byte came in frame 2");
        assertEquals(4L, h.recordFrames.get(0)[1], "attributed to the completing frame");
        assertEquals("2,3,4", field(d3, "tcp.segment"));
        assertEquals("3", field(d3, "tcp.segment.count"));
        assertEquals(String.valueOf(s.length), field(d3, "tcp.reassembled.length"));
    }

    @Test
    void aSkippedRecordIsCountedNotHeldAndBelongsToItsLastFrame() {
        StreamHarness h = new StreamHarness(ReassemblyOptions.defaults());
        h.skipBodies = true;
        h.client(ISN, 0x002, new byte[0]);
        byte[] big = "x".repeat(900).getBytes(StandardCharsets.ISO_8859_1);
        byte[] s = StreamHarness.stream(List.of(big, b("next")));
        h.client(ISN + 1, 0x018, slice(s, 0, 100));
        h.client(ISN + 101, 0x018, slice(s, 100, 600));
        Dissection d3 = h.client(ISN + 601, 0x018, slice(s, 600, s.length));
        assertEquals(List.of(), h.gaps);
        assertEquals(1, h.skippedRecords.size());
        assertEquals(2L, h.skippedRecords.get(0)[0], "only the header is held and handed back");
        assertEquals(900L, h.skippedRecords.get(0)[1], "the rest of the record was passed over");
        assertEquals(2L, h.recordFrames.get(0)[0]);
        assertEquals(4L, h.recordFrames.get(0)[1], "attributed to the frame of its last byte");
        assertEquals("2,3,4", field(d3, "tcp.segment"));
        assertEquals(String.valueOf(902), field(d3, "tcp.reassembled.length"));
        assertEquals("raw:ip:tcp:rec:rec", d3.protocolsText().toString(), "the next record, whole, in the same frame");
        assertTrue(h.records.toString(StandardCharsets.ISO_8859_1).endsWith("next"));
        assertTrue(h.engine.session().counters().tcpPeakBufferedBytes() < 400, "the body was never held");
    }

    @Test
    void bytesLostInsideASkippedRecordAreNoGap() {
        StreamHarness h = new StreamHarness(ReassemblyOptions.defaults());
        h.skipBodies = true;
        h.client(ISN, 0x002, new byte[0]);
        byte[] s = StreamHarness.stream(List.of("y".repeat(300).getBytes(StandardCharsets.ISO_8859_1), b("after")));
        h.client(ISN + 1, 0x018, slice(s, 0, 100));
        // 100..200 never captured; the server acknowledges past it, so the hole is given up on
        h.client(ISN + 201, 0x018, slice(s, 200, s.length));
        h.client(ISN + 1 + s.length, 0x011, new byte[0]);
        h.send(StreamHarness.SERVER, StreamHarness.PORT, StreamHarness.CLIENT, 40000, 5000, ISN + 2 + s.length, 0x010,
                new byte[0]);
        assertEquals(List.of(), h.gaps, "the dissector was not going to read those bytes");
        assertEquals(1, h.skippedRecords.size());
        assertTrue(h.records.toString(StandardCharsets.ISO_8859_1).endsWith("after"));
    }

    @Test
    void outOfOrderSegmentsAreOrderedBeforeDissection() {
        StreamHarness h = new StreamHarness(ReassemblyOptions.defaults());
        h.client(ISN, 0x002, new byte[0]);
        byte[] s = StreamHarness.stream(List.of(b("one"), b("two"), b("three")));
        h.client(ISN + 1 + 10, 0x018, slice(s, 10, s.length));
        h.client(ISN + 1 + 4, 0x018, slice(s, 4, 10));
        assertEquals("", h.records.toString(StandardCharsets.ISO_8859_1));
        Dissection d = h.client(ISN + 1, 0x018, slice(s, 0, 4));
        assertEquals("onetwothree", h.records.toString(StandardCharsets.ISO_8859_1));
        assertEquals("raw:ip:tcp:rec:rec:rec", d.protocolsText().toString());
        assertEquals(2, h.engine.session().counters().get(ReassemblyCounter.SEGMENTS_BUFFERED));
        assertEquals(0, h.engine.session().counters().tcpBufferedBytes() > 4096 ? 1 : 0);
    }

    /**
     * Queued chunks complete two records from held-over bytes in one frame: the first record's byte field must
     * still show its own bytes when the frame is read, not the bytes held over for the second.
     */
    @Test
    void recordsCompletedFromHeldOverBytesInOneFrameKeepTheirBytes() {
        StreamHarness h = new StreamHarness(ReassemblyOptions.defaults());
        h.client(ISN, 0x002, new byte[0]);
        byte[] s = StreamHarness.stream(List.of(b("aaaa"), b("bbbb"))); // 00 04 aaaa 00 04 bbbb
        h.client(ISN + 1, 0x018, slice(s, 0, 3)); // held over: 00 04 a
        h.client(ISN + 1 + 6, 0x018, slice(s, 6, 10)); // queued: 00 04 bb
        h.client(ISN + 1 + 10, 0x018, slice(s, 10, 12)); // queued: bb
        Dissection d = h.client(ISN + 1 + 3, 0x018, slice(s, 3, 6)); // aaa: both records complete here
        assertEquals("raw:ip:tcp:rec:rec", d.protocolsText().toString());
        assertEquals("61616161,62626262", field(d, "rec.body"));
        // A later frame rewinds the buffer (the earlier frame's record is gone); its own fields are right too.
        byte[] t = StreamHarness.stream(List.of(b("cc"), b("dd"))); // 00 02 cc 00 02 dd
        h.client(ISN + 1 + 12 + 5, 0x018, slice(t, 5, 8)); // queued: 02 dd
        Dissection e = h.client(ISN + 1 + 12, 0x018, slice(t, 0, 5)); // cc, then 00 held over and completed
        assertEquals("6363,6464", field(e, "rec.body"));
    }

    /** As tshark, which has no idle timeout: an idle flow keeps its number and analysis, and speaks on. */
    @Test
    void anIdleFlowKeepsItsNumberAndResumesDelivery() {
        StreamHarness h = new StreamHarness(ReassemblyOptions.defaults().withFlowIdleTimeoutNanos(1_000_000_000L));
        h.client(ISN, 0x002, new byte[0]);
        byte[] s = StreamHarness.stream(List.of(b("ab"), b("cd")));
        h.client(ISN + 1, 0x018, slice(s, 0, 4));
        h.pause(5_000_000);
        Dissection d = h.client(ISN + 1 + 4, 0x018, slice(s, 4, 8));
        assertEquals("0", field(d, "tcp.stream"));
        assertEquals("5", field(d, "tcp.seq"));
        assertEquals("", field(d, "tcp.analysis.lost_segment"));
        assertEquals(1, h.engine.session().counters().get(ReassemblyCounter.FLOWS_EVICTED_IDLE));
        assertEquals(1, h.ends, "idling ended the first delivery");
        assertEquals("abcd", h.records.toString(StandardCharsets.ISO_8859_1), "a new one from where bytes resumed");
        assertEquals(List.of(), h.gaps);
        Dissection other = h.send(StreamHarness.CLIENT, 40001, StreamHarness.SERVER, StreamHarness.PORT, 1, 0, 0x002,
                new byte[0]);
        assertEquals("1", field(other, "tcp.stream"));
    }

    @Test
    void aGapAtFinIsReportedAndFramingStops() {
        StreamHarness h = new StreamHarness(ReassemblyOptions.defaults());
        h.onGap = GapAction.STOP;
        h.client(ISN, 0x002, new byte[0]);
        byte[] s = StreamHarness.stream(List.of(b("aa"), b("bb"), b("cc")));
        h.client(ISN + 1, 0x018, slice(s, 0, 4));
        h.client(ISN + 1 + 8, 0x019, slice(s, 8, 12)); // FIN; "bb" never captured
        assertEquals(List.of(), h.gaps, "the missing segment may still come");
        h.send(StreamHarness.SERVER, StreamHarness.PORT, StreamHarness.CLIENT, 40000, 5000, ISN + 1 + 12 + 1, 0x010,
                new byte[0]); // the server acknowledges the FIN: it had every byte
        assertEquals("aa", h.records.toString(StandardCharsets.ISO_8859_1));
        assertEquals(List.of(4L), h.gaps);
        assertEquals(1, h.engine.session().counters().get(ReassemblyCounter.GAPS));
    }

    @Test
    void aGapCanBeResynchronisedAfter() {
        StreamHarness h = new StreamHarness(ReassemblyOptions.defaults().withBufferCaps(200, 1 << 20));
        h.client(ISN, 0x002, new byte[0]);
        h.client(ISN + 1, 0x018, StreamHarness.stream(List.of(b("xy"))));
        // 4 bytes lost at 4..8, then more than the per-flow cap arrives out of order: the gap is given up on.
        int pos = 8;
        for (int i = 0; i < 5; i++) {
            byte[] rec = StreamHarness.stream(List.of(b("r" + i + "-".repeat(60))));
            h.client(ISN + 1 + pos, 0x018, rec);
            pos += rec.length;
        }
        assertEquals(List.of(4L), h.gaps);
        String got = h.records.toString(StandardCharsets.ISO_8859_1);
        assertTrue(got.startsWith("xyr0"), got);
        assertTrue(h.engine.session().counters().tcpPeakBufferedBytes() <= 200);
    }

    @Test
    void halfOpenFlowsStayWithinTheFlowCap() {
        StreamHarness h = new StreamHarness(ReassemblyOptions.defaults().withMaxFlows(1_000));
        for (int i = 0; i < 200_000; i++) {
            h.send(StreamHarness.CLIENT + (i >>> 16), i & 0xFFFF, StreamHarness.SERVER, 80, i, 0, 0x002, new byte[0]);
        }
        assertEquals(1_000, h.engine.session().tcp().flowCount());
        assertEquals(200_000, h.engine.session().counters().get(ReassemblyCounter.FLOWS_CREATED));
        assertEquals(199_000, h.engine.session().counters().get(ReassemblyCounter.FLOWS_EVICTED_CAP));
        assertEquals("199999", field(h.d, "tcp.stream"));
    }

    static String field(Dissection d, String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = d.find(name, 0); i >= 0; i = d.find(name, i + 1)) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            d.appendValue(i, sb);
        }
        return sb.toString();
    }

    @Test
    void byteArraysAreWhatWasSent() {
        assertArrayEquals(new byte[] {0, 1, 'z'}, StreamHarness.stream(List.of(b("z"))));
    }

    @Test
    void decodeAsPutsAPortOntoAStreamDissector() {
        StreamHarness h = new StreamHarness(ReassemblyOptions.defaults(), 9999);
        h.registry.decodeAs("tcp.port", StreamHarness.PORT, StreamHarness.REC.filterName());
        h.client(ISN, 0x002, new byte[0]);
        h.client(ISN + 1, 0x018, StreamHarness.stream(List.of(b("hi"))));
        assertEquals("hi", h.records.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void anEvictedFlowsStreamDissectorGetsOnEnd() {
        StreamHarness h = new StreamHarness(ReassemblyOptions.defaults().withMaxFlows(1));
        h.client(ISN, 0x002, new byte[0]);
        h.client(ISN + 1, 0x018, new byte[] {0, 5, 'a', 'b'}); // a record cut short: held over
        assertEquals(0, h.ends);
        h.send(StreamHarness.CLIENT + 1, 40001, StreamHarness.SERVER, StreamHarness.PORT, 5000, 0, 0x002,
                new byte[0]);
        assertEquals(1, h.ends);
        assertEquals(1, h.engine.session().counters().get(ReassemblyCounter.FLOWS_EVICTED_CAP));
        assertEquals(0, h.engine.session().counters().tcpBufferedBytes());
    }
}
