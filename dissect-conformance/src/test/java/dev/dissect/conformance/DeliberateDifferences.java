package dev.dissect.conformance;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The rules, documented in {@code deliberate-differences.md}, by which a cell where we and tshark differ is not a
 * disagreement. Both come from one fact: tshark dissects protocols we do not have yet.
 *
 * <p>Per frame, our {@code frame.protocols} without a trailing {@code data} (bytes we hand to no dissector) is
 * compared with tshark's. When ours is a prefix of tshark's and tshark has either nothing more or, next, a
 * protocol we do not register:
 * <ol>
 *   <li>{@code frame.protocols} is compared only up to the deepest protocol we dissect (the cell is skipped);</li>
 *   <li>if tshark goes on, the frame is <em>beyond our reach</em> from there, and a field of a protocol that
 *       tshark dissects again beyond that point (an IP header inside ICMP or a tunnel) is skipped when our
 *       occurrences are a prefix of tshark's: the extra occurrences come from layers we do not reach. Fields of
 *       protocols that appear only within our reach are compared as usual.</li>
 * </ol>
 * A frame where tshark's next protocol is one we register ({@code data} included: we stop where we should go on)
 * is compared in full. Wireshark's IPv6 dissector emits {@code ip.version} too, so that field belongs to both
 * {@code ip} and {@code ipv6}.
 *
 * <p>Apart from reach: {@code frame.time_epoch} is skipped where tshark prints a time that is not one (more than
 * nine fraction digits, or negative): a record whose sub-second field is out of range, which we carry into the
 * seconds.
 *
 * <p>Where tshark's innermost {@code ipv6.plen} is 0 (BIG TCP, no Jumbo option), its UDP and TCP fields are absent
 * and ours are skipped.
 *
 * <p>{@code tcp.stream} is compared after renumbering tshark's indices ({@link #renumberStream}); a cell that agrees
 * only after renumbering is counted as skipped.
 */
final class DeliberateDifferences {
    static final String PROTOCOLS = "frame.protocols";
    static final String TIME = "frame.time_epoch";
    static final String STREAM = "tcp.stream";
    static final String IPV6_PLEN = "ipv6.plen";

    private final Set<String> ourProtocols;
    private final Map<String, String> streamNumbers = new HashMap<>();
    private final Set<String> beyondReach = new HashSet<>();
    private boolean protocolsWithinReach;
    private boolean frameBeyondReach;
    private boolean zeroIpv6Length;

    DeliberateDifferences(Set<String> ourProtocols) {
        this.ourProtocols = ourProtocols;
    }

    /** Starts a frame, given both {@code frame.protocols} cells. */
    void frame(String ours, String theirs) {
        beyondReach.clear();
        protocolsWithinReach = false;
        frameBeyondReach = false;
        String[] o = split(ours.endsWith(":data") ? ours.substring(0, ours.length() - 5)
                : ours.equals("data") ? "" : ours);
        String[] t = split(theirs);
        int k = 0;
        while (k < o.length && k < t.length && o[k].equals(t[k])) {
            k++;
        }
        if (k == o.length && (k == t.length || !ourProtocols.contains(t[k]))) {
            protocolsWithinReach = true;
            frameBeyondReach = k < t.length;
            for (int i = k; i < t.length; i++) {
                beyondReach.add(t[i]);
            }
        }
    }

    /** Gives tshark's {@code ipv6.plen} cell of the current frame (call after {@link #frame}). */
    void ipv6PayloadLength(String theirs) {
        zeroIpv6Length = theirs.equals("0") || theirs.endsWith(",0");
    }

    /** Whether a differing cell of {@code field} in the current frame is a deliberate difference. */
    boolean skips(String field, String ours, String theirs) {
        if (zeroIpv6Length && theirs.isEmpty() && (field.startsWith("udp.") || field.startsWith("tcp."))) {
            return true; // rule 7: an IPv6 payload length of 0 (BIG TCP)
        }
        if (field.equals(PROTOCOLS)) {
            return protocolsWithinReach;
        }
        if (field.equals(TIME)) {
            int point = theirs.indexOf('.');
            return theirs.startsWith("-") || (point >= 0 && theirs.length() - point - 1 > 9);
        }
        if (!frameBeyondReach) {
            return false;
        }
        int dot = field.indexOf('.');
        String protocol = dot < 0 ? field : field.substring(0, dot);
        boolean beyond = beyondReach.contains(protocol)
                || (field.equals("ip.version") && beyondReach.contains("ipv6"));
        return beyond && (ours.isEmpty() || theirs.startsWith(ours + ","));
    }

    /**
     * tshark's {@code tcp.stream} cell with its indices renumbered densely in order of first appearance in frames
     * where we show {@code tcp.stream} (as many of tshark's occurrences as we have): tshark also numbers TCP
     * conversations it finds in layers we do not reach (headers quoted in ICMP errors, connections a SOCKS
     * dissector announces), so from there its indices run ahead of ours. A stream we split or merge still differs.
     * Call once per frame of a capture, in order; returns {@code theirs} unchanged when ours is empty.
     */
    String renumberStream(String ours, String theirs) {
        if (ours.isEmpty() || theirs.isEmpty()) {
            return theirs;
        }
        int ourCount = ours.split(",", -1).length;
        String[] t = theirs.split(",", -1);
        for (int i = 0; i < t.length && i < ourCount; i++) {
            String mapped = streamNumbers.get(t[i]);
            if (mapped == null) {
                mapped = String.valueOf(streamNumbers.size());
                streamNumbers.put(t[i], mapped);
            }
            t[i] = mapped;
        }
        return String.join(",", t);
    }

    private static String[] split(String protocols) {
        return protocols.isEmpty() ? new String[0] : protocols.split(":", -1);
    }
}
