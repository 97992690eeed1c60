package dev.dissect.tls.handshake;

import dev.dissect.tls.connection.TlsConnection;

/**
 * What the handshake of one connection has established so far, shared by both directions: the negotiated version,
 * the key exchange the ServerKeyExchange revealed, and the {@link TlsConnection} being filled in. One per flow.
 */
public final class HandshakeSession {
    /** No ServerKeyExchange seen: RSA key transport (or PSK). */
    public static final int KEX_RSA = 0;
    public static final int KEX_ECDHE = 1;
    public static final int KEX_DHE = 2;

    private final TlsConnection connection;
    int version = -1;
    int kex = KEX_RSA;
    boolean serverHelloSeen;

    public HandshakeSession(TlsConnection connection) {
        this.connection = connection;
    }

    /** The connection summary being filled in. Never null. */
    public TlsConnection connection() {
        return connection;
    }

    /** The negotiated version, or -1 before the ServerHello. */
    public int version() {
        return version;
    }

    /** True once a ServerHello selected TLS 1.3 (or a draft of it). */
    public boolean tls13() {
        return version == 0x0304 || (version & 0xff00) == 0x7f00;
    }

    /** True once a ServerHello (or HelloRetryRequest) was seen. */
    public boolean serverHelloSeen() {
        return serverHelloSeen;
    }
}
