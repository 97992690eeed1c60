package dev.dissect.net.reassembly;

import dev.dissect.net.flow.FrameLinks;
import dev.dissect.net.flow.SessionStore;

/**
 * Which later frame completed an IP datagram or a TCP PDU that a frame carried part of, for tshark's
 * {@code ip.reassembled_in}, {@code ipv6.reassembled.in} and {@code tcp.reassembled_in}.
 *
 * <p><b>Only two passes show them.</b> At a fragment or a segment, one pass cannot know the frame that will
 * complete its datagram or PDU, so tshark without {@code -2} never shows these fields, and neither do we. The first
 * of two passes notes, at the frame that completes one, every earlier frame that carried part of it; the second
 * shows the link on those earlier frames (never on the completing frame itself, as tshark {@code -2}). Kept in the
 * first pass's {@link SessionStore}.
 */
public final class ReassembledIn {
    private final FrameLinks datagrams = new FrameLinks();
    private final FrameLinks pdus = new FrameLinks();

    /** The links to fill during the first of two passes; null in any other pass. */
    public static ReassembledIn collecting(SessionStore store) {
        return store.pass() == SessionStore.Pass.FIRST ? store.state(ReassembledIn.class, ReassembledIn::new) : null;
    }

    /** During the second of two passes, what the first collected; null in any other pass or if it found none. */
    public static ReassembledIn collected(SessionStore store) {
        return store.pass() == SessionStore.Pass.SECOND
                ? store.firstPass().stateIfPresent(ReassembledIn.class) : null;
    }

    /** IP datagrams, by fragment frame and {@link #datagramTag(int, long) tag}. */
    public FrameLinks datagrams() {
        return datagrams;
    }

    /** TCP PDUs, by segment frame and {@code tcp.stream}. */
    public FrameLinks pdus() {
        return pdus;
    }

    /** A datagram's tag: its identification, and the IP version above it. */
    public static long datagramTag(int version, long id) {
        return (long) (version == 6 ? 1 : 0) << (FrameLinks.TAG_BITS - 1) | id & (1L << (FrameLinks.TAG_BITS - 1)) - 1;
    }
}
