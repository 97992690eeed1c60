package dev.dissect.example.ssp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.cli.DissectCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The plugin through the command, as a user runs it: the plugin is on the class path (this module's classes), so
 * ServiceLoader finds it. {@code ssp-loopback.pcap} was recorded with {@code src/test/resources/record-ssp.sh}.
 */
class SspCliTest {
    private static final String CAPTURE = Path.of("src", "test", "resources", "ssp-loopback.pcap").toString();

    private record Result(int code, String out, String err) {
    }

    private static Result dissect(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DissectCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void fieldsReportListsTheDeclaredFields() {
        Result r = dissect("-G", "fields");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("P\tSensor Stream Protocol\tssp\n"), r.out());
        assertTrue(r.out().contains("F\tValue (thousandths)\tssp.value\tFT_INT32\tssp\tBASE_DEC\t0x0\t"), r.out());
        assertTrue(r.out().contains("F\tCalibrated\tssp.flags.calibrated\tFT_BOOLEAN\t"), r.out());
    }

    @Test
    void fieldsOverUdpAndReassembledTcp() {
        Result r = dissect("-r", CAPTURE, "-T", "fields", "-E", "header=y", "-e", "frame.number", "-e", "tcp.srcport",
                "-e", "udp.srcport", "-e", "ssp.type", "-e", "ssp.seq", "-e", "ssp.value", "-Y", "ssp");
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                frame.number\ttcp.srcport\tudp.srcport\tssp.type\tssp.seq\tssp.value
                1\t\t57689\t1,2\t0\t21500
                2\t\t57689\t2\t1\t48250
                6\t56468\t\t1\t\t
                10\t56468\t\t2\t2\t-1250
                12\t9074\t\t3\t2\t
                14\t56468\t\t2,2\t3,4\t1013250,21750
                15\t9074\t\t3\t3\t
                17\t9074\t\t3\t4\t
                19\t56468\t\t4\t\t
                """, r.out());
    }

    @Test
    void summaryDetailsAndJson() {
        Result summary = dissect("-r", CAPTURE, "-Y", "ssp.seq == 2 and ssp.type == 2");
        assertTrue(summary.out().contains("SSP 84 Reading sensor=0x0000002a seq=2 temperature=-1.250"), summary.out());
        Result details = dissect("-r", CAPTURE, "-V", "-Y", "frame.number == 10");
        assertTrue(details.out().contains("""
                Sensor Stream Protocol
                    Magic: 0x5353
                    Version: 1
                    Message type: 2
                    Body length: 22
                    Sensor ID: 0x0000002a
                    Sequence number: 2
                    Measured at: 1700000002.000000000 seconds
                    Quantity: 1
                    Flags: 0xc0
                    Calibrated: 1
                    Low battery: 1
                    Value (thousandths): -1250
                """), details.out());
        Result json = dissect("-r", CAPTURE, "-T", "json", "-Y", "frame.number == 2");
        assertTrue(json.out().contains("\"ssp\":{\"ssp.magic\":\"0x5353\",\"ssp.version\":\"1\",\"ssp.type\":\"2\""),
                json.out());
    }

    @Test
    void decodeAsReachesAFlowNoHeuristicRecognised() {
        String filter = "tcp.port == 9076 and ssp";
        assertEquals("", dissect("-r", CAPTURE, "-Y", filter).out());
        String expected = "Reading sensor=0x0000002b seq=0 humidity=51.000";
        assertTrue(dissect("-r", CAPTURE, "-d", "tcp.port==9076,ssp", "-Y", filter).out().contains(expected));
        assertTrue(dissect("-r", CAPTURE, "-o", "ssp.tcp.port:9076", "-Y", filter).out().contains(expected));
    }
}
