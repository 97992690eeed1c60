package dev.dissect.conformance;

import java.util.HashSet;
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
 * {@code ip} and {@code ipv6}; its mDNS and LLMNR dissectors emit the {@code dns.*} fields, so those belong to
 * {@code dns}, {@code mdns} and {@code llmnr}.
 *
 * <p>Apart from reach: {@code frame.time_epoch} is skipped where tshark prints a time that is not one (more than
 * nine fraction digits, or negative): a record whose sub-second field is out of range, which we carry into the
 * seconds.
 */
final class DeliberateDifferences {
    static final String PROTOCOLS = "frame.protocols";
    static final String TIME = "frame.time_epoch";
    /** The protocol of the {@code dns.*} fields, which Wireshark's mDNS and LLMNR dissectors emit too. */
    private static final String DNS = "dns";

    private final Set<String> ourProtocols;
    private final Set<String> beyondReach = new HashSet<>();
    private boolean protocolsWithinReach;
    private boolean frameBeyondReach;

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

    /** Whether a differing cell of {@code field} in the current frame is a deliberate difference. */
    boolean skips(String field, String ours, String theirs) {
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
                || (field.equals("ip.version") && beyondReach.contains("ipv6"))
                || (protocol.equals(DNS) && (beyondReach.contains("mdns") || beyondReach.contains("llmnr")));
        return beyond && (ours.isEmpty() || theirs.startsWith(ours + ","));
    }

    private static String[] split(String protocols) {
        return protocols.isEmpty() ? new String[0] : protocols.split(":", -1);
    }
}
