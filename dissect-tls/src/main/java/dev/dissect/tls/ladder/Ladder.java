package dev.dissect.tls.ladder;

import java.util.List;

/**
 * One connection drawn as a sequence diagram: who takes part, and every message between them in capture order.
 *
 * <p><b>Immutable data, nothing of the capture kept:</b> render it with {@link LadderText} or {@link LadderSvg}, or
 * read it in a test message by message.
 *
 * @param streamIndex  the connection's {@code tcp.stream}
 * @param title        a one-line description: {@code tcp.stream 0: 127.0.0.1:45506 -> 127.0.0.1:44330 (localhost)}
 * @param participants the columns, left to right: the DNS server when its answer is in the capture, client, server
 * @param messages     the arrows, in capture order
 * @since 0.1
 */
public record Ladder(long streamIndex, String title, List<Participant> participants, List<LadderMessage> messages) {
    public Ladder {
        participants = List.copyOf(participants);
        messages = List.copyOf(messages);
    }

    /** The participant playing {@code role}, or null if none does. */
    public Participant participant(Role role) {
        for (Participant p : participants) {
            if (p.role() == role) {
                return p;
            }
        }
        return null;
    }
}
