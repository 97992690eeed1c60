package dev.dissect.net.capture;

import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import java.io.IOException;

/** Frames as text, one line each, in the columns tshark prints for frame.number, time_epoch, len, cap_len, interface_id. */
final class FrameLines {
    private FrameLines() {
    }

    static String line(FrameView f) {
        return f.number() + " " + f.epochSecond() + "." + String.format("%09d", f.nanos()) + " "
                + f.originalLength() + " " + f.capturedLength() + " " + f.interfaceId();
    }

    /** Every frame of {@code source}, then closes it. */
    static String all(CaptureSource source) throws IOException {
        StringBuilder out = new StringBuilder();
        try (source) {
            for (FrameView f = source.next(); f != null; f = source.next()) {
                out.append(line(f)).append('\n');
            }
        }
        return out.toString();
    }
}
