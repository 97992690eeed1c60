package dev.dissect.tls.handshake;

import dev.dissect.net.engine.Limits;
import dev.dissect.tls.cert.ServerChain;
import dev.dissect.tls.connection.TlsConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    private final Limits limits;
    int version = -1;
    int kex = KEX_RSA;
    boolean serverHelloSeen;
    boolean earlyDataOffered;
    /** TLS 1.2: the ServerHello acknowledged status_request, so a CertificateStatus follows the Certificate. */
    boolean stapleExpected;
    /** The server's first Certificate message, until it is taken for validation. */
    private List<byte[]> chain;
    private ServerChain pending;
    private boolean chainDone;
    private final Map<Integer, byte[]> chainStaples = new HashMap<>(2);

    public HandshakeSession(TlsConnection connection) {
        this(connection, Limits.defaults());
    }

    /** A session whose certificates are parsed within {@code limits}' {@code x509.*} caps. */
    public HandshakeSession(TlsConnection connection, Limits limits) {
        this.connection = connection;
        this.limits = limits;
    }

    /** The caps this connection's messages are dissected within. Never null. */
    public Limits limits() {
        return limits;
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

    /** True if the ClientHello offered early data (TLS 1.3 0-RTT): its records come before the ServerHello. */
    public boolean earlyDataOffered() {
        return earlyDataOffered;
    }

    /** Collects one certificate of the server's first Certificate message. */
    void addChainCertificate(byte[] der) {
        if (!chainDone) {
            if (chain == null) {
                chain = new ArrayList<>(3);
            }
            chain.add(der);
        }
    }

    /** Staples an OCSP response to certificate {@code index} of the chain being collected or waiting. */
    void staple(int index, byte[] ocspResponse) {
        if (pending != null) {
            pending = pending.withStapledOcsp(index, ocspResponse);
        } else if (!chainDone) {
            chainStaples.put(index, ocspResponse);
        }
    }

    /** The server's first Certificate message has ended. */
    void endChain() {
        if (chainDone) {
            return;
        }
        chainDone = true;
        if (chain != null && !chain.isEmpty()) {
            pending = new ServerChain(chain, chainStaples);
        }
        chain = null;
        chainStaples.clear();
    }

    /** A server message other than CertificateStatus: no staple is coming any more. */
    void stapleDone() {
        stapleExpected = false;
    }

    /**
     * The server's chain once it is complete (with its stapled OCSP response, when one was announced), exactly
     * once; null before and after.
     */
    public ServerChain takeServerChain() {
        if (pending == null || stapleExpected) {
            return null;
        }
        ServerChain c = pending;
        pending = null;
        return c;
    }

    /** True once a ServerHello (or HelloRetryRequest) was seen. */
    public boolean serverHelloSeen() {
        return serverHelloSeen;
    }
}
