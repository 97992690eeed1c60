package dev.dissect.net.engine;

import dev.dissect.net.defrag.IpDefragmenter;
import dev.dissect.net.flow.NetworkEndpoints;
import dev.dissect.net.flow.SessionStore;
import dev.dissect.net.reassembly.ReassemblyCounters;
import dev.dissect.net.reassembly.ReassemblyOptions;
import dev.dissect.net.reassembly.TcpReassembler;

/**
 * Everything one capture's dissection remembers from frame to frame: TCP flows and their reassembly, incomplete
 * IP datagrams, and the counters of what the caps forced out. Owned by a {@link DissectionEngine}; no statics.
 *
 * <p>Not thread-safe: a session is dissected by one thread, frame after frame, in capture order.
 */
public final class DissectionSession {
    private final ReassemblyOptions options;
    private final ReassemblyCounters counters = new ReassemblyCounters();
    private final TcpReassembler tcp;
    private final IpDefragmenter defragmenter;
    private final NetworkEndpoints endpoints = new NetworkEndpoints();
    private final SessionStore store;
    private boolean fragmented;

    public DissectionSession(ReassemblyOptions options) {
        this(options, new SessionStore());
    }

    /** A session whose dissectors keep their state in {@code store} (which also tells the pass). */
    public DissectionSession(ReassemblyOptions options, SessionStore store) {
        this.options = options;
        this.store = store;
        this.tcp = new TcpReassembler(options, counters, store);
        this.defragmenter = new IpDefragmenter(options, counters, store);
    }

    public ReassemblyOptions options() {
        return options;
    }

    /** What was made, evicted and dropped so far. */
    public ReassemblyCounters counters() {
        return counters;
    }

    public TcpReassembler tcp() {
        return tcp;
    }

    public IpDefragmenter defragmenter() {
        return defragmenter;
    }

    /** The current frame's innermost IP addresses, recorded by the IP dissectors. */
    public NetworkEndpoints endpoints() {
        return endpoints;
    }

    /**
     * Dissectors' state for this capture, by type (the DNS query table, the registry of TLS connections), and which
     * pass this is; read it after a pass. Dropped with the session.
     */
    public SessionStore store() {
        return store;
    }

    /**
     * Whether the current frame's transport header sits in the first fragment of a datagram that is not reassembled
     * (Wireshark's {@code pinfo->fragmented}): its length says nothing about the segment's, so TCP shows no
     * {@code tcp.len} and runs no sequence analysis, and numbers stay raw.
     */
    public boolean fragmented() {
        return fragmented;
    }

    /** Called by an IP dissector that hands on the payload of a first fragment it did not reassemble. */
    public void markFragmented() {
        fragmented = true;
    }

    void beginFrame() {
        endpoints.clear();
        fragmented = false;
    }
}
