package dev.dissect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command on the HTTPS connection shipped in examples/. Expected values were printed by tshark 4.0.17 on the
 * same file ({@code tshark -r examples/https-loopback.pcap -T fields -E occurrence=a -E aggregator=, -e ...}).
 */
class DissectCommandTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "https-loopback.pcap");

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DissectCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void fieldsMatchTsharkOnTheExample() {
        Result r = run("-r", EXAMPLE.toString(), "-c", "4", "-T", "fields", "-E", "header=y", "-e", "frame.number",
                "-e", "frame.time_epoch", "-e", "ip.src", "-e", "tcp.srcport", "-e", "tcp.dstport", "-e", "tcp.flags",
                "-e", "tcp.seq_raw", "-e", "tcp.option_kind", "-e", "tcp.len");
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                frame.number\tframe.time_epoch\tip.src\ttcp.srcport\ttcp.dstport\ttcp.flags\ttcp.seq_raw\ttcp.option_kind\ttcp.len
                1\t1795956564.134951000\t127.0.0.1\t45506\t44330\t0x0002\t2417583199\t2,4,8,1,3\t0
                2\t1795956564.135002000\t127.0.0.1\t44330\t45506\t0x0012\t2917068246\t2,4,8,1,3\t0
                3\t1795956564.135019000\t127.0.0.1\t45506\t44330\t0x0010\t2417583200\t1,1,8\t0
                4\t1795956564.136826000\t127.0.0.1\t45506\t44330\t0x0018\t2417583200\t1,1,8\t220
                """, r.out());
    }

    @Test
    void occurrenceAggregatorSeparatorAndQuote() {
        String[] base = {"-r", EXAMPLE.toString(), "-c", "1", "-T", "fields", "-e", "tcp.option_kind", "-e",
            "tcp.option_kind", "-e", "ip.proto"};
        assertEquals("2\t2\t6\n", run(concat(base, "-E", "occurrence=f")).out());
        assertEquals("3\t3\t6\n", run(concat(base, "-E", "occurrence=l")).out());
        assertEquals("2;4;8;1;3 2;4;8;1;3 6\n",
                run(concat(base, "-E", "aggregator=;", "-E", "separator=/s")).out());
        assertEquals("\"2,4,8,1,3\",\"2,4,8,1,3\",\"6\"\n",
                run(concat(base, "-E", "separator=,", "-E", "quote=d")).out());
    }

    @Test
    void summaryLinesLikeTsharks() {
        Result r = run("-r", EXAMPLE.toString(), "-c", "2");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length);
        assertEquals("    1   0.000000    127.0.0.1 \u2192 127.0.0.1    TCP 74 45506 \u2192 44330 [SYN] Seq=0 "
                + "Win=65495 Len=0 MSS=65495 SACK_PERM TSval=3859682122 TSecr=0 WS=1024", lines[0]);
        assertEquals("    2   0.000051    127.0.0.1 \u2192 127.0.0.1    TCP 74 44330 \u2192 45506 [SYN, ACK] Seq=0 Ack=1 "
                + "Win=65483 Len=0 MSS=65495 SACK_PERM TSval=1776797947 TSecr=3859682122 WS=1024", lines[1]);
    }

    @Test
    void unknownFieldIsAUsageError() {
        Result r = run("-r", EXAMPLE.toString(), "-T", "fields", "-e", "ip.src", "-e", "no.such.field");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Some fields aren't valid"), r.err());
        assertTrue(r.err().contains("no.such.field"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void badSettingsAreUsageErrors() {
        assertEquals(2, run("-r", EXAMPLE.toString(), "-T", "fields", "-e", "ip.src", "-E", "occurrence=x").code());
        assertEquals(2, run("-r", EXAMPLE.toString(), "-T", "xml").code());
        assertEquals(2, run("-r", EXAMPLE.toString(), "-d", "udp.port=7,foo").code());
        assertEquals(2, run("-r", EXAMPLE.toString(), "--no-such-option").code());
    }

    @Test
    void missingFileIsACaptureError() {
        Result r = run("-r", "does-not-exist.pcap");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("doesn't exist"), r.err());
    }

    @Test
    void truncatedFilePrintsEveryCompleteFrameThenOneError(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(EXAMPLE);
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, Arrays.copyOf(whole, 24 + 16 + 74 + 16 + 74 + 16 + 30)); // two frames and a half
        Result r = run("-r", cut.toString(), "-T", "fields", "-e", "frame.number");
        assertEquals(1, r.code());
        assertEquals("1\n2\n", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("offset"), r.err());
    }

    @Test
    void listsFields() {
        Result r = run("-G", "fields");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("\ttcp.options.mss_val\t"), r.out());
        assertTrue(r.out().contains("\tsll.ifindex\t"));
    }

    @Test
    void versionAndHelp() {
        assertEquals(0, run("--version").code());
        Result help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("-T"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
