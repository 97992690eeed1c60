package dev.dissect.tls.connection;

import dev.dissect.api.flow.FlowKey;
import dev.dissect.net.engine.Limits;
import dev.dissect.tls.TlsLimits;
import dev.dissect.tls.cert.ChainVerdict;
import dev.dissect.tls.decrypt.FinishedCheck;
import dev.dissect.tls.fingerprint.HelloFingerprints;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What one TLS connection negotiated and showed: endpoints, version and cipher suite, SNI and ALPN, resumption,
 * the certificate chain, fingerprints, alerts and the handshake timeline.
 *
 * <p><b>Filled in by the TLS dissector as the capture is read</b>; read it after a pass through
 * {@link TlsConnections}. Values not seen (yet) are null, empty or -1. <b>Memory is bounded:</b> at most
 * {@link #MAX_CERTIFICATES} certificates of at most {@link #MAX_CERTIFICATE_BYTES} each and
 * {@link #MAX_EVENTS} timeline entries are kept by default (the session's {@code tls.max_chain_certificates},
 * {@code tls.max_chain_certificate_size} and {@code tls.max_connection_events}); {@link #truncated()} says whether anything was left out.
 *
 * <p>The {@code record*} and {@code set*} methods are for the dissector. Not thread-safe.
 */
public final class TlsConnection {
    /** Certificates kept per connection by default (the server's chain, then the client's). */
    public static final int MAX_CERTIFICATES = 16;
    /** Longest certificate kept by default, in bytes. */
    public static final int MAX_CERTIFICATE_BYTES = 64 * 1024;
    /** Timeline entries kept by default. */
    public static final int MAX_EVENTS = 256;

    private final int maxCertificates;
    private final int maxCertificateBytes;
    private final int maxEvents;

    private final long streamIndex;
    private final FlowKey flow;
    private final long firstFrame;
    private final long startSecond;
    private final int startNanos;

    private int clientVersion = -1;
    private int version = -1;
    private int cipherSuite = -1;
    private boolean helloRetryRequest;
    private String serverName;
    private final List<String> alpnOffered = new ArrayList<>(2);
    private String alpnChosen;
    private byte[] clientSessionId = new byte[0];
    private byte[] serverSessionId = new byte[0];
    private boolean ticketOffered;
    private boolean ticketIssued;
    private boolean pskOffered;
    private boolean pskAccepted;
    private boolean serverCertificateSeen;
    private boolean serverChangeCipherSpec;
    private final List<byte[]> certificates = new ArrayList<>(3);
    private int serverCertificates;
    private boolean serverChainComplete;
    private ChainVerdict chainVerdict;
    private final FinishedCheck[] finished = new FinishedCheck[2];
    private long decryptedRecords;
    private long failedRecords;
    private String keyProblem;
    private HelloFingerprints client;
    private HelloFingerprints server;
    private final List<TlsAlert> alerts = new ArrayList<>(1);
    private final List<HandshakeEvent> timeline = new ArrayList<>(12);
    private boolean truncated;

    public TlsConnection(long streamIndex, FlowKey flow, long firstFrame, long startSecond, int startNanos) {
        this(streamIndex, flow, firstFrame, startSecond, startNanos, Limits.defaults());
    }

    /** A connection that keeps what {@code limits}' {@code tls.max_chain_*} and events caps allow. */
    public TlsConnection(long streamIndex, FlowKey flow, long firstFrame, long startSecond, int startNanos,
                         Limits limits) {
        this.streamIndex = streamIndex;
        this.flow = flow;
        this.firstFrame = firstFrame;
        this.startSecond = startSecond;
        this.startNanos = startNanos;
        this.maxCertificates = limits.getInt(TlsLimits.MAX_CHAIN_CERTIFICATES);
        this.maxCertificateBytes = limits.getInt(TlsLimits.MAX_CHAIN_CERTIFICATE_SIZE);
        this.maxEvents = limits.getInt(TlsLimits.MAX_CONNECTION_EVENTS);
    }

    /** The connection's {@code tcp.stream}. */
    public long streamIndex() {
        return streamIndex;
    }

    /** Client and server addresses and ports (the client sent the SYN, or was seen first). Null if unknown. */
    public FlowKey flow() {
        return flow;
    }

    /** The first frame with TLS on this connection. */
    public long firstFrame() {
        return firstFrame;
    }

    public long startSecond() {
        return startSecond;
    }

    public int startNanos() {
        return startNanos;
    }

    /** The ClientHello's legacy_version, or -1. */
    public int clientVersion() {
        return clientVersion;
    }

    /** The negotiated version (supported_versions, else the ServerHello's version), or -1. */
    public int version() {
        return version;
    }

    /** The cipher suite the server chose, or -1. */
    public int cipherSuite() {
        return cipherSuite;
    }

    /** True if the server answered with a HelloRetryRequest. */
    public boolean helloRetryRequest() {
        return helloRetryRequest;
    }

    /** The host name of the server_name extension, or null. */
    public String serverName() {
        return serverName;
    }

    /** ALPN protocols the client offered, in order (GREASE included). Never null. */
    public List<String> alpnOffered() {
        return Collections.unmodifiableList(alpnOffered);
    }

    /** The ALPN protocol the server chose, or null. */
    public String alpnChosen() {
        return alpnChosen;
    }

    /** The ClientHello's session id (empty if none). */
    public byte[] clientSessionId() {
        return clientSessionId.clone();
    }

    /** The ServerHello's session id (empty if none). */
    public byte[] serverSessionId() {
        return serverSessionId.clone();
    }

    /** True if the client offered a session ticket (a non-empty session_ticket extension). */
    public boolean ticketOffered() {
        return ticketOffered;
    }

    /** True if the server issued a NewSessionTicket in clear (TLS 1.2 and earlier). */
    public boolean ticketIssued() {
        return ticketIssued;
    }

    /** True if the client offered a pre-shared key (TLS 1.3 resumption or external PSK). */
    public boolean pskOffered() {
        return pskOffered;
    }

    /** True if the server accepted one (pre_shared_key in the ServerHello). */
    public boolean pskAccepted() {
        return pskAccepted;
    }

    /**
     * True if the handshake resumed a session: a PSK was accepted (TLS 1.3), the server echoed the client's
     * non-empty session id, or the server changed cipher spec without having sent a certificate (an abbreviated
     * TLS 1.2 handshake, as with tickets).
     */
    public boolean resumed() {
        if (pskAccepted) {
            return true;
        }
        if (version >= 0 && !isTls13(version)) {
            if (clientSessionId.length > 0 && Arrays.equals(clientSessionId, serverSessionId)) {
                return true;
            }
            return serverChangeCipherSpec && !serverCertificateSeen;
        }
        return false;
    }

    /** How the session was resumed: {@code "psk"}, {@code "session-id"}, {@code "ticket"}, or null if not. */
    public String resumption() {
        if (!resumed()) {
            return null;
        }
        if (pskAccepted) {
            return "psk";
        }
        if (ticketOffered) {
            return "ticket";
        }
        return "session-id";
    }

    /** The certificates in the order sent (DER, copies). Never null. */
    public List<byte[]> certificates() {
        List<byte[]> out = new ArrayList<>(certificates.size());
        for (byte[] c : certificates) {
            out.add(c.clone());
        }
        return out;
    }

    /**
     * The server's certificates (its first Certificate message), the leaf first, as sent (copies). Never null.
     * In TLS 1.3 they are known only when the connection was decrypted.
     */
    public List<byte[]> serverCertificates() {
        List<byte[]> out = new ArrayList<>(serverCertificates);
        for (int i = 0; i < serverCertificates; i++) {
            out.add(certificates.get(i).clone());
        }
        return out;
    }

    /**
     * What validating the server's chain found, or null if it was not validated (no chain seen, TLS 1.3 without
     * keys, or validation not asked for).
     */
    public ChainVerdict chainVerdict() {
        return chainVerdict;
    }

    /**
     * The check of the Finished message the client ({@code fromServer} false) or the server sent, or null if none
     * was seen in clear or decrypted.
     */
    public FinishedCheck finishedCheck(boolean fromServer) {
        return finished[fromServer ? 1 : 0];
    }

    /** Records decrypted and authenticated, both directions. */
    public long decryptedRecords() {
        return decryptedRecords;
    }

    /** Protected records that did not decrypt with the keys at hand (authentication or padding failures). */
    public long failedRecords() {
        return failedRecords;
    }

    /** Why the connection could not be decrypted (no key log entry, unsupported suite...), or null. */
    public String keyProblem() {
        return keyProblem;
    }

    // Fingerprints are computed on first read (see HelloFingerprints).

    public String ja3() {
        return client == null ? null : client.ja3();
    }

    public String ja3Full() {
        return client == null ? null : client.ja3Full();
    }

    public String ja3s() {
        return server == null ? null : server.ja3();
    }

    public String ja3sFull() {
        return server == null ? null : server.ja3Full();
    }

    public String ja4() {
        return client == null ? null : client.ja4();
    }

    /** JA4's raw (unhashed, sorted) form. */
    public String ja4Raw() {
        return client == null ? null : client.ja4Raw();
    }

    /** Alerts in the order seen. Never null. */
    public List<TlsAlert> alerts() {
        return Collections.unmodifiableList(alerts);
    }

    /** Handshake messages, change cipher specs and alerts, in the order seen. Never null. */
    public List<HandshakeEvent> timeline() {
        return Collections.unmodifiableList(timeline);
    }

    /** True if certificates or timeline entries were left out under the caps. */
    public boolean truncated() {
        return truncated;
    }

    // ---------------------------------------------------------------- filled in by the dissector

    public void setClientHello(int legacyVersion, byte[] sessionId) {
        this.clientVersion = legacyVersion;
        this.clientSessionId = sessionId;
    }

    public void setServerHello(int negotiatedVersion, int suite, byte[] sessionId, boolean retry) {
        this.version = negotiatedVersion;
        this.cipherSuite = suite;
        this.serverSessionId = sessionId;
        this.helloRetryRequest |= retry;
    }

    public void setServerName(String name) {
        this.serverName = name;
    }

    public void addAlpnOffered(String protocol) {
        if (alpnOffered.size() < 32) {
            alpnOffered.add(protocol);
        }
    }

    public void setAlpnChosen(String protocol) {
        this.alpnChosen = protocol;
    }

    public void setTicketOffered() {
        this.ticketOffered = true;
    }

    public void setTicketIssued() {
        this.ticketIssued = true;
    }

    public void setPskOffered() {
        this.pskOffered = true;
    }

    public void setPskAccepted() {
        this.pskAccepted = true;
    }

    public void setClientFingerprints(HelloFingerprints prints) {
        this.client = prints;
    }

    public void setServerFingerprints(HelloFingerprints prints) {
        this.server = prints;
    }

    /** Keeps a copy of one DER certificate, within the caps. */
    public void addCertificate(byte[] der, boolean fromServer) {
        if (fromServer) {
            serverCertificateSeen = true;
        }
        if (certificates.size() >= maxCertificates || der.length > maxCertificateBytes) {
            truncated = true;
            return;
        }
        if (fromServer && !serverChainComplete && serverCertificates == certificates.size()) {
            certificates.add(serverCertificates++, der);
        } else {
            certificates.add(der);
        }
    }

    /** The server's first Certificate message has ended: later certificates are not part of its chain. */
    public void endServerChain() {
        serverChainComplete = true;
    }

    public void setChainVerdict(ChainVerdict verdict) {
        this.chainVerdict = verdict;
    }

    /** Keeps the check of a Finished message (the last one per direction, as renegotiation repeats them). */
    public void recordFinished(boolean fromServer, FinishedCheck check) {
        finished[fromServer ? 1 : 0] = check;
    }

    public void countDecrypted() {
        decryptedRecords++;
    }

    public void countDecryptionFailure() {
        failedRecords++;
    }

    public void setKeyProblem(String problem) {
        this.keyProblem = problem;
    }

    /** True if another certificate would be kept (so the dissector copies only then). */
    public boolean wantsCertificate(int length) {
        return certificates.size() < maxCertificates && length <= maxCertificateBytes;
    }

    /** Notes a certificate that was not kept (over the caps). */
    public void skipCertificate(boolean fromServer) {
        if (fromServer) {
            serverCertificateSeen = true;
        }
        truncated = true;
    }

    public void markServerCertificate() {
        serverCertificateSeen = true;
    }

    public void recordChangeCipherSpec(boolean fromServer) {
        if (fromServer) {
            serverChangeCipherSpec = true;
        }
    }

    public void recordAlert(TlsAlert alert) {
        if (alerts.size() < maxEvents) {
            alerts.add(alert);
        } else {
            truncated = true;
        }
    }

    /** Adds a timeline entry for {@code frame} at epoch time {@code second}.{@code nanos}. */
    public void recordEvent(long frame, long second, int nanos, boolean fromServer, String message) {
        if (timeline.size() >= maxEvents) {
            truncated = true;
            return;
        }
        long offset = (second - startSecond) * 1_000_000_000L + (nanos - startNanos);
        timeline.add(new HandshakeEvent(frame, offset, fromServer, message));
    }

    private static boolean isTls13(int v) {
        return v == 0x0304 || (v & 0xff00) == 0x7f00;
    }
}
