package dev.dissect.testkit;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.frame.FrameView;

/**
 * A frame held in memory, for tests: the bytes a builder made, with a link type, number and timestamp.
 *
 * @since 0.1
 */
public final class TestFrame implements FrameView {
    private final long number;
    private final long epochSecond;
    private final int nanos;
    private final int linkType;
    private final long originalLength;
    private final ByteView data;

    public TestFrame(long number, long epochSecond, int nanos, int linkType, byte[] bytes, long originalLength) {
        this.number = number;
        this.epochSecond = epochSecond;
        this.nanos = nanos;
        this.linkType = linkType;
        this.originalLength = originalLength;
        this.data = ByteView.of(bytes);
    }

    /** Frame 1 at time 0, captured whole. */
    public static TestFrame of(int linkType, byte[] bytes) {
        return new TestFrame(1, 0, 0, linkType, bytes, bytes.length);
    }

    @Override
    public long number() {
        return number;
    }

    @Override
    public long epochSecond() {
        return epochSecond;
    }

    @Override
    public int nanos() {
        return nanos;
    }

    @Override
    public int interfaceId() {
        return 0;
    }

    @Override
    public int linkType() {
        return linkType;
    }

    @Override
    public int capturedLength() {
        return data.length();
    }

    @Override
    public long originalLength() {
        return originalLength;
    }

    @Override
    public ByteView data() {
        return data;
    }

    @Override
    public long fileOffset() {
        return 0;
    }
}
