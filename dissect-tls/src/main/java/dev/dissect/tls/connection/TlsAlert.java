package dev.dissect.tls.connection;

/**
 * An alert seen on a connection.
 *
 * @param frame       the frame that carried it
 * @param fromServer  true if the server sent it
 * @param level       1 warning, 2 fatal; -1 if encrypted
 * @param description the description code; -1 if encrypted
 */
public record TlsAlert(long frame, boolean fromServer, int level, int description) {
    /** True if the alert was protected and its contents are unknown. */
    public boolean encrypted() {
        return level < 0;
    }
}
