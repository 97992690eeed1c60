package dev.dissect.api.stream;

/**
 * Which way bytes travel in a flow. The client is the side that sent the SYN, or, when the capture starts
 * mid-connection, the side seen first.
 *
 * @since 0.1
 */
public enum StreamDirection {
    CLIENT_TO_SERVER,
    SERVER_TO_CLIENT
}
