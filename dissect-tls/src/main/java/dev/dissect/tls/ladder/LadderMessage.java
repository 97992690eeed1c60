package dev.dissect.tls.ladder;

import java.util.List;
import java.util.Objects;

/**
 * One arrow of a ladder: a frame (or a run of frames folded together) from one participant to another.
 *
 * @param frame         the frame number the arrow is drawn for: the one that completed the message (as tshark
 *                      attributes reassembled messages), or the first of a run of application data
 * @param firstFrame    the first frame folded into this arrow ({@code == frame} when there is one)
 * @param lastFrame     the last frame folded into this arrow ({@code == frame} when there is one)
 * @param relativeNanos time of {@code frame} since the ladder's first message, in nanoseconds
 * @param from          the sender
 * @param to            the receiver
 * @param phase         the stage of the connection
 * @param label         the arrow's text: {@code SYN}, {@code ClientHello}, {@code ServerHello, Certificate, ServerHelloDone}
 * @param annotations   the facts written under it, in order; never null
 * @since 0.1
 */
public record LadderMessage(long frame, long firstFrame, long lastFrame, long relativeNanos, Role from, Role to,
                            Phase phase, String label, List<Annotation> annotations) {
    public LadderMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(label, "label");
        annotations = List.copyOf(annotations);
    }

    /** The texts of the annotations of {@code kind}, in order. */
    public List<String> annotations(Annotation.Kind kind) {
        return annotations.stream().filter(a -> a.kind() == kind).map(Annotation::text).toList();
    }

    /** {@code 6} or {@code 6-8} for an arrow that folds several frames. */
    public String frames() {
        return firstFrame == lastFrame ? Long.toString(frame) : firstFrame + "-" + lastFrame;
    }
}
