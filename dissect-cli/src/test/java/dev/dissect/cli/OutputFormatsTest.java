package dev.dissect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.FieldType;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.api.frame.LinkType;
import dev.dissect.net.capture.Captures;
import dev.dissect.net.capture.PcapWriter;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.testkit.Packets;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -V, -T json, -T ek, -G fields, -z io,phs and the version, on the example capture and on damaged frames. */
class OutputFormatsTest {
    private static final DissectionEngine ENGINE = DissectionEngine.withDefaults();

    @Test
    void detailsShowEveryFieldOfEveryFrame() throws IOException {
        Cli.Result r = Cli.run("-r", Cli.EXAMPLE.toString(), "-V");
        assertEquals(0, r.code(), r.err());
        String[] frames = r.out().split("\n\n");
        Dissection d = new Dissection();
        int n = 0;
        try (CaptureSource source = Captures.open(Cli.EXAMPLE)) {
            for (FrameView frame; (frame = source.next()) != null; n++) {
                ENGINE.dissect(frame, d);
                List<String> lines = new ArrayList<>(List.of(frames[n].split("\n")));
                assertTrue(lines.get(0).startsWith("Frame " + frame.number() + ": " + frame.originalLength()
                        + " bytes on wire"), lines.get(0));
                for (int i = 0; i < d.fieldCount(); i++) {
                    String expected = "    " + d.fieldDef(i).title()
                            + (d.fieldDef(i).type() == FieldType.NONE ? "" : ": " + d.valueString(i));
                    int at = indexOfLineStartingWith(lines, expected);
                    assertTrue(at >= 0, "frame " + frame.number() + " lacks " + expected + " in\n" + frames[n]);
                    lines.remove(at); // each occurrence once
                }
                for (int l = 0; l < d.layerCount(); l++) {
                    if (!LayerContents.isEmpty(d, l)) {
                        assertTrue(lines.contains(d.layerProtocol(l).title()), d.layerProtocol(l).title());
                    }
                }
            }
        }
        assertEquals(n, frames.length);
    }

    private static int indexOfLineStartingWith(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(prefix) || lines.get(i).startsWith(prefix + " seconds")) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void detailsNameTheInterfaceOfPcapngFrames() {
        Cli.Result r = Cli.run("-r", "src/test/resources/corpus/tcp4.pcapng", "-c", "1", "-V");
        assertTrue(r.out().startsWith("Frame 1: 74 bytes on wire (592 bits), 74 bytes captured (592 bits) on "
                + "interface lo, id 0\n"), r.out());
    }

    /** Frame 1: UDP whose length field says 3 (malformed); frame 2: IPv4 carrying 4 bytes of "UDP" (truncated). */
    static Path damaged(Path dir) throws IOException {
        byte[] udp = Packets.udp(1000, 2000, new byte[] {1, 2, 3, 4});
        udp[4] = 0;
        udp[5] = 3;
        int lo = Packets.ipv4Address("127.0.0.1");
        byte[] bad = Packets.ipv4(Packets.Ipv4.of(17, lo, lo), udp);
        byte[] short4 = Packets.ipv4(Packets.Ipv4.of(17, lo, lo), new byte[] {0, 1, 0, 2});
        Path file = dir.resolve("damaged.pcap");
        try (OutputStream out = Files.newOutputStream(file)) {
            PcapWriter w = new PcapWriter(out, LinkType.RAW, false);
            w.write(1_700_000_000L, 0, bad.length, bad, 0, bad.length);
            w.write(1_700_000_001L, 0, short4.length, short4, 0, short4.length);
        }
        return file;
    }

    @Test
    void diagnosticsAsExpertLinesAndSummaryNotes(@TempDir Path dir) throws IOException {
        Path file = damaged(dir);
        Cli.Result details = Cli.run("-r", file.toString(), "-V");
        assertEquals(0, details.code(), details.err());
        assertTrue(details.out().contains("User Datagram Protocol\n"), details.out());
        assertTrue(details.out().contains("    [Expert Info (Error/Malformed): Bad length value: 3 < 8]\n"
                + "        [Bad length value: 3 < 8]\n"
                + "        [Severity level: Error]\n"
                + "        [Group: Malformed]\n"), details.out());
        assertTrue(details.out().contains("[Expert Info (Error/Malformed): Too short for a UDP header"),
                details.out());

        String[] summary = Cli.run("-r", file.toString()).out().split("\n");
        assertTrue(summary[0].endsWith(" [Malformed Packet]"), summary[0]);
        assertTrue(summary[1].endsWith(" [Packet size limited during capture: UDP truncated]"), summary[1]);
    }

    @Test
    void jsonIsOneValidObjectPerFrameAndRoundTrips() throws IOException {
        Cli.Result r = Cli.run("-r", Cli.EXAMPLE.toString(), "-T", "json");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(17, lines.length);
        String[] srcPorts = Cli.run("-r", Cli.EXAMPLE.toString(), "-T", "fields", "-e", "tcp.srcport").out()
                .split("\n");
        JsonFactory json = new JsonFactory();
        for (int i = 0; i < lines.length; i++) {
            assertEquals(lines[i], roundTrip(json, lines[i]));
            Map<String, String> flat = flatten(json, lines[i]);
            assertEquals("packets-2026-11-29", flat.get("_index"));
            assertEquals(String.valueOf(i + 1), flat.get("_source.layers.frame.frame.number"));
            assertEquals(srcPorts[i], flat.get("_source.layers.tcp.tcp.srcport"));
            assertEquals("127.0.0.1", flat.get("_source.layers.ip.ip.addr[0]"));
            assertEquals("127.0.0.1", flat.get("_source.layers.ip.ip.addr[1]"));
        }
        assertTrue(lines[3].contains("\"tcp.payload\":\"16:03:01:"), lines[3]); // bytes with colons, as tshark
    }

    @Test
    void ekIsAnIndexLineThenADocumentPerFrame() throws IOException {
        Cli.Result r = Cli.run("-r", Cli.EXAMPLE.toString(), "-T", "ek", "-c", "2");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(4, lines.length);
        JsonFactory json = new JsonFactory();
        assertEquals("{\"index\":{\"_index\":\"packets-2026-11-29\",\"_type\":\"doc\"}}", lines[0]);
        Map<String, String> doc = flatten(json, lines[1]);
        assertEquals("1795956564134", doc.get("timestamp"));
        assertEquals("45506", doc.get("layers.tcp.tcp_tcp_srcport"));
        assertEquals("true", doc.get("layers.tcp.tcp_tcp_flags_syn"));
        assertEquals("false", doc.get("layers.tcp.tcp_tcp_flags_ack"));
        assertEquals("1", doc.get("layers.frame.frame_frame_number"));
        assertEquals("2", flatten(json, lines[3]).get("layers.frame.frame_frame_number"));
    }

    @Test
    void selectedFieldsAsTsharkWritesThem() {
        // tshark 4.0.17: tshark -r examples/https-loopback.pcap -c 1 -T ek -e frame.number -e ip.addr -e tcp.flags.syn
        assertEquals("{\"index\":{\"_index\":\"packets-2026-11-29\",\"_type\":\"doc\"}}\n"
                + "{\"timestamp\":\"1795956564134\",\"layers\":{\"frame_number\":[\"1\"],"
                + "\"ip_addr\":[\"127.0.0.1\",\"127.0.0.1\"],\"tcp_flags_syn\":[\"1\"]}}\n",
                Cli.run("-r", Cli.EXAMPLE.toString(), "-c", "1", "-T", "ek", "-e", "frame.number", "-e", "ip.addr",
                        "-e", "tcp.flags.syn", "-e", "data.data").out());
        assertEquals("{\"_index\":\"packets-2026-11-29\",\"_type\":\"doc\",\"_score\":null,\"_source\":{\"layers\":"
                + "{\"frame.number\":[\"1\"],\"ip.addr\":[\"127.0.0.1\",\"127.0.0.1\"]}}}\n",
                Cli.run("-r", Cli.EXAMPLE.toString(), "-c", "1", "-T", "json", "-e", "frame.number", "-e", "ip.addr")
                        .out());
    }

    /** Parses and re-writes a JSON text with Jackson's streaming API. */
    private static String roundTrip(JsonFactory json, String text) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonParser p = json.createParser(text); JsonGenerator g = json.createGenerator(w)) {
            p.nextToken();
            g.copyCurrentStructure(p);
            assertEquals(null, p.nextToken(), "one value per line");
        }
        return w.toString();
    }

    /** Scalar values by dotted path; array elements as [i]. */
    private static Map<String, String> flatten(JsonFactory json, String text) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (JsonParser p = json.createParser(text)) {
            assertNotNull(p.nextToken());
            flatten(p, "", out);
        }
        return out;
    }

    private static void flatten(JsonParser p, String path, Map<String, String> out) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                flatten(p, path.isEmpty() ? name : path + "." + name, out);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                flatten(p, path + "[" + i++ + "]", out);
            }
        } else {
            out.put(path, t == JsonToken.VALUE_NULL ? null : p.getText());
        }
    }

    @Test
    void protocolHierarchyLikeTshark() {
        Cli.Result r = Cli.run("-r", Cli.EXAMPLE.toString(), "-q", "-z", "io,phs");
        assertEquals(0, r.code(), r.err());
        assertEquals("""

                ===================================================================
                Protocol Hierarchy Statistics
                Filter:\s

                eth                                      frames:17 bytes:7998
                  ip                                     frames:17 bytes:7998
                    tcp                                  frames:17 bytes:7998
                      tls                                frames:8 bytes:7388
                ===================================================================
                """, r.out()); // tshark 4.0.17's output on the same file
        Cli.Result filtered = Cli.run("-r", Cli.EXAMPLE.toString(), "-z", "io,phs,tcp.len > 1000", "-c", "2");
        assertTrue(filtered.out().contains("Filter: tcp.len > 1000\n\n===="), filtered.out());
        assertEquals(2 + 6, filtered.out().split("\n").length); // without -q the frames print too; no frame passed
        assertEquals(2, Cli.run("-r", Cli.EXAMPLE.toString(), "-z", "io,stat,1").code());
    }

    @Test
    void fieldsReportInTsharksLayout() {
        Cli.Result r = Cli.run("-G", "fields");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("P\tTransmission Control Protocol\ttcp\n"), r.out());
        assertTrue(r.out().contains("F\tSource Port\ttcp.srcport\tFT_UINT16\ttcp\tBASE_DEC\t0x0\t\n"));
        assertTrue(r.out().contains("F\tSource Address\tipv6.src\tFT_IPv6\tipv6\t\t0x0\t"));
        assertTrue(r.out().contains("\tframe.time_epoch\tFT_ABSOLUTE_TIME\tframe\t"));
        assertTrue(r.out().indexOf("P\tTransmission Control Protocol\ttcp\n")
                < r.out().indexOf("\ttcp.srcport\t"));
        for (String line : r.out().split("\n")) {
            assertEquals(line.startsWith("P\t") ? 3 : 8, line.split("\t", -1).length, line);
        }
        assertTrue(Cli.run("-G", "protocols").out().contains("User Datagram Protocol\tUDP\tudp\n"));
    }

    @Test
    void versionFromTheManifestOrDevelopment() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("dissect "), r.out());
        assertEquals(r.out(), Cli.run("-v").out());
        assertTrue(Cli.run("-h").out().contains("-Y=FILTER"));
    }
}
