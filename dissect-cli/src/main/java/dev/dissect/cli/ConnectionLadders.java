package dev.dissect.cli;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.FieldDef;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.net.filter.DisplayFilter;
import dev.dissect.tls.ladder.Ladder;
import dev.dissect.tls.ladder.LadderBuilder;
import dev.dissect.tls.TlsPreferences;
import dev.dissect.tls.ladder.LadderFacts;
import dev.dissect.tls.ladder.LadderSvg;
import dev.dissect.tls.ladder.LadderText;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code -z flow,conn[,FILTER]}: the connection ladder of every TLS connection (or of every TCP connection with a
 * frame that passes FILTER) after the last frame, as text; {@code --svg FILE} and {@code --html FILE} write the same
 * diagram as an image and as a page. Every frame is fed to the ladder, whatever {@code -Y} says, so that the DNS
 * lookup before a connection is found; narrow the connections with the FILTER instead.
 */
final class ConnectionLadders {
    static final String PREFIX = "flow,conn";

    private final LadderBuilder builder;
    private final String svg;
    private final String html;

    private ConnectionLadders(LadderBuilder builder, String svg, String html) {
        this.builder = builder;
        this.svg = svg;
        this.html = html;
    }

    /** True if {@code z} is a {@code -z flow,conn} request. */
    static boolean matches(String z) {
        return z.equals(PREFIX) || z.startsWith(PREFIX + ",");
    }

    /** The ladders a {@code -z flow,conn[,FILTER]} asks for; a bad filter throws FilterSyntaxException. */
    static ConnectionLadders of(String z, DissectionEngine engine, String svg, String html) {
        String f = z.length() > PREFIX.length() ? z.substring(PREFIX.length() + 1) : "";
        DisplayFilter filter = f.isBlank() ? null : DisplayFilter.compile(f, engine.registry());
        // The ladder shows each chain's verdict: validate every chain, whatever the output records.
        TlsPreferences.of(engine.session()).validation(TlsPreferences.Validation.ALWAYS);
        return new ConnectionLadders(new LadderBuilder(engine, filter, LadderFacts.DISSECTED), svg, html);
    }

    Set<FieldDef> fields() {
        return builder.fields();
    }

    void accept(Dissection d) {
        builder.accept(d);
    }

    /** Prints the text ladders, and writes the SVG and HTML files if asked for. */
    void finish(Writer out) throws IOException {
        List<Ladder> ladders = builder.build();
        out.append('\n');
        out.append(ladders.isEmpty() ? "No TLS connection (or none that passes the filter).\n"
                : LadderText.render(ladders));
        if (svg != null) {
            Files.writeString(Path.of(svg), LadderSvg.render(ladders), StandardCharsets.UTF_8);
        }
        if (html != null) {
            Files.writeString(Path.of(html), LadderSvg.html(ladders), StandardCharsets.UTF_8);
        }
    }
}
