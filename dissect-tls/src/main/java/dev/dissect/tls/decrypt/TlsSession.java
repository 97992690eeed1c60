package dev.dissect.tls.decrypt;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.stream.StreamDirection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The decryption state of one TLS connection: it watches the handshake, finds the keys, decrypts both directions'
 * records and checks both Finished messages.
 *
 * <h2>How the TLS dissector drives it</h2>
 * Three calls, in the order the bytes were sent (capture order across the two directions):
 * <ol>
 *   <li>{@link #decrypt} for every record except ChangeCipherSpec, before dissecting its content. If the result is
 *       {@link DecryptResult.Status#NOT_PROTECTED}, dissect the record's own bytes; if {@link DecryptResult#ok()},
 *       dissect the plaintext with the returned content type (TLS 1.3's inner type); otherwise the record stays
 *       encrypted and the result says why.</li>
 *   <li>{@link #onHandshakeMessage} for every complete handshake message, four-byte header included, plaintext or
 *       decrypted, once reassembled across records. For a Finished message it returns the {@link FinishedCheck}
 *       to show with it.</li>
 *   <li>{@link #onChangeCipherSpec} for every ChangeCipherSpec record.</li>
 * </ol>
 * Everything else (version, cipher suite, randoms, session ids and tickets, extended master secret,
 * encrypt-then-MAC, RSA pre-master secrets, HelloRetryRequest, KeyUpdate, resumption) this class reads from the
 * handshake messages itself; their few fields are parsed with bounds checks, and a malformed message only means
 * fewer facts.
 *
 * <h2>Where keys come from</h2>
 * TLS 1.3: the key log's traffic secrets, by client random. TLS 1.2 and earlier, first that works: the key log's
 * {@code CLIENT_RANDOM} master secret; its {@code PMS_CLIENT_RANDOM} or {@code RSA} pre-master secret; the
 * server's RSA key on the ClientKeyExchange; for a resumed session, the master secret remembered by the keyring
 * under the session id or ticket. When none works, {@link #keyProblem()} says why.
 *
 * <p><b>Nothing here throws on bad input.</b> Memory per connection is a few digests and keys. Not thread-safe:
 * one per connection, kept in the flow's state.
 *
 * @since 0.1
 */
public final class TlsSession {
    /** handshake types (RFC 8446 section 4, RFC 5246 section 7.4) */
    private static final int HELLO_REQUEST = 0;
    private static final int CLIENT_HELLO = 1;
    private static final int SERVER_HELLO = 2;
    private static final int NEW_SESSION_TICKET = 4;
    private static final int END_OF_EARLY_DATA = 5;
    private static final int CLIENT_KEY_EXCHANGE = 16;
    private static final int ENCRYPTED_EXTENSIONS = 8;
    private static final int FINISHED = 20;
    private static final int KEY_UPDATE = 24;

    private static final int EXT_ENCRYPT_THEN_MAC = 22;
    private static final int EXT_EXTENDED_MASTER_SECRET = 23;
    private static final int EXT_SESSION_TICKET = 35;
    private static final int EXT_EARLY_DATA = 42;
    private static final int EXT_SUPPORTED_VERSIONS = 43;

    private static final int CONTENT_CHANGE_CIPHER_SPEC = 20;
    private static final int CONTENT_APPLICATION_DATA = 23;

    /** SHA-256("HelloRetryRequest"), the random of a HelloRetryRequest (RFC 8446 section 4.1.3). */
    private static final byte[] HELLO_RETRY_RANDOM = HexFormat.of().parseHex(
            "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");
    private static final HexFormat HEX = HexFormat.of();

    /** Why a handshake that began with no secret known cannot be checked (secrets from a later DSB, say). */
    private static final String SECRETS_TOO_LATE = "no secret was known at the ClientHello, so the handshake "
            + "was not hashed";

    private final TlsKeyring keyring;
    private final TranscriptHash transcript = new TranscriptHash();
    private final Side client = new Side();
    private final Side server = new Side();

    // facts of the current handshake
    private int clientVersion;
    private byte[] clientRandom;
    private byte[] clientSessionId;
    private byte[] clientTicket;
    private boolean clientOffersEms;
    private boolean clientOffersEtm;
    private boolean clientOffersEarlyData;
    private int[] clientSuites = new int[0];
    /** TLS 1.3 0-RTT: decryptors to try on the first early record, one per offered suite that fits the secret. */
    private List<RecordDecryptor> earlyCandidates = List.of();
    /** The client's handshake decryptor while its early data lasts (until EndOfEarlyData), else null. */
    private RecordDecryptor pendingClientHandshake;
    private String pendingNoKeys = "";
    private boolean earlyDataActive;
    /**
     * Early data was offered without its secret in the key log: until a client record decrypts under the handshake
     * key, one that does not is taken for early data (as a server skips 0-RTT it cannot read, RFC 8446 4.2.10) and
     * does not advance the handshake key's sequence number.
     */
    private boolean skipUnreadableEarlyData;
    /** The server's EncryptedExtensions carried early_data: the client ends its early data with EndOfEarlyData. */
    private boolean earlyDataAccepted;
    /** EndOfEarlyData is always this (RFC 8446 4.5): hashed for the client's Finished when it could not be read. */
    private static final byte[] END_OF_EARLY_DATA_MESSAGE = {END_OF_EARLY_DATA, 0, 0, 0};
    private int version;
    private CipherSuite suite;
    private int suiteId = -1;
    private byte[] serverRandom;
    private byte[] serverSessionId;
    private boolean ems;
    private boolean etm;
    private boolean helloRetry;
    private boolean resumed;
    private boolean sawClientKeyExchange;
    private byte[] encryptedPreMaster;
    private byte[] preMaster;
    private byte[] sessionHash;
    private byte[] masterSecret;
    private byte[] issuedTicket;
    private KeyLogEntry tls13Secrets;
    private String keyProblem = "no ServerHello seen yet";

    /** A connection's state, drawing keys from {@code keyring}. */
    public TlsSession(TlsKeyring keyring) {
        this.keyring = keyring;
    }

    /** Per-direction state: the active decryptor, or why there is none, and the last Finished check. */
    private static final class Side {
        boolean protectedNow;
        RecordDecryptor decryptor;
        String noKeys = "";
        FinishedCheck finished;

        void protect(RecordDecryptor d, String whyNot) {
            protectedNow = true;
            decryptor = d;
            // a reason is always kept: a record that cannot be read says why, and a null one failed later
            noKeys = d != null ? "" : whyNot != null ? whyNot : "no keys for this direction";
        }
    }

    private Side side(StreamDirection dir) {
        return dir == StreamDirection.CLIENT_TO_SERVER ? client : server;
    }

    // ---------------------------------------------------------------- records

    /**
     * Removes the protection of one record, if the direction is encrypted; see the class comment.
     *
     * @param contentType   the record header's content type
     * @param recordVersion the record header's version
     * @param data          holds the record body (after the five-byte header) at {@code [offset, offset + length)}
     */
    public DecryptResult decrypt(StreamDirection dir, int contentType, int recordVersion, ByteView data, int offset,
                                 int length) {
        Side s = side(dir);
        if (!s.protectedNow) {
            if (dir == StreamDirection.CLIENT_TO_SERVER && clientOffersEarlyData && serverRandom == null
                    && contentType == CONTENT_APPLICATION_DATA) {
                return DecryptResult.noKeys(contentType, "TLS 1.3 early data (0-RTT): the key log has no "
                        + "CLIENT_EARLY_TRAFFIC_SECRET for this connection");
            }
            return DecryptResult.notProtected(contentType);
        }
        if ((version == ProtocolVersion.TLS_1_3 || earlyDataActive) && contentType == CONTENT_CHANGE_CIPHER_SPEC) {
            return DecryptResult.notProtected(contentType); // middlebox compatibility (RFC 8446 appendix D.4)
        }
        if (s == client && !earlyCandidates.isEmpty()) {
            return firstEarlyRecord(contentType, recordVersion, data, offset, length);
        }
        if (s.decryptor == null) {
            return DecryptResult.noKeys(contentType, s.noKeys);
        }
        if (s == client && skipUnreadableEarlyData) {
            long seq = s.decryptor.sequenceNumber();
            DecryptResult r = s.decryptor.decrypt(contentType, recordVersion, data, offset, length);
            if (r.ok()) {
                skipUnreadableEarlyData = false;
                if (earlyDataAccepted) {
                    transcript.add(ByteView.of(END_OF_EARLY_DATA_MESSAGE), 0, 4); // it was in an unread record
                }
                return r;
            }
            s.decryptor.setSequenceNumber(seq);
            return DecryptResult.noKeys(contentType, "TLS 1.3 early data (0-RTT): the key log has no "
                    + "CLIENT_EARLY_TRAFFIC_SECRET for this connection");
        }
        return s.decryptor.decrypt(contentType, recordVersion, data, offset, length);
    }

    /**
     * The first 0-RTT record: the ClientHello does not say which suite protects early data (the one of the PSK's
     * session, RFC 8446 section 4.2.10), so each offered TLS 1.3 suite whose hash fits the secret is tried until
     * one authenticates the record; that one decrypts the rest of the early data.
     */
    private DecryptResult firstEarlyRecord(int contentType, int recordVersion, ByteView data, int offset, int length) {
        List<RecordDecryptor> candidates = earlyCandidates;
        earlyCandidates = List.of();
        DecryptResult last = null;
        for (RecordDecryptor d : candidates) {
            DecryptResult r = d.decrypt(contentType, recordVersion, data, offset, length);
            if (r.ok()) {
                client.protect(d, "");
                return r;
            }
            last = r;
        }
        client.protect(null, "TLS 1.3 early data (0-RTT) authenticates with none of the offered suites");
        return last != null ? last : DecryptResult.noKeys(contentType, client.noKeys);
    }

    /** A ChangeCipherSpec record from {@code dir}: before TLS 1.3 its next records are encrypted. */
    public void onChangeCipherSpec(StreamDirection dir) {
        if (version == ProtocolVersion.TLS_1_3 || suite == null && suiteId < 0) {
            return;
        }
        Side s = side(dir);
        if (suite == null) {
            s.protect(null, keyProblem);
            return;
        }
        byte[] master = resolveMasterSecret();
        if (master == null) {
            // NULL encryption needs no key to read: the contents are shown, their MACs not checked (as tshark)
            s.protect(suite.cipher() == BulkCipher.NULL
                    ? RecordDecryptor.nullCipherWithoutKeys(version, suite) : null, keyProblem);
            return;
        }
        Prf prf = Prf.of(version, suite);
        Tls12KeySchedule.KeyBlock block = Tls12KeySchedule.keyBlock(prf, suite, master, clientRandom, serverRandom);
        s.protect(block.decryptor(dir == StreamDirection.CLIENT_TO_SERVER, version, suite, etm), "");
        keyProblem = null;
    }

    // ---------------------------------------------------------------- handshake

    /**
     * A complete handshake message {@code [offset, offset + length)}, header included, sent by {@code dir}.
     *
     * @return for a Finished message, the result of checking it; null for every other message
     */
    public FinishedCheck onHandshakeMessage(StreamDirection dir, ByteView data, int offset, int length) {
        if (length < 4) {
            return null;
        }
        int type = data.u8(offset);
        int bodyLength = data.u24(offset + 1);
        if (bodyLength != length - 4) {
            return null;
        }
        Body b = new Body(data, offset + 4, bodyLength);
        FinishedCheck check = null;
        switch (type) {
            case HELLO_REQUEST -> {
                return null; // never part of the transcript
            }
            case CLIENT_HELLO -> clientHello(b);
            case SERVER_HELLO -> {
                if (serverHello(b, data, offset, length)) {
                    return null; // a HelloRetryRequest, already hashed
                }
            }
            case FINISHED -> check = finished(dir, data, offset + 4, bodyLength);
            case NEW_SESSION_TICKET, KEY_UPDATE -> {
                if (version == ProtocolVersion.TLS_1_3) {
                    if (type == KEY_UPDATE) {
                        keyUpdate(dir);
                    }
                    return null; // post-handshake: not in the transcript
                }
                if (type == NEW_SESSION_TICKET) {
                    newSessionTicket(b);
                }
            }
            case END_OF_EARLY_DATA -> {
                if (earlyDataActive) {
                    switchClientToHandshakeKeys();
                } else {
                    installTls13(client, tls13Secrets == null ? null
                            : tls13Secrets.clientHandshakeTrafficSecret(), "CLIENT_HANDSHAKE_TRAFFIC_SECRET");
                }
            }
            case ENCRYPTED_EXTENSIONS -> {
                earlyDataAccepted = clientOffersEarlyData && hasExtension(b, EXT_EARLY_DATA);
                if (earlyDataActive && !earlyDataAccepted) {
                    switchClientToHandshakeKeys(); // the server rejected early data: no EndOfEarlyData comes
                }
            }
            default -> {
            }
        }
        if (type == CLIENT_KEY_EXCHANGE) {
            transcript.add(data, offset, length);
            clientKeyExchange(b);
            return null;
        }
        if (type != SERVER_HELLO) { // ServerHello hashed in serverHello()
            transcript.add(data, offset, length);
        }
        if (type == FINISHED && version == ProtocolVersion.TLS_1_3) {
            afterTls13Finished(dir);
        }
        if (type == FINISHED) {
            side(dir).finished = check;
        }
        return check;
    }

    private void clientHello(Body b) {
        if (!helloRetry) {
            transcript.reset();
            if (keyring.isEmpty()) {
                transcript.stop(); // no secret can decrypt this handshake: nothing will read its hash
            }
        }
        clientVersion = b.u16();
        clientRandom = b.bytes(32);
        clientSessionId = b.vector8();
        byte[] suites = b.vector16();
        clientSuites = new int[suites == null ? 0 : suites.length / 2];
        for (int i = 0; i < clientSuites.length; i++) {
            clientSuites[i] = (suites[2 * i] & 0xFF) << 8 | suites[2 * i + 1] & 0xFF;
        }
        b.skipVector8(); // compression methods
        clientTicket = null;
        clientOffersEms = false;
        clientOffersEtm = false;
        clientOffersEarlyData = false;
        int end = b.extensionsEnd();
        while (b.ok() && b.at < end) {
            int type = b.u16();
            switch (type) {
                case EXT_EXTENDED_MASTER_SECRET -> clientOffersEms = true;
                case EXT_ENCRYPT_THEN_MAC -> clientOffersEtm = true;
                case EXT_SESSION_TICKET -> {
                    clientTicket = b.vector16();
                    continue;
                }
                case EXT_EARLY_DATA -> clientOffersEarlyData = true;
                default -> {
                }
            }
            b.skipVector16(); // only the ticket is kept: no copy of the others
        }
        // a new handshake: forget the previous one's facts (renegotiation keeps the active decryptors)
        serverRandom = null;
        serverSessionId = null;
        resumed = false;
        sawClientKeyExchange = false;
        encryptedPreMaster = null;
        preMaster = null;
        sessionHash = null;
        masterSecret = null;
        issuedTicket = null;
        if (!helloRetry) {
            suite = null;
            suiteId = -1;
            version = 0;
        }
        pendingClientHandshake = null;
        earlyDataActive = false;
        earlyCandidates = List.of();
        skipUnreadableEarlyData = false;
        earlyDataAccepted = false;
        if (clientOffersEarlyData && clientRandom != null) {
            startEarlyData();
        }
    }

    /** TLS 1.3 0-RTT: the client's records after this ClientHello are protected by the early traffic secret. */
    private void startEarlyData() {
        KeyLogEntry entry = keyring.keyLog().find(clientRandom);
        byte[] secret = entry == null ? null : entry.clientEarlyTrafficSecret();
        if (secret == null) {
            skipUnreadableEarlyData = true; // records stay "early data, no keys" (see decrypt)
            return;
        }
        List<RecordDecryptor> candidates = new ArrayList<>();
        for (int id : clientSuites) {
            CipherSuite s = CipherSuites.find(id);
            if (s != null && s.isTls13() && s.hashLength() == secret.length) {
                candidates.add(RecordDecryptor.tls13(s, secret));
            }
        }
        earlyDataActive = true;
        earlyCandidates = candidates;
        client.protect(null, "TLS 1.3 early data (0-RTT): no offered TLS 1.3 suite fits the early secret");
    }

    /** @return true if this was a HelloRetryRequest */
    private boolean serverHello(Body b, ByteView data, int offset, int length) {
        int legacyVersion = b.u16();
        byte[] random = b.bytes(32);
        byte[] sessionId = b.vector8();
        int cipher = b.u16();
        b.u8(); // compression
        int selected = legacyVersion;
        boolean serverEms = false;
        boolean serverEtm = false;
        int end = b.extensionsEnd();
        while (b.ok() && b.at < end) {
            int type = b.u16();
            int extLength = b.peekU16();
            if (type == EXT_SUPPORTED_VERSIONS && extLength == 2 && b.remaining() >= 4) {
                selected = b.data.u16(b.at + 2);
            } else if (type == EXT_EXTENDED_MASTER_SECRET) {
                serverEms = true;
            } else if (type == EXT_ENCRYPT_THEN_MAC) {
                serverEtm = true;
            }
            b.skipVector16();
        }
        if (!b.ok()) {
            transcript.add(data, offset, length);
            keyProblem = "malformed ServerHello";
            return false;
        }
        version = selected;
        suiteId = cipher;
        suite = CipherSuites.find(cipher);
        if (Arrays.equals(random, HELLO_RETRY_RANDOM)) {
            // early data is rejected by a HelloRetryRequest (RFC 8446 4.1.4): the second ClientHello is clear
            endEarlyData();
            client.protectedNow = false;
            client.decryptor = null;
            helloRetry = true;
            transcript.replaceWithMessageHash(suite != null ? suite.prfHash() : "SHA-256");
            transcript.add(data, offset, length);
            return true;
        }
        helloRetry = false;
        transcript.add(data, offset, length);
        serverRandom = random;
        serverSessionId = sessionId;
        ems = clientOffersEms && serverEms;
        etm = clientOffersEtm && serverEtm;
        if (suite == null) {
            keyProblem = String.format("cipher suite 0x%04x is not supported for decryption", cipher);
        } else if (!ProtocolVersion.isKnown(version) || suite.isTls13() != (version == ProtocolVersion.TLS_1_3)) {
            keyProblem = "cipher suite " + suite.name() + " with " + ProtocolVersion.name(version);
            suite = null;
        } else {
            keyProblem = null;
        }
        if (version == ProtocolVersion.TLS_1_3) {
            tls13Secrets = keyring.keyLog().find(clientRandom);
            if (tls13Secrets == null && keyProblem == null) {
                keyProblem = "no key log entry for client random " + hex(clientRandom);
            }
            installTls13(server, tls13Secrets == null ? null : tls13Secrets.serverHandshakeTrafficSecret(),
                    "SERVER_HANDSHAKE_TRAFFIC_SECRET");
            if (earlyDataActive) {
                // the client's early data goes on under the early secret until EndOfEarlyData, if accepted
                Side pending = new Side();
                installTls13(pending, tls13Secrets == null ? null : tls13Secrets.clientHandshakeTrafficSecret(),
                        "CLIENT_HANDSHAKE_TRAFFIC_SECRET");
                pendingClientHandshake = pending.decryptor;
                pendingNoKeys = pending.noKeys;
            } else {
                installTls13(client, tls13Secrets == null ? null : tls13Secrets.clientHandshakeTrafficSecret(),
                        "CLIENT_HANDSHAKE_TRAFFIC_SECRET");
            }
        } else {
            if (earlyDataActive) { // a TLS 1.2 server: no 0-RTT, the client's records are clear again
                client.protectedNow = false;
                client.decryptor = null;
            }
            endEarlyData();
            resumed = sessionId != null && sessionId.length > 0 && Arrays.equals(sessionId, clientSessionId);
        }
        return false;
    }

    private void installTls13(Side s, byte[] secret, String label) {
        if (suite == null) {
            // an EndOfEarlyData before any ServerHello gets here too: there is no suite to derive keys for
            s.protect(null, keyProblem != null ? keyProblem : "no TLS 1.3 cipher suite negotiated");
        } else if (secret == null) {
            s.protect(null, tls13Secrets == null ? keyProblem : "the key log has no " + label + " for this connection");
        } else {
            s.protect(RecordDecryptor.tls13(suite, secret), "");
        }
    }

    /** Ends 0-RTT: the client's next records use its handshake traffic secret. */
    private void switchClientToHandshakeKeys() {
        if (serverRandom == null) {
            return; // EndOfEarlyData before a ServerHello: nothing to switch to yet
        }
        client.protect(pendingClientHandshake, pendingNoKeys);
        endEarlyData();
    }

    private void endEarlyData() {
        earlyDataActive = false;
        earlyCandidates = List.of();
        pendingClientHandshake = null;
    }

    /** True if the extensions of an EncryptedExtensions body include {@code type}. */
    private static boolean hasExtension(Body b, int type) {
        int end = b.end;
        if (b.remaining() < 2) {
            return false;
        }
        int at = b.at + 2;
        while (at + 4 <= end) {
            if (b.data.u16(at) == type) {
                return true;
            }
            at += 4 + b.data.u16(at + 2);
        }
        return false;
    }

    /** True while the client's records are TLS 1.3 early data (0-RTT), protected by its early traffic secret. */
    public boolean earlyDataActive() {
        return earlyDataActive;
    }

    private void afterTls13Finished(StreamDirection dir) {
        if (dir == StreamDirection.SERVER_TO_CLIENT) {
            installTls13(server, tls13Secrets == null ? null : tls13Secrets.serverTrafficSecret0(),
                    "SERVER_TRAFFIC_SECRET_0");
        } else {
            installTls13(client, tls13Secrets == null ? null : tls13Secrets.clientTrafficSecret0(),
                    "CLIENT_TRAFFIC_SECRET_0");
        }
    }

    private void keyUpdate(StreamDirection dir) {
        Side s = side(dir);
        if (s.decryptor != null) {
            s.decryptor.keyUpdate();
        }
    }

    private void clientKeyExchange(Body b) {
        sawClientKeyExchange = true;
        if (ems && version != 0 && transcript.complete()) {
            sessionHash = version >= ProtocolVersion.TLS_1_2
                    ? transcript.snapshot(Prf.of(version, suite).hashName()) : transcript.snapshotMd5Sha1();
        }
        if (suite == null || suite.keyExchange() != KeyExchange.RSA) {
            return;
        }
        // TLS: opaque<0..2^16-1> with a length; SSL 3.0: the bare ciphertext
        int len = b.remaining();
        if (version != ProtocolVersion.SSL_3_0 && len >= 2 && b.peekU16() == len - 2) {
            b.u16();
            len -= 2;
        }
        encryptedPreMaster = b.bytes(len);
        if (encryptedPreMaster == null) {
            return;
        }
        String why = "no RSA private key given for this server";
        for (ServerRsaKey key : keyring.rsaKeys()) {
            PreMasterSecretResult r = key.decryptPreMaster(encryptedPreMaster, clientVersion);
            if (r.secret() != null) {
                preMaster = r.secret();
                why = r.ok() ? null : r.detail();
                break;
            }
            why = r.detail();
        }
        if (preMaster == null) {
            keyProblem = "RSA key exchange: " + why;
        }
    }

    private void newSessionTicket(Body b) {
        b.u32(); // lifetime hint
        issuedTicket = b.vector16();
        byte[] master = resolveMasterSecret();
        if (master != null) {
            keyring.rememberTicket(issuedTicket, master);
        }
    }

    private FinishedCheck finished(StreamDirection dir, ByteView data, int offset, int length) {
        byte[] received = data.toArray(offset, length);
        boolean fromClient = dir == StreamDirection.CLIENT_TO_SERVER;
        if (suite == null) {
            return FinishedCheck.notPossible(keyProblem == null ? "cipher suite unknown" : keyProblem);
        }
        if (version == ProtocolVersion.TLS_1_3) {
            byte[] secret = tls13Secrets == null ? null : fromClient
                    ? tls13Secrets.clientHandshakeTrafficSecret() : tls13Secrets.serverHandshakeTrafficSecret();
            if (secret == null) {
                return FinishedCheck.notPossible("no " + (fromClient ? "client" : "server")
                        + " handshake traffic secret in the key log");
            }
            if (!transcript.complete()) {
                return FinishedCheck.notPossible(SECRETS_TOO_LATE);
            }
            return FinishedCheck.compare(FinishedVerifyData.tls13(suite.prfHash(), secret,
                    transcript.snapshot(suite.prfHash())), received);
        }
        byte[] master = resolveMasterSecret();
        if (master == null) {
            return FinishedCheck.notPossible("no master secret: " + keyProblem);
        }
        if (!transcript.complete()) {
            return FinishedCheck.notPossible(SECRETS_TOO_LATE);
        }
        if (version == ProtocolVersion.SSL_3_0) {
            return FinishedCheck.compare(FinishedVerifyData.ssl3(master, fromClient, transcript), received);
        }
        Prf prf = Prf.of(version, suite);
        byte[] hash = version >= ProtocolVersion.TLS_1_2 ? transcript.snapshot(prf.hashName())
                : transcript.snapshotMd5Sha1();
        return FinishedCheck.compare(FinishedVerifyData.tls(prf, master, fromClient, hash), received);
    }

    /** The TLS 1.2 master secret from the first source that has it; null with {@link #keyProblem} set. */
    private byte[] resolveMasterSecret() {
        if (masterSecret != null) {
            return masterSecret;
        }
        if (suite == null || clientRandom == null || serverRandom == null) {
            if (keyProblem == null) {
                // an SSLv2-compatible ClientHello has a challenge, not a 32-byte random, to find keys by
                keyProblem = clientRandom == null ? "no client random (an SSLv2-compatible ClientHello)"
                        : "no server random";
            }
            return null;
        }
        KeyLogEntry logged = keyring.keyLog().find(clientRandom);
        byte[] master = logged == null ? null : logged.masterSecret();
        if (master == null) {
            byte[] pms = preMaster;
            if (pms == null && logged != null) {
                pms = logged.preMasterSecret();
            }
            if (pms == null) {
                pms = keyring.keyLog().findRsaPreMaster(encryptedPreMaster);
            }
            if (pms != null) {
                Prf prf = Prf.of(version, suite);
                if (ems && sessionHash == null) {
                    keyProblem = transcript.complete()
                            ? "extended master secret, but no session hash (ClientKeyExchange not seen)"
                            : "extended master secret, but " + SECRETS_TOO_LATE;
                    return null;
                }
                master = ems ? Tls12KeySchedule.extendedMasterSecret(prf, pms, sessionHash)
                        : Tls12KeySchedule.masterSecret(prf, pms, clientRandom, serverRandom);
            }
        }
        if (master == null && !sawClientKeyExchange) {
            master = keyring.sessionById(clientSessionId);
            if (master == null) {
                master = keyring.sessionByTicket(clientTicket);
            }
            if (master != null) {
                resumed = true;
            }
        }
        if (master == null) {
            if (keyProblem == null || keyProblem.startsWith("no ServerHello")) {
                keyProblem = "no key log entry for client random " + hex(clientRandom)
                        + (suite.keyExchange() == KeyExchange.RSA ? " and no usable RSA key" : "");
            }
            return null;
        }
        masterSecret = master;
        keyring.rememberSessionId(serverSessionId, master);
        keyring.rememberTicket(issuedTicket, master);
        return master;
    }

    // ---------------------------------------------------------------- what is known

    /** True while no secret at all is known (no key log entry, RSA key or remembered session): nothing decrypts. */
    public boolean noSecrets() {
        return keyring.isEmpty();
    }

    /** The negotiated version ({@link ProtocolVersion}), or 0 before ServerHello. */
    public int version() {
        return version;
    }

    /** The negotiated suite if dissect can decrypt it, else null. */
    public CipherSuite suite() {
        return suite;
    }

    /** The negotiated suite's code point, or -1 before ServerHello. */
    public int cipherSuiteId() {
        return suiteId;
    }

    /** True if the records of {@code dir} are encrypted from now on. */
    public boolean isProtected(StreamDirection dir) {
        return side(dir).protectedNow;
    }

    /** True if {@code dir} has a decryptor. */
    public boolean canDecrypt(StreamDirection dir) {
        return side(dir).decryptor != null;
    }

    /** The decryptor of {@code dir} now, or null. */
    public RecordDecryptor decryptor(StreamDirection dir) {
        return side(dir).decryptor;
    }

    /** The check of the last Finished {@code dir} sent, or null if none was seen. */
    public FinishedCheck finishedCheck(StreamDirection dir) {
        return side(dir).finished;
    }

    /** Why keys are missing, or null when decryption works (or nothing has been tried yet). */
    public String keyProblem() {
        return keyProblem;
    }

    /** True for a TLS 1.2 abbreviated handshake that resumed a session. */
    public boolean isResumed() {
        return resumed;
    }

    /** True if both hellos carried extended_master_secret (RFC 7627). */
    public boolean extendedMasterSecret() {
        return ems;
    }

    /** True if both hellos carried encrypt_then_mac (RFC 7366). */
    public boolean encryptThenMac() {
        return etm;
    }

    /** The ClientHello random (a copy), or null. */
    public byte[] clientRandom() {
        return clientRandom == null ? null : clientRandom.clone();
    }

    /** The running transcript hash (for callers that show it; do not add to it). */
    public TranscriptHash transcript() {
        return transcript;
    }

    private static String hex(byte[] b) {
        return b == null ? "(none)" : HEX.formatHex(b);
    }

    /** A bounds-checked cursor over a handshake body: reads past the end give null or 0 and clear {@link #ok}. */
    private static final class Body {
        final ByteView data;
        final int end;
        int at;
        boolean good = true;

        Body(ByteView data, int offset, int length) {
            this.data = data;
            this.at = offset;
            this.end = offset + length;
        }

        boolean ok() {
            return good;
        }

        int remaining() {
            return end - at;
        }

        private boolean need(int n) {
            if (!good || n < 0 || end - at < n) {
                good = false;
                return false;
            }
            return true;
        }

        int u8() {
            if (!need(1)) {
                return 0;
            }
            return data.u8(at++);
        }

        int u16() {
            if (!need(2)) {
                return 0;
            }
            int v = data.u16(at);
            at += 2;
            return v;
        }

        int peekU16() {
            return end - at >= 2 ? data.u16(at) : -1;
        }

        long u32() {
            if (!need(4)) {
                return 0;
            }
            long v = data.u32(at);
            at += 4;
            return v;
        }

        byte[] bytes(int n) {
            if (!need(n)) {
                return null;
            }
            byte[] b = data.toArray(at, n);
            at += n;
            return b;
        }

        byte[] vector8() {
            return bytes(u8());
        }

        byte[] vector16() {
            return bytes(u16());
        }

        void skipVector8() {
            int n = u8();
            if (need(n)) {
                at += n;
            }
        }

        void skipVector16() {
            int n = u16();
            if (need(n)) {
                at += n;
            }
        }

        /** Reads the extensions' length, if any are there, and returns where they end. */
        int extensionsEnd() {
            if (!good || end - at < 2) {
                return at; // no extensions
            }
            int n = u16();
            return need(n) ? at + n : at;
        }
    }
}
