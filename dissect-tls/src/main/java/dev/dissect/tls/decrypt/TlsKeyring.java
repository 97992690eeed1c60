package dev.dissect.tls.decrypt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that can unlock the TLS connections of one capture: key logs, servers' RSA private keys, and the
 * master secrets learned while reading it, remembered by session id and session ticket so that resumed TLS 1.2
 * sessions decrypt too (RFC 5246 section 7.3, RFC 5077).
 *
 * <p><b>Memory is bounded:</b> at most {@link #MAX_REMEMBERED} sessions (by default; the session's
 * {@code tls.max_remembered_sessions}) are remembered, the oldest forgotten first.
 * One per capture (it belongs in the dissection session, never in a static). Not thread-safe.
 *
 * @since 0.1
 */
public final class TlsKeyring {
    /** Sessions remembered for resumption by default, by id and by ticket together. */
    public static final int MAX_REMEMBERED = 16_384;

    private final int maxRemembered;

    private static final HexFormat HEX = HexFormat.of();

    private final KeyLog keyLog = new KeyLog();
    private final List<ServerRsaKey> rsaKeys = new ArrayList<>();
    private final Map<String, byte[]> sessions = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > maxRemembered;
        }
    };

    /** An empty keyring. */
    public TlsKeyring() {
        this(MAX_REMEMBERED);
    }

    /** An empty keyring that remembers at most {@code maxRemembered} sessions. */
    public TlsKeyring(int maxRemembered) {
        this.maxRemembered = maxRemembered;
    }

    /** How many sessions are remembered at most. */
    public int maxRemembered() {
        return maxRemembered;
    }

    /** The key log; add text to it as key files are read or Decryption Secrets Blocks are met. Never null. */
    public KeyLog keyLog() {
        return keyLog;
    }

    /** Adds a server's RSA key; each is tried on RSA key exchanges whose ciphertext fits its modulus. */
    public void addRsaKey(ServerRsaKey key) {
        rsaKeys.add(key);
    }

    /** The RSA keys added, in order. */
    public List<ServerRsaKey> rsaKeys() {
        return Collections.unmodifiableList(rsaKeys);
    }

    /** Remembers the master secret of a TLS 1.2 session under its session id. */
    public void rememberSessionId(byte[] sessionId, byte[] masterSecret) {
        if (sessionId != null && sessionId.length > 0) {
            sessions.put("id:" + HEX.formatHex(sessionId), masterSecret.clone());
        }
    }

    /** Remembers the master secret of a TLS 1.2 session under the ticket the server issued for it. */
    public void rememberTicket(byte[] ticket, byte[] masterSecret) {
        if (ticket != null && ticket.length > 0) {
            sessions.put("ticket:" + HEX.formatHex(ticket), masterSecret.clone());
        }
    }

    /** The master secret of the session with this id, or null. */
    public byte[] sessionById(byte[] sessionId) {
        return sessionId == null || sessionId.length == 0 ? null : copy(sessions.get("id:" + HEX.formatHex(sessionId)));
    }

    /** The master secret of the session this ticket resumes, or null. */
    public byte[] sessionByTicket(byte[] ticket) {
        return ticket == null || ticket.length == 0 ? null : copy(sessions.get("ticket:" + HEX.formatHex(ticket)));
    }

    /** Sessions remembered (by id and by ticket). */
    public int rememberedSessions() {
        return sessions.size();
    }

    /** True while nothing here could decrypt a connection: no key log secret, RSA key or remembered session. */
    public boolean isEmpty() {
        return keyLog.entries() == 0 && rsaKeys.isEmpty() && sessions.isEmpty();
    }

    private static byte[] copy(byte[] b) {
        return b == null ? null : b.clone();
    }
}
