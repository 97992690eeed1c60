package dev.dissect.net.capture;

import dev.dissect.api.frame.CaptureFormatException;
import dev.dissect.api.frame.CaptureSource;
import java.io.IOException;

/**
 * What the pcap and pcapng readers share: their input, and the rule that a format error is thrown once found and
 * again on every later call, never followed by more frames.
 */
abstract class CaptureReader implements CaptureSource {
    final CaptureInput input;
    private CaptureFormatException failure;

    CaptureReader(CaptureInput input) {
        this.input = input;
    }

    @Override
    public final Frame next() throws IOException {
        if (failure != null) {
            throw failure;
        }
        try {
            return read();
        } catch (CaptureFormatException e) {
            failure = e;
            throw e;
        }
    }

    /** Reads the next frame, or returns null at the end of the capture. */
    abstract Frame read() throws IOException;

    /**
     * Makes the {@code length}-byte header of a record or block at {@code at} readable.
     *
     * @return false at the end of the capture (no byte left)
     * @throws CaptureFormatException if the capture ends inside the header
     */
    final boolean requestHeader(long at, int length, String what) throws IOException {
        int got = input.request(at, length);
        if (got > 0 && got < length) {
            throw new CaptureFormatException(at, "file ends in the middle of " + what + ": " + got + " of "
                    + length + " bytes");
        }
        return got > 0;
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
