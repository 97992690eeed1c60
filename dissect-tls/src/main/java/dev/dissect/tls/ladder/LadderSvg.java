package dev.dissect.tls.ladder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws {@link Ladder}s as one standalone SVG image: a header box and a dashed lifeline per participant, one
 * labelled arrow per message with its frame number and time on the left, facts in small grey text under the arrow,
 * and a subtle band behind each phase (DNS lookup, TCP handshake, TLS handshake, application data, teardown).
 *
 * <p><b>Self-contained and well-formed:</b> no script, no external font or style sheet; every text is XML-escaped.
 * Colour is used sparingly: bands are pale and also labelled in words, arrows are dark grey, alerts dark red, so
 * the picture reads in grey scale and for colour-blind readers. Several ladders are stacked top to bottom.
 *
 * @since 0.1
 */
public final class LadderSvg {
    private static final int WIDTH = 1000;
    private static final int TIME_WIDTH = 110;
    private static final int BAND_LABEL_WIDTH = 120;
    private static final int HEADER_HEIGHT = 64;
    private static final int LABEL_SIZE = 13;
    private static final int NOTE_SIZE = 11;
    private static final int LINE = 15;
    private static final String FONT = "font-family=\"Helvetica, Arial, sans-serif\"";
    private static final String[] BAND_FILL = {"#f3eefb", "#eaf2fb", "#eaf6ee", "#fbf5e6", "#f0f0f0"};
    private static final String[] BAND_TEXT = {"#5b3f8c", "#2f5f8f", "#2e6b45", "#7a5a12", "#555555"};

    private LadderSvg() {
    }

    /** The SVG document for {@code ladders}, with the XML declaration. */
    public static String render(List<Ladder> ladders) {
        StringBuilder body = new StringBuilder();
        int y = 16;
        for (Ladder l : ladders) {
            y = draw(l, y, body) + 32;
        }
        int height = Math.max(y, 80);
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\">\n");
        out.append("<title>Connection ladder</title>\n");
        out.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
                + "markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333333\"/>"
                + "</marker><marker id=\"arrow-alert\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
                + "markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#a1262b\"/>"
                + "</marker></defs>\n");
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        out.append(body);
        out.append("</svg>\n");
        return out.toString();
    }

    /** Draws one ladder from {@code top}; returns the y below it. */
    private static int draw(Ladder ladder, int top, StringBuilder out) {
        List<Participant> ps = ladder.participants();
        int left = TIME_WIDTH + 70;
        int right = WIDTH - BAND_LABEL_WIDTH - 60;
        int[] x = new int[ps.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = ps.size() == 1 ? left : left + (right - left) * i / (ps.size() - 1);
        }
        int gap = ps.size() > 1 ? x[1] - x[0] : right - left;

        int y = top;
        out.append(text(16, y + 14, ladder.title(), 14, "#222222", "start", "bold"));
        y += 28;
        // Participant boxes.
        for (int i = 0; i < ps.size(); i++) {
            Participant p = ps.get(i);
            int w = 170;
            out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" "
                    + "fill=\"#fafafa\" stroke=\"#888888\"/>%n", x[i] - w / 2, y, w, HEADER_HEIGHT - 14));
            out.append(text(x[i], y + 18, p.role().title(), 13, "#222222", "middle", "bold"));
            out.append(text(x[i], y + 33, p.endpoint(), 11, "#444444", "middle", null));
            if (p.name() != null) {
                out.append(text(x[i], y + 46, p.name(), 11, "#444444", "middle", null));
            }
        }
        y += HEADER_HEIGHT;
        out.append(text(16, y - 4, "frame", 11, "#666666", "start", "bold"));
        out.append(text(TIME_WIDTH + 10, y - 4, "time (s)", 11, "#666666", "end", "bold"));
        int lifelineTop = y - 14;

        // Messages, remembering each phase's extent for the bands drawn behind them.
        StringBuilder arrows = new StringBuilder();
        StringBuilder bands = new StringBuilder();
        Phase phase = null;
        int bandTop = y;
        y += 6;
        for (LadderMessage m : ladder.messages()) {
            if (m.phase() != phase) {
                if (phase != null) {
                    band(bands, phase, bandTop, y, right);
                    y += 6;
                }
                phase = m.phase();
                bandTop = y;
                y += 8;
            }
            int from = index(ps, m.from());
            int to = index(ps, m.to());
            int span = Math.abs(x[to] - x[from]);
            int labelChars = Math.max(12, (int) ((span - 16) / (LABEL_SIZE * 0.56)));
            int noteChars = Math.max(14, (int) ((span - 16) / (NOTE_SIZE * 0.54)));
            List<String> labelLines = LadderText.wrap(m.label(), labelChars);
            List<String> notes = notes(m, noteChars);
            boolean alert = m.label().startsWith("Alert") || m.annotations().stream()
                    .anyMatch(a -> a.kind() == Annotation.Kind.ALERT && !a.text().equals("encrypted"));
            String colour = alert ? "#a1262b" : "#333333";
            int mid = (x[from] + x[to]) / 2;
            y += 4;
            for (String l : labelLines) {
                y += LABEL_SIZE + 3;
                arrows.append(text(mid, y, l, LABEL_SIZE, alert ? colour : "#111111", "middle", "bold"));
            }
            y += 7;
            arrows.append(text(16, y + 4, "#" + m.frames(), 11, "#666666", "start", null));
            arrows.append(text(TIME_WIDTH + 10, y + 4, LadderText.seconds(m.relativeNanos()), 11, "#666666", "end",
                    null));
            int x1 = x[from] + (to > from ? 2 : -2);
            int x2 = x[to] + (to > from ? -3 : 3);
            arrows.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"1.6\" marker-end=\"url(#%s)\"/>%n", x1, y, x2, y, colour,
                    alert ? "arrow-alert" : "arrow"));
            y += 4;
            for (String n : notes) {
                y += LINE;
                arrows.append(text(mid, y - 3, n, NOTE_SIZE, "#555555", "middle", null));
            }
            y += 8;
        }
        if (phase != null) {
            band(bands, phase, bandTop, y, right);
        }
        y += 6;
        out.append(bands);
        for (int xi : x) {
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#9a9a9a\" "
                    + "stroke-width=\"1\" stroke-dasharray=\"4 4\"/>%n", xi, lifelineTop, xi, y));
        }
        out.append(arrows);
        return y;
    }

    private static void band(StringBuilder out, Phase phase, int top, int bottom, int right) {
        int i = phase.ordinal();
        out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" "
                + "fill=\"%s\"/>%n", 8, top, WIDTH - 16, bottom - top, BAND_FILL[i]));
        out.append(text(right + 60, top + 16, phase.title(), 11, BAND_TEXT[i], "start", "bold"));
    }

    /** The facts under an arrow: TCP ones on the first line, then the rest packed with " · ". */
    private static List<String> notes(LadderMessage m, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder tcp = new StringBuilder();
        StringBuilder line = new StringBuilder();
        List<String> rest = new ArrayList<>();
        for (Annotation a : m.annotations()) {
            switch (a.kind()) {
                case TCP_SEQ, TCP_ACK, TCP_LEN, FRAMES -> tcp.append(tcp.length() == 0 ? "" : "  ").append(a.text());
                default -> rest.add(a.text());
            }
        }
        for (String r : rest) {
            if (line.length() > 0 && line.length() + 3 + r.length() > width) {
                lines.addAll(LadderText.wrap(line.toString(), width));
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " · ").append(r);
        }
        if (line.length() > 0) {
            lines.addAll(LadderText.wrap(line.toString(), width));
        }
        if (tcp.length() > 0) {
            lines.addAll(LadderText.wrap(tcp.toString(), width));
        }
        return lines;
    }

    private static int index(List<Participant> ps, Role role) {
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).role() == role) {
                return i;
            }
        }
        return 0;
    }

    private static String text(int x, int y, String s, int size, String fill, String anchor, String weight) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" %s font-size=\"%d\" fill=\"%s\" "
                + "text-anchor=\"%s\"%s>%s</text>%n", x, y, FONT, size, fill, anchor,
                weight == null ? "" : " font-weight=\"" + weight + "\"", escape(s));
    }

    /** Escapes text for XML content and attribute values. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        sb.append('?');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A self-contained HTML page showing the SVG and, under it, the text ladder. */
    public static String html(List<Ladder> ladders) {
        String svg = render(ladders);
        svg = svg.substring(svg.indexOf("<svg"));
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Connection ladder</title>\n"
                + "<style>body{margin:24px;font-family:Helvetica,Arial,sans-serif;color:#222;background:#fff}"
                + "svg{max-width:100%;height:auto}pre{font-size:12px;background:#f7f7f7;padding:12px;overflow-x:auto}"
                + "</style>\n</head>\n<body>\n" + svg
                + "<details><summary>As text</summary><pre>" + escape(LadderText.render(ladders)) + "</pre></details>\n"
                + "</body>\n</html>\n";
    }
}
