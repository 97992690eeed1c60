package dev.dissect.api.stream;

/**
 * Which way bytes travel in a flow. The client is the side that sent the SYN, or, when the capture starts
 * mid-connection, the side seen first.
 *
 * @since 0.1
 */
public enum StreamDirection {
    /** From the client (the SYN's sender, or the side seen first) to the server. */
    CLIENT_TO_SERVER,
    /** From the server to the client. */
    SERVER_TO_CLIENT
}
