package dev.dissect.cli;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.dissection.FieldFormat;
import dev.dissect.api.field.Base;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.DiagnosticGroup;
import dev.dissect.api.field.Severity;
import dev.dissect.api.frame.CaptureInterface;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.ip.IpProtocols;
import java.io.IOException;

/**
 * tshark's default output: one line per frame with number, time since the first frame, source, destination,
 * protocol, length and info.
 *
 * <pre>
 *     1 0.000000000    127.0.0.1 → 127.0.0.1    TCP 74 50231 → 443 [SYN] Seq=0 Win=65495 Len=0 MSS=65495
 * </pre>
 */
final class SummaryPrinter implements FramePrinter {
    private static final String[][] ADDRESS_FIELDS = {
        {"ipv6.src", "ipv6.dst"}, {"ip.src", "ip.dst"}, {"eth.src", "eth.dst"}, {"sll.src.eth", ""}};

    private final Appendable out;
    private final StringBuilder line = new StringBuilder(160);
    private final StringBuilder src = new StringBuilder(40);
    private final StringBuilder dst = new StringBuilder(40);
    private final StringBuilder fallbackProtocol = new StringBuilder(8);
    private final StringBuilder fallbackInfo = new StringBuilder(64);
    private final CaptureSource source;
    private int timeDigits;
    private boolean haveFirst;
    private long firstSecond;
    private int firstNanos;

    /**
     * @param source the capture, whose interfaces (known once the first frame was read: a pcapng file describes
     *               them in blocks) decide the digits of the time column: 9 if any has nanosecond timestamps,
     *               else 6, as tshark follows the file's precision
     */
    SummaryPrinter(Appendable out, CaptureSource source) {
        this.out = out;
        this.source = source;
    }

    @Override
    public void print(Dissection d) throws IOException {
        FrameView frame = d.frame();
        if (!haveFirst) {
            haveFirst = true;
            firstSecond = frame.epochSecond();
            firstNanos = frame.nanos();
            timeDigits = timeDigits(source);
        }
        line.setLength(0);
        padLeft(Long.toString(frame.number()), 5);
        line.append(' ');
        padLeft(relativeTime(frame), Math.max(10, timeDigits + 2));
        line.append(' ');
        addresses(d);
        padLeft(src, 12);
        line.append(" \u2192 ").append(dst);
        for (int i = dst.length(); i < 12; i++) {
            line.append(' ');
        }
        fallbackProtocol.setLength(0);
        fallbackInfo.setLength(0);
        if (d.info().length() == 0) {
            describeUndissected(d);
        }
        line.append(' ').append(fallbackProtocol.length() > 0 ? fallbackProtocol : d.protocolColumn()).append(' ')
                .append(frame.originalLength()).append(' ').append(d.info().length() > 0 ? d.info() : fallbackInfo);
        appendExceptionNote(d);
        out.append(line).append('\n');
    }

    /**
     * An info column for frames no dissector described, close to what tshark shows when it too stops early: an
     * unknown EtherType makes the protocol column {@code 0x88b5} and the info "Ethernet II" (tshark names many
     * types; we do not); an 802.1Q tag shows {@code PRI: 0  DEI: 0  ID: 5}; an IP payload we do not dissect shows
     * its protocol, {@code Unknown (253)} or {@code ICMP (1)} (tshark would dissect ICMP); anything else shows the
     * title of the highest layer.
     */
    private void describeUndissected(Dissection d) {
        int top = d.layerCount() - 1;
        while (top >= 0 && HIDDEN_LAYERS.contains(d.layerProtocol(top).filterName())) {
            top--;
        }
        if (top < 0) {
            return;
        }
        String name = d.layerProtocol(top).filterName();
        boolean handedToData = top < d.layerCount() - 1;
        switch (name) {
            case "eth", "sll" -> {
                int type = last(d, name.equals("eth") ? "eth.type" : "sll.etype");
                if (handedToData && type >= 0) {
                    FieldFormat.appendUnsigned(fallbackProtocol, d.value(type), Base.HEX, 2);
                }
                fallbackInfo.append(d.layerProtocol(top).title());
            }
            case "vlan" -> {
                int type = last(d, "vlan.etype");
                if (handedToData && type >= 0) {
                    FieldFormat.appendUnsigned(fallbackProtocol, d.value(type), Base.HEX, 2);
                }
                fallbackInfo.append("PRI: ").append(value(d, "vlan.priority")).append("  DEI: ")
                        .append(value(d, "vlan.dei")).append("  ID: ").append(value(d, "vlan.id"));
            }
            case "ip", "ipv6", "ipv6.hopopts", "ipv6.routing", "ipv6.dstopts", "ah" -> {
                int proto = name.equals("ip") ? last(d, "ip.proto") : lastNextHeader(d);
                if (proto < 0) {
                    fallbackInfo.append(d.layerProtocol(top).title());
                    return;
                }
                int number = (int) d.value(proto);
                String known = IpProtocols.name(number);
                fallbackInfo.append(known.equals(Integer.toString(number)) ? "Unknown" : known).append(" (")
                        .append(number).append(')');
            }
            default -> fallbackInfo.append(d.layerProtocol(top).title());
        }
    }

    private static final java.util.Set<String> HIDDEN_LAYERS = java.util.Set.of("data", "ethertype");

    private static long value(Dissection d, String name) {
        int i = last(d, name);
        return i >= 0 ? d.value(i) : 0;
    }

    /** The last next-header number of an IPv6 header chain ({@code ipv6.nxt}, {@code ipv6.hopopts.nxt}, …). */
    private static int lastNextHeader(Dissection d) {
        for (int i = d.fieldCount() - 1; i >= 0; i--) {
            String n = d.fieldDef(i).name();
            if (n.startsWith("ipv6.") && n.endsWith(".nxt") || n.equals("ipv6.nxt") || n.equals("ah.next_header")) {
                return i;
            }
        }
        return Dissection.NONE;
    }

    /**
     * What tshark appends to the info column when dissection stopped early: {@code [Malformed Packet]} when a
     * layer contradicts its protocol, {@code [Packet size limited during capture: TCP truncated]} when the
     * capture ends inside a layer. Other diagnostics (checksums, sequence analysis) stay out of the summary line,
     * as tshark's expert infos do; {@code -V} shows them all.
     */
    private void appendExceptionNote(Dissection d) {
        int truncatedLayer = Integer.MIN_VALUE;
        boolean malformed = false;
        for (int i = 0; i < d.diagnosticCount(); i++) {
            DiagnosticDef def = d.diagnosticDef(i);
            if (def.severity() != Severity.ERROR) {
                continue;
            }
            if (def.group() == DiagnosticGroup.TRUNCATED) {
                if (truncatedLayer == Integer.MIN_VALUE) {
                    truncatedLayer = d.diagnosticLayer(i);
                }
            } else if (def.group() == DiagnosticGroup.MALFORMED) {
                malformed = true;
            }
        }
        if (truncatedLayer != Integer.MIN_VALUE) {
            String name = truncatedLayer >= 0 ? d.layerProtocol(truncatedLayer).shortName() : "Frame";
            line.append(" [Packet size limited during capture: ").append(name).append(" truncated]");
        } else if (malformed) {
            line.append(" [Malformed Packet]");
        }
    }

    private static int timeDigits(CaptureSource source) {
        for (CaptureInterface i : source.interfaces()) {
            if (i.ticksPerSecond() > 1_000_000) {
                return 9;
            }
        }
        return 6;
    }

    private String relativeTime(FrameView frame) {
        long seconds = frame.epochSecond() - firstSecond;
        int nanos = frame.nanos() - firstNanos;
        if (nanos < 0) {
            nanos += 1_000_000_000;
            seconds--;
        }
        String full = FieldFormat.appendSecondsNanos(new StringBuilder(), seconds, nanos).toString();
        return full.substring(0, full.length() - (9 - timeDigits));
    }

    /** The addresses of the highest network layer that has them (Wireshark's source and destination columns). */
    private void addresses(Dissection d) {
        src.setLength(0);
        dst.setLength(0);
        for (String[] pair : ADDRESS_FIELDS) {
            int s = last(d, pair[0]);
            if (s >= 0) {
                d.appendValue(s, src);
                int t = pair[1].isEmpty() ? -1 : last(d, pair[1]);
                if (t >= 0) {
                    d.appendValue(t, dst);
                }
                return;
            }
        }
    }

    private static int last(Dissection d, String name) {
        int found = Dissection.NONE;
        for (int i = d.find(name, 0); i >= 0; i = d.find(name, i + 1)) {
            found = i;
        }
        return found;
    }

    private void padLeft(CharSequence s, int width) {
        for (int i = s.length(); i < width; i++) {
            line.append(' ');
        }
        line.append(s);
    }
}
