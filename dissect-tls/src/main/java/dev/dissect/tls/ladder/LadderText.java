package dev.dissect.tls.ladder;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link Ladder} as plain text for a terminal: one lifeline per participant, one arrow per message with its
 * frame number and time on the left, the label and facts to the right of the lifelines, and a rule where each phase
 * begins.
 *
 * <pre>
 * tcp.stream 0: 127.0.0.1:45506 -&gt; 127.0.0.1:44330 (localhost)
 * Client 127.0.0.1:45506, Server 127.0.0.1:44330 (localhost)
 *
 *   frame      time  Client              Server
 * ---- TCP handshake -------------------------------------------------------------------------
 *       1  0.000000  |-----------------&gt;|  SYN
 *                    |                   |  Seq=0
 * </pre>
 *
 * <p><b>Lines never exceed the width asked for</b> (100 columns by default, at least 60): labels and facts wrap onto
 * continuation lines that keep the lifelines. ASCII only, so any terminal shows it.
 *
 * @since 0.1
 */
public final class LadderText {
    /** The default width in columns. */
    public static final int DEFAULT_WIDTH = 100;
    private static final int TIME_COLUMNS = 19;

    private LadderText() {
    }

    /** Every ladder, separated by a blank line, at {@link #DEFAULT_WIDTH}. */
    public static String render(List<Ladder> ladders) {
        StringBuilder out = new StringBuilder();
        for (Ladder l : ladders) {
            if (out.length() > 0) {
                out.append('\n');
            }
            render(l, DEFAULT_WIDTH, out);
        }
        return out.toString();
    }

    /** One ladder, at most {@code width} columns per line. */
    public static StringBuilder render(Ladder ladder, int width, StringBuilder out) {
        width = Math.max(60, width);
        List<Participant> ps = ladder.participants();
        int gap = ps.size() > 2 ? 16 : 22;
        int lanes = gap * (ps.size() - 1) + 1;
        int textColumn = TIME_COLUMNS + lanes + 2;
        int textWidth = width - textColumn;

        for (String line : wrap(ladder.title(), width)) {
            out.append(line).append('\n');
        }
        StringBuilder who = new StringBuilder();
        for (Participant p : ps) {
            who.append(who.length() == 0 ? "" : ", ").append(p.role().title()).append(' ').append(p.endpoint())
                    .append(p.name() == null ? "" : " (" + p.name() + ")");
        }
        for (String line : wrap(who.toString(), width)) {
            out.append(line).append('\n');
        }
        out.append('\n');
        StringBuilder heading = new StringBuilder(String.format("%7s  %8s  ", "frame", "time"));
        for (int i = 0; i < ps.size(); i++) {
            String t = ps.get(i).role().title();
            int column = TIME_COLUMNS + i * gap;
            while (heading.length() < column) {
                heading.append(' ');
            }
            heading.append(t);
        }
        out.append(heading.toString().stripTrailing()).append('\n');

        Phase phase = null;
        for (LadderMessage m : ladder.messages()) {
            if (m.phase() != phase) {
                phase = m.phase();
                String rule = "---- " + phase.title() + " ";
                out.append(rule).append("-".repeat(Math.max(0, width - rule.length()))).append('\n');
            }
            int from = index(ps, m.from());
            int to = index(ps, m.to());
            List<String> text = new ArrayList<>(wrap(m.label(), textWidth));
            text.addAll(facts(m, textWidth));
            for (int line = 0; line < text.size(); line++) {
                StringBuilder row = new StringBuilder(width);
                if (line == 0) {
                    row.append(String.format("%7s  %8s  ", m.frames(), seconds(m.relativeNanos())));
                } else {
                    row.append(" ".repeat(TIME_COLUMNS));
                }
                row.append(line == 0 ? arrow(ps.size(), gap, from, to) : lifelines(ps.size(), gap));
                row.append("  ").append(text.get(line));
                out.append(row.toString().stripTrailing()).append('\n');
            }
        }
        return out;
    }

    /** The annotations packed into lines: the TCP facts together first, then the others separated by "; ". */
    private static List<String> facts(LadderMessage m, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder tcp = new StringBuilder();
        List<String> rest = new ArrayList<>();
        for (Annotation a : m.annotations()) {
            switch (a.kind()) {
                case TCP_SEQ, TCP_ACK, TCP_LEN, FRAMES -> tcp.append(tcp.length() == 0 ? "" : " ").append(a.text());
                default -> rest.add(a.text());
            }
        }
        if (tcp.length() > 0) {
            lines.addAll(wrap(tcp.toString(), width));
        }
        StringBuilder line = new StringBuilder();
        for (String r : rest) {
            if (line.length() > 0 && line.length() + 2 + r.length() > width) {
                lines.addAll(wrap(line.toString(), width));
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : "; ").append(r);
        }
        if (line.length() > 0) {
            lines.addAll(wrap(line.toString(), width));
        }
        return lines;
    }

    private static String arrow(int participants, int gap, int from, int to) {
        char[] row = lifelines(participants, gap).toCharArray();
        int a = Math.min(from, to) * gap;
        int b = Math.max(from, to) * gap;
        for (int i = a + 1; i < b; i++) {
            row[i] = '-';
        }
        if (to > from) {
            row[b - 1] = '>';
        } else {
            row[a + 1] = '<';
        }
        return new String(row);
    }

    private static String lifelines(int participants, int gap) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < participants; i++) {
            if (i > 0) {
                sb.append(" ".repeat(gap - 1));
            }
            sb.append('|');
        }
        return sb.toString();
    }

    private static int index(List<Participant> ps, Role role) {
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).role() == role) {
                return i;
            }
        }
        return 0;
    }

    /** Seconds with microseconds, as tshark's relative time column: {@code 0.013120}. */
    static String seconds(long nanos) {
        return String.format("%d.%06d", nanos / 1_000_000_000L, nanos % 1_000_000_000L / 1_000);
    }

    /** Breaks text at spaces (or anywhere, for a word longer than a line) into lines of at most {@code width}. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.length() > width) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
