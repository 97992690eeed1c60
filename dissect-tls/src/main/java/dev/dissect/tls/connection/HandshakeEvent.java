package dev.dissect.tls.connection;

/**
 * One step of a connection's handshake timeline: which frame carried which message, and when.
 *
 * @param frame     number of the frame that completed the message (as tshark attributes reassembled messages)
 * @param offsetNanos time since the connection's first TLS frame, in nanoseconds
 * @param fromServer true if the server sent it
 * @param message   the info-column name: {@code "Client Hello"}, {@code "Change Cipher Spec"},
 *                  {@code "Encrypted Handshake Message"}, {@code "Alert (Level: Fatal, Description: ...)"}
 */
public record HandshakeEvent(long frame, long offsetNanos, boolean fromServer, String message) {
}
