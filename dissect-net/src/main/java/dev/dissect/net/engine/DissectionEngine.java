package dev.dissect.net.engine;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.frame.FrameView;
import dev.dissect.api.spi.Dissector;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.DissectorTable;
import dev.dissect.api.stream.FramingStreamDissector;
import dev.dissect.api.stream.StreamDissector;
import dev.dissect.net.flow.SessionStore;
import dev.dissect.net.reassembly.ReassemblyFields;
import dev.dissect.net.reassembly.ReassemblyOptions;

/**
 * Dissects frames: picks the link-layer dissector by link type, then follows each dissector's hand-off through
 * the tables until a layer ends the frame.
 *
 * <p><b>No exception escapes {@link #dissect}.</b> Dissectors report bad bytes as diagnostics; a dissector that
 * throws anyway (a bug, typically in a plugin) is recorded as a {@link CoreFields#DISSECTOR_FAILED} diagnostic
 * and the rest of the frame is kept as data. <b>Depth is bounded</b> by {@link #MAX_LAYERS_LIMIT}; no dissector
 * calls another, so nothing recurses. <b>Nothing is allocated per frame</b> by the engine itself.
 *
 * <p>The engine owns a {@link DissectionSession}: TCP flows, reassembly and defragmentation state, bounded by the
 * {@link ReassemblyOptions} it was made with; dissectors' caps are its {@link Limits}, in every session's store.
 * Frames must come in capture order; {@link #resetSession()} starts over for another capture.
 *
 * <p>{@link #trackSessions(boolean) trackSessions(false)} dissects every frame on its own, as gopacket's
 * DecodingLayerParser does: no flows, {@code tcp.stream}, sequence analysis, reassembly, defragmentation or DNS
 * request matching, so nothing is looked up or kept between frames.
 *
 * <p>Not thread-safe: use one engine per thread (they are cheap once the registry is loaded).
 */
public final class DissectionEngine {
    /** Layers dissected per frame at most, by default; the rest is data with a {@link CoreFields#DEPTH_LIMIT}. */
    public static final int MAX_LAYERS = 128;

    /**
     * Dissector calls per frame ({@link #MAX_LAYERS} by default). Every nesting (VLAN tags, IP in IP, IPv6
     * extension headers, tunnels) is one call per level, so this bounds the depth of any frame.
     */
    public static final Limit MAX_LAYERS_LIMIT = Limit.of("frame.max_layers",
            "dissector calls per frame (nesting depth)", MAX_LAYERS, 1, 65_536);

    /** The table link-layer dissectors register in, keyed by pcap link type. */
    public static final String LINK_TYPE_TABLE = "frame.encap_type";

    private final DissectorRegistry registry;
    private final DissectorTableImpl linkTypes;
    private final SessionfulContext sessionful = new SessionfulContext();
    private final Context stateless = new Context();
    private Context context = sessionful;
    private final Dissector data = new DataDissector();
    private final ReassemblyOptions options;
    private final Limits limits;
    private final int maxLayers;
    private DissectionSession session;

    public DissectionEngine(DissectorRegistry registry) {
        this(registry, ReassemblyOptions.defaults());
    }

    public DissectionEngine(DissectorRegistry registry, ReassemblyOptions options) {
        this(registry, options, Limits.defaults());
    }

    /** An engine with these reassembly limits and dissector caps (docs/limits.md lists both). */
    public DissectionEngine(DissectorRegistry registry, ReassemblyOptions options, Limits limits) {
        this.registry = registry;
        this.options = options;
        this.limits = limits;
        this.maxLayers = limits.getInt(MAX_LAYERS_LIMIT);
        this.session = newSession(new SessionStore());
        this.linkTypes = registry.tableImpl(LINK_TYPE_TABLE);
        registry.protocol(CoreFields.FRAME, CoreFields.FRAME_FIELDS);
        registry.protocol(CoreFields.DATA, CoreFields.DATA_DATA, CoreFields.DATA_LEN);
        registry.diagnostics(CoreFields.UNKNOWN_LINK_TYPE, CoreFields.DEPTH_LIMIT, CoreFields.DISSECTOR_FAILED);
        registry.diagnostics(ReassemblyFields.DIAGNOSTICS);
        registry.diagnostics(FramingStreamDissector.FRAME_TOO_LONG);
    }

    /**
     * Whether frames are dissected within the session (the default: flows, reassembly, defragmentation, request
     * matching) or each on its own, with no state kept between frames (header decoding only, the fastest).
     *
     * @return this engine
     */
    public DissectionEngine trackSessions(boolean track) {
        context = track ? sessionful : stateless;
        return this;
    }

    /** True unless {@link #trackSessions(boolean) trackSessions(false)} is in force. */
    public boolean tracksSessions() {
        return context == sessionful;
    }

    /** An engine with every dissector that {@link java.util.ServiceLoader} finds on the class path. */
    public static DissectionEngine withDefaults() {
        return withDefaults(ReassemblyOptions.defaults());
    }

    /** An engine with every dissector on the class path and these reassembly limits. */
    public static DissectionEngine withDefaults(ReassemblyOptions options) {
        return withDefaults(options, Limits.defaults());
    }

    /** An engine with every dissector on the class path, these reassembly limits and these dissector caps. */
    public static DissectionEngine withDefaults(ReassemblyOptions options, Limits limits) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new DissectionEngine(DissectorRegistry.load(loader != null ? loader : DissectionEngine.class.getClassLoader()),
                options, limits);
    }

    /** The dissectors' caps this engine was made with; every session's store holds them too. */
    public Limits limits() {
        return limits;
    }

    private DissectionSession newSession(SessionStore store) {
        store.state(Limits.class, () -> limits);
        return new DissectionSession(options, store);
    }

    /** The state kept from frame to frame (flows, fragments, counters). */
    public DissectionSession session() {
        return session;
    }

    /** Forgets every flow and fragment: the next frame starts a new capture. */
    public void resetSession() {
        session = newSession(new SessionStore());
    }

    /**
     * Starts the first of two passes over a capture (tshark's {@code -2}): a new session that only collects.
     * Dissect every frame, then call {@link #beginSecondPass()} and dissect them all again, in the same order;
     * the second pass's records have the fields that need later frames ({@code dns.response_in}). The first
     * pass's output is meant to be ignored (record no fields and no info for speed).
     */
    public void beginFirstPass() {
        session = newSession(new SessionStore(SessionStore.Pass.FIRST, null));
    }

    /**
     * Starts the second pass: a new session that can read what the first pass collected.
     *
     * @throws IllegalStateException if the current session is not a first pass
     */
    public void beginSecondPass() {
        SessionStore first = session.store();
        if (first.pass() != SessionStore.Pass.FIRST) {
            throw new IllegalStateException("beginSecondPass() without beginFirstPass(): " + first.pass());
        }
        session = newSession(new SessionStore(SessionStore.Pass.SECOND, first));
    }

    public DissectorRegistry registry() {
        return registry;
    }

    /** Dissects {@code frame} into {@code out}, which is reset first. */
    public void dissect(FrameView frame, Dissection out) {
        out.reset(frame);
        session.beginFrame();
        context.sourcePort = -1;
        context.destinationPort = -1;
        ByteView bytes = frame.data();
        out.add(CoreFields.FRAME_INTERFACE_ID, null, 0, 0, frame.interfaceId());
        if (frame.hasTimestamp()) {
            out.addTime(CoreFields.FRAME_TIME_EPOCH, frame.epochSecond(), frame.nanos());
        }
        out.add(CoreFields.FRAME_NUMBER, null, 0, 0, frame.number());
        out.add(CoreFields.FRAME_LEN, null, 0, 0, frame.originalLength());
        out.add(CoreFields.FRAME_CAP_LEN, null, 0, 0, frame.capturedLength());
        out.addString(CoreFields.FRAME_PROTOCOLS, null, 0, 0, out.protocolsText());

        Dissector next = linkTypes.lookup(frame.linkType());
        if (next == null) {
            out.diagnose(CoreFields.UNKNOWN_LINK_TYPE, 0, bytes.length(), "link type " + frame.linkType());
            next = data;
        }
        run(next, bytes, 0, bytes.length(), (int) Math.min(Integer.MAX_VALUE, Math.max(bytes.length(), frame.originalLength())), out);
    }

    private void run(Dissector first, ByteView bytes, int offset, int length, int reported, Dissection out) {
        Context ctx = context;
        Dissector current = first;
        for (int depth = 0; ; depth++) {
            if (depth == maxLayers) {
                out.diagnose(CoreFields.DEPTH_LIMIT, offset, length, null);
                current = data;
            }
            ctx.begin(out, bytes, reported);
            try {
                current.dissect(ctx, bytes, offset, length);
            } catch (RuntimeException e) {
                out.diagnose(CoreFields.DISSECTOR_FAILED, offset, length,
                        current.protocol().filterName() + ": " + e);
                if (current != data && length > 0) {
                    data.dissect(ctx, bytes, offset, length);
                }
                return;
            }
            // A next layer with no bytes is still called (it reports itself truncated), except plain data.
            if (ctx.next == null || current == data || (ctx.next == data && ctx.nextLength <= 0)) {
                return;
            }
            current = ctx.next;
            reported = nextReported(ctx, bytes, offset, length, reported);
            bytes = ctx.nextBytes;
            offset = ctx.nextOffset;
            length = ctx.nextLength;
        }
    }

    /**
     * The next layer's reported length: as its dissector said; else, when it runs to the end of the captured bytes
     * of the same buffer, what the current layer reported beyond its start; else its captured length.
     */
    private static int nextReported(Context ctx, ByteView bytes, int offset, int length, int reported) {
        int nextLength = Math.max(0, ctx.nextLength);
        if (ctx.nextReported >= 0) {
            return Math.max(nextLength, ctx.nextReported);
        }
        if (ctx.nextBytes == bytes && ctx.nextOffset + ctx.nextLength == offset + length) {
            return Math.max(nextLength, reported - (ctx.nextOffset - offset));
        }
        return nextLength;
    }

    /** The hand-off state of one dissector call; reused, never escapes a call. */
    /** What a dissector sees during one frame: its tree and the hand-off to the next layer; no session. */
    private class Context implements DissectionContext {
        private Dissection tree;
        ByteView bytes;
        private int reported;
        Dissector next;
        ByteView nextBytes;
        int nextOffset;
        int nextLength;
        int sourcePort = -1;
        int destinationPort = -1;
        int nextReported;

        void begin(Dissection out, ByteView current, int reportedLength) {
            tree = out;
            bytes = current;
            reported = reportedLength;
            next = null;
        }

        @Override
        public int reportedLength() {
            return reported;
        }

        @Override
        public void handOff(DissectorTable table, long key, int offset, int length, int reportedLength) {
            handOff(table, key, offset, length);
            nextReported = reportedLength;
        }

        @Override
        public void handOffTo(Dissector dissector, int offset, int length, int reportedLength) {
            handOffTo(dissector, offset, length);
            nextReported = reportedLength;
        }

        @Override
        public FrameView frame() {
            return tree.frame();
        }

        @Override
        public Dissection tree() {
            return tree;
        }

        @Override
        public void handOff(DissectorTable table, long key, int offset, int length) {
            Dissector d = table.lookup(key);
            handOffTo(d != null ? d : data, offset, length);
        }

        @Override
        public void handOffByPorts(DissectorTable table, int sourcePort, int destinationPort, int offset,
                                   int length) {
            this.sourcePort = sourcePort;
            this.destinationPort = destinationPort;
            handOffTo(PortDispatch.choose(table, sourcePort, destinationPort, bytes, offset, length, data), offset,
                    length);
        }

        @Override
        public void handOffToData(int offset, int length) {
            handOffTo(data, offset, length);
        }

        @Override
        public void handOffTo(Dissector dissector, int offset, int length) {
            handOffTo(dissector, bytes, offset, length);
        }

        public void handOffTo(Dissector dissector, ByteView onto, int offset, int length) {
            next = dissector;
            nextBytes = onto;
            nextOffset = offset;
            nextLength = length;
            nextReported = -1;
        }
    }

    /** The context within the session: flows, reassembly and request matching see it as a {@link SessionContext}. */
    private final class SessionfulContext extends Context implements SessionContext {
        @Override
        public DissectionSession session() {
            return session;
        }

        @Override
        public int sourcePort() {
            return sourcePort;
        }

        @Override
        public int destinationPort() {
            return destinationPort;
        }

        @Override
        public void handOff(DissectorTable table, long key, ByteView onto, int offset, int length) {
            Dissector d = table.lookup(key);
            handOffTo(d != null ? d : data, onto, offset, length);
        }

        @Override
        public StreamDissector chooseStream(DissectorTable table, int sourcePort, int destinationPort,
                                            ByteView onto, int offset, int length) {
            return PortDispatch.chooseStream(table, sourcePort, destinationPort, onto, offset, length);
        }
    }
}
