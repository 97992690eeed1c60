package dev.dissect.tls.decrypt;

/**
 * The secrets a key log holds for one connection, found by its ClientHello random. Any of them may be null.
 *
 * <p>Arrays returned are copies.
 *
 * @since 0.1
 */
public final class KeyLogEntry {
    private byte[] masterSecret;
    private byte[] preMasterSecret;
    private byte[] clientEarlyTrafficSecret;
    private byte[] clientHandshakeTrafficSecret;
    private byte[] serverHandshakeTrafficSecret;
    private byte[] clientTrafficSecret0;
    private byte[] serverTrafficSecret0;
    private byte[] exporterSecret;

    KeyLogEntry() {
    }

    /** {@code CLIENT_RANDOM}: the TLS 1.2 (and earlier) master secret, 48 bytes. */
    public byte[] masterSecret() {
        return copy(masterSecret);
    }

    /** {@code PMS_CLIENT_RANDOM}: the pre-master secret. */
    public byte[] preMasterSecret() {
        return copy(preMasterSecret);
    }

    /** {@code CLIENT_EARLY_TRAFFIC_SECRET} (TLS 1.3 0-RTT). */
    public byte[] clientEarlyTrafficSecret() {
        return copy(clientEarlyTrafficSecret);
    }

    /** {@code CLIENT_HANDSHAKE_TRAFFIC_SECRET}. */
    public byte[] clientHandshakeTrafficSecret() {
        return copy(clientHandshakeTrafficSecret);
    }

    /** {@code SERVER_HANDSHAKE_TRAFFIC_SECRET}. */
    public byte[] serverHandshakeTrafficSecret() {
        return copy(serverHandshakeTrafficSecret);
    }

    /** {@code CLIENT_TRAFFIC_SECRET_0}. */
    public byte[] clientTrafficSecret0() {
        return copy(clientTrafficSecret0);
    }

    /** {@code SERVER_TRAFFIC_SECRET_0}. */
    public byte[] serverTrafficSecret0() {
        return copy(serverTrafficSecret0);
    }

    /** {@code EXPORTER_SECRET}. */
    public byte[] exporterSecret() {
        return copy(exporterSecret);
    }

    /** Stores a secret under its NSS label; false if the label is not one of the above. */
    boolean put(String label, byte[] secret) {
        switch (label) {
            case "CLIENT_RANDOM" -> masterSecret = secret;
            case "PMS_CLIENT_RANDOM" -> preMasterSecret = secret;
            case "CLIENT_EARLY_TRAFFIC_SECRET" -> clientEarlyTrafficSecret = secret;
            case "CLIENT_HANDSHAKE_TRAFFIC_SECRET" -> clientHandshakeTrafficSecret = secret;
            case "SERVER_HANDSHAKE_TRAFFIC_SECRET" -> serverHandshakeTrafficSecret = secret;
            case "CLIENT_TRAFFIC_SECRET_0" -> clientTrafficSecret0 = secret;
            case "SERVER_TRAFFIC_SECRET_0" -> serverTrafficSecret0 = secret;
            case "EXPORTER_SECRET" -> exporterSecret = secret;
            default -> {
                return false;
            }
        }
        return true;
    }

    private static byte[] copy(byte[] b) {
        return b == null ? null : b.clone();
    }
}
