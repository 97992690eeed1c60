package dev.dissect.tls.http;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.flow.FlowKey;
import dev.dissect.api.frame.FrameView;
import dev.dissect.api.stream.StreamContext;
import dev.dissect.api.stream.StreamDirection;
import dev.dissect.api.stream.StreamDissector;
import dev.dissect.testkit.TestFrame;
import java.io.ByteArrayOutputStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Test-only: plays the reassembly engine for one stream dissector. Each {@link #segment} is a new frame; bytes a
 * call left unconsumed are handed over again with the next segment, once the requested number of bytes is there.
 * The frame's {@link Dissection} is kept for inspection.
 */
final class StreamFeeder implements StreamContext {
    private final StreamDissector dissector;
    private final Map<StreamDirection, ByteArrayOutputStream> held = new EnumMap<>(StreamDirection.class);
    private final Map<StreamDirection, Integer> wanted = new EnumMap<>(StreamDirection.class);
    private final Map<Class<?>, Object> state = new HashMap<>();
    private final Dissection tree = new Dissection();
    private StreamDirection direction;
    private FrameView frame;
    private long frameNumber;
    private int requested;
    private boolean untilEnd;

    StreamFeeder(StreamDissector dissector) {
        this.dissector = dissector;
        for (StreamDirection d : StreamDirection.values()) {
            held.put(d, new ByteArrayOutputStream());
            wanted.put(d, 1);
        }
    }

    /** A new frame carrying {@code bytes} in {@code dir}; returns its record. */
    Dissection segment(StreamDirection dir, String bytes) {
        return segment(dir, bytes.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    Dissection segment(StreamDirection dir, byte[] bytes) {
        start(dir);
        ByteArrayOutputStream h = held.get(dir);
        h.write(bytes, 0, bytes.length);
        if (h.size() < wanted.get(dir)) {
            return tree;
        }
        while (h.size() > 0) {
            byte[] all = h.toByteArray();
            requested = 1;
            int consumed = dissector.dissect(this, ByteView.of(all), 0, all.length);
            h.reset();
            h.write(all, consumed, all.length - consumed);
            wanted.put(dir, untilEnd ? Integer.MAX_VALUE : all.length - consumed + requested);
            if (consumed == 0) {
                break;
            }
        }
        return tree;
    }

    /** The direction ends (FIN): what is held goes to {@code onEnd}. */
    Dissection end(StreamDirection dir) {
        start(dir);
        byte[] all = held.get(dir).toByteArray();
        held.get(dir).reset();
        dissector.onEnd(this, ByteView.of(all), 0, all.length);
        return tree;
    }

    private void start(StreamDirection dir) {
        direction = dir;
        frame = new TestFrame(++frameNumber, 1_700_000_000L + frameNumber, 0, 1, new byte[0], 0);
        tree.reset(frame);
        untilEnd = false;
    }

    @Override
    public FrameView frame() {
        return frame;
    }

    @Override
    public Dissection tree() {
        return tree;
    }

    @Override
    public FlowKey flow() {
        throw new UnsupportedOperationException("not needed by the HTTP dissector");
    }

    @Override
    public StreamDirection direction() {
        return direction;
    }

    @Override
    public long streamIndex() {
        return 0;
    }

    @Override
    public long streamOffset() {
        return 0;
    }

    @Override
    public long frameOf(int index) {
        return frameNumber;
    }

    @Override
    public void requestMore(int n) {
        requested = n;
    }

    @Override
    public void requestUntilEnd() {
        untilEnd = true;
    }

    @Override
    public <T> T flowState(Class<T> type, Supplier<? extends T> factory) {
        return type.cast(state.computeIfAbsent(type, k -> factory.get()));
    }
}
