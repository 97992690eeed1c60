package dev.dissect.api.frame;

import java.io.IOException;

/**
 * A capture file is damaged or is not a capture at all. Thrown once, after every complete frame was returned.
 *
 * @since 0.1
 */
public final class CaptureFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long offset;

    /**
     * @param offset  byte offset in the file or stream where the damage starts
     * @param message what is wrong, without the offset (it is appended)
     */
    public CaptureFormatException(long offset, String message) {
        super(message + " (at byte offset " + offset + ")");
        this.offset = offset;
    }

    /** Byte offset in the file or stream where the damage starts. */
    public long offset() {
        return offset;
    }
}
