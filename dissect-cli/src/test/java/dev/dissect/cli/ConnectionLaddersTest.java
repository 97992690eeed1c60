package dev.dissect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -z flow,conn[,FILTER]}, {@code --svg} and {@code --html} on the shipped example. */
class ConnectionLaddersTest {
    @Test
    void printsTheLadderOfTheExample(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("ladder.svg");
        Path html = dir.resolve("ladder.html");
        Cli.Result r = Cli.run("-r", Cli.EXAMPLE.toString(), "-q", "-z", "flow,conn", "--svg", svg.toString(),
                "--html", html.toString());
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("\ntcp.stream 0: 127.0.0.1:45506 -> 127.0.0.1:44330 (localhost)\n"), out);
        assertTrue(out.contains("      1  0.000000  |-------------------->|  SYN\n"), out);
        assertTrue(out.contains("      6  0.002931  |<--------------------|  ServerHello, Certificate,"), out);
        assertTrue(out.contains("|  ServerHelloDone\n"), out);
        assertTrue(out.contains("ECDHE, RSA signature"), out);
        for (String line : out.split("\n")) {
            assertTrue(line.length() <= 100, line);
        }
        assertEquals("svg", DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile())
                .getDocumentElement().getTagName());
        assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void aFilterSelectsAndSummaryLinesStillPrint() {
        Cli.Result none = Cli.run("-r", Cli.EXAMPLE.toString(), "-q", "-z", "flow,conn,tcp.port == 1");
        assertEquals(0, none.code());
        assertTrue(none.out().contains("No TLS connection"), none.out());
        Cli.Result both = Cli.run("-r", Cli.EXAMPLE.toString(), "-c", "3", "-z", "flow,conn,tcp.flags.syn == 1");
        assertEquals(0, both.code(), both.err());
        assertTrue(both.out().startsWith("    1   0.000000"), both.out());
        assertTrue(both.out().contains("---- TCP handshake"), both.out());
    }

    @Test
    void usageErrors() {
        assertEquals(DissectCommand.EXIT_USAGE, Cli.run("-r", Cli.EXAMPLE.toString(), "--svg", "x.svg").code());
        assertEquals(DissectCommand.EXIT_USAGE,
                Cli.run("-r", Cli.EXAMPLE.toString(), "-z", "flow,conn,tcp.port ==").code());
    }
}
