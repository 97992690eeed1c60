package dev.dissect.cli;

import dev.dissect.api.dissection.Dissection;
import java.io.IOException;

/** One output format of the command: called once before the first frame, then once per dissected frame. */
interface FramePrinter {
    default void begin() throws IOException {
    }

    void print(Dissection dissection) throws IOException;
}
