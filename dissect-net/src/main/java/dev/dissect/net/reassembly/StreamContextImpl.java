package dev.dissect.net.reassembly;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.flow.FlowKey;
import dev.dissect.api.frame.FrameView;
import dev.dissect.api.stream.StreamContext;
import dev.dissect.api.stream.StreamDirection;
import dev.dissect.net.flow.SessionStore;
import java.util.function.Supplier;

/** The one {@link StreamContext} of a reassembler, re-pointed before each call; allocates nothing. */
final class StreamContextImpl implements StreamContext, SessionStore.Scope {
    private final TcpReassembler owner;
    private StreamHalf half;
    private int start;
    private long streamOffset;
    int more;
    boolean untilEnd;
    /** Asked by {@link #skipMore}: unconsumed bytes to hold, and bytes still to come to pass over. */
    int skipKeep;
    int skip;
    /** Set for the call that completes a skip. */
    long skipped;

    StreamContextImpl(TcpReassembler owner) {
        this.owner = owner;
    }

    void begin(StreamHalf half, ByteView data, int start, long streamOffset) {
        this.half = half;
        this.start = start;
        this.streamOffset = streamOffset;
        this.more = 0;
        this.untilEnd = false;
        this.skip = 0;
        this.skipKeep = 0;
        this.skipped = 0;
    }

    @Override
    public FrameView frame() {
        return owner.frame();
    }

    @Override
    public Dissection tree() {
        return owner.tree();
    }

    @Override
    public FlowKey flow() {
        return half.flow.key;
    }

    @Override
    public StreamDirection direction() {
        return half.dir == 0 ? StreamDirection.CLIENT_TO_SERVER : StreamDirection.SERVER_TO_CLIENT;
    }

    @Override
    public long streamIndex() {
        return half.flow.streamIndex;
    }

    @Override
    public long streamOffset() {
        return streamOffset;
    }

    @Override
    public long frameOf(int index) {
        return index < start ? owner.frameNumber() : half.frameAt(streamOffset + (index - start));
    }

    @Override
    public void requestMore(int n) {
        more = Math.max(1, n);
        untilEnd = false;
        skip = 0;
    }

    @Override
    public void skipMore(int keep, int n) {
        skipKeep = Math.max(0, keep);
        skip = Math.max(1, n);
        more = 0;
        untilEnd = false;
    }

    @Override
    public long skippedBytes() {
        return skipped;
    }

    @Override
    public void requestUntilEnd() {
        untilEnd = true;
        skip = 0;
    }

    @Override
    public SessionStore sessionStore() {
        return owner.store();
    }

    @Override
    public <T> T flowState(Class<T> type, Supplier<? extends T> factory) {
        return half.flow.state(type, factory);
    }

    @Override
    public <T> T sessionState(Class<T> type, Supplier<? extends T> factory) {
        return owner.store().state(type, factory);
    }
}
