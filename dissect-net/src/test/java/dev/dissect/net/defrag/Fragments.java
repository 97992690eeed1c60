package dev.dissect.net.defrag;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.net.reassembly.ReassemblyCounters;
import dev.dissect.net.reassembly.ReassemblyOptions;

/** Feeds fragments of one or more datagrams to an {@link IpDefragmenter}, addresses made from a datagram number. */
final class Fragments {
    final ReassemblyCounters counters = new ReassemblyCounters();
    final IpDefragmenter defrag;
    private final byte[] addresses = new byte[32];
    private long frame;

    Fragments(ReassemblyOptions options) {
        defrag = new IpDefragmenter(options, counters);
    }

    /**
     * Adds {@code [at, at + len)} of {@code payload} as a fragment of datagram {@code id} of the IP version; returns
     * the whole payload as an array if this fragment completed it.
     */
    byte[] add(int version, long id, byte[] payload, int at, int len, boolean more, long nowNanos) {
        addresses[15] = (byte) (id >>> 8); // distinct datagrams differ in source too, so keys never collide
        addresses[31] = 2;
        ByteView whole = defrag.add(version, ByteView.of(addresses), version == 4 ? 12 : 0, version == 4 ? 28 : 16,
                17, id, at, more, ByteView.of(payload), at, len, ++frame, nowNanos);
        return whole == null ? null : whole.toArray(0, whole.length());
    }
}
