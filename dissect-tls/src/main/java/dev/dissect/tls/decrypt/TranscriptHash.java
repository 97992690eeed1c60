package dev.dissect.tls.decrypt;

import dev.dissect.api.buffer.ByteView;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The running hash of a connection's handshake messages, for Finished, the extended master secret's session hash
 * and the TLS 1.3 key schedule.
 *
 * <p><b>The hash need not be known in advance.</b> The cipher suite, and with it the hash, is chosen by the
 * ServerHello, after the ClientHello was hashed: every message goes into MD5, SHA-1, SHA-256 and SHA-384 at once
 * (a few hundred bytes of state), and {@link #snapshot(String)} picks one. <b>Memory is constant</b>: no message is
 * kept.
 *
 * <p><b>Snapshots do not disturb the running hash</b>: they digest a clone, so the hash can be read before and
 * after each message. Feed whole handshake messages, the four-byte header included, in the order they were sent
 * across both directions (RFC 8446 section 4.4.1; RFC 5246 section 7.4.9). Not thread-safe.
 *
 * @since 0.1
 */
public final class TranscriptHash {
    /** The digests kept, in this order. */
    private static final String[] NAMES = {"MD5", "SHA-1", "SHA-256", "SHA-384"};

    private final MessageDigest[] digests = new MessageDigest[NAMES.length];
    private long length;
    private boolean stopped;
    private byte[] chunk;

    public TranscriptHash() {
    }

    /** Stops hashing until the next {@link #reset}: nothing will read this handshake's hash. */
    public void stop() {
        stopped = true;
    }

    /** True unless {@link #stop} was called since the last {@link #reset}: only then do snapshots mean anything. */
    public boolean complete() {
        return !stopped;
    }

    /** The running digests, made on first use (most connections are never hashed). */
    private MessageDigest[] digests() {
        if (digests[0] == null) {
            for (int i = 0; i < NAMES.length; i++) {
                digests[i] = newDigest(NAMES[i]);
            }
        }
        return digests;
    }

    /** Adds a handshake message (or part of one) from a view. */
    public void add(ByteView data, int offset, int len) {
        if (stopped) {
            return;
        }
        // Copy through a small buffer: the view may sit over a mapped file; digests want arrays.
        if (chunk == null) {
            chunk = new byte[4096];
        }
        int done = 0;
        while (done < len) {
            int n = Math.min(chunk.length, len - done);
            data.copyTo(offset + done, chunk, 0, n);
            add(chunk, 0, n);
            done += n;
        }
    }

    /** Adds {@code len} bytes of {@code data} from {@code offset}. */
    public void add(byte[] data, int offset, int len) {
        if (stopped) {
            return;
        }
        for (MessageDigest d : digests()) {
            d.update(data, offset, len);
        }
        length += len;
    }

    /** Adds a whole array. */
    public void add(byte[] data) {
        add(data, 0, data.length);
    }

    /** Bytes hashed so far. */
    public long length() {
        return length;
    }

    /**
     * The hash of everything added so far with {@code algorithm} ({@code MD5}, {@code SHA-1}, {@code SHA-256} or
     * {@code SHA-384}); the running hash goes on.
     */
    public byte[] snapshot(String algorithm) {
        return copy(algorithm).digest();
    }

    /** MD5 then SHA-1 of the messages so far (36 bytes): TLS 1.0 and 1.1's Finished and session hash input. */
    public byte[] snapshotMd5Sha1() {
        return Prf.concat(snapshot("MD5"), snapshot("SHA-1"));
    }

    /** A clone of the running digest, for constructions that hash more after the messages (SSL 3.0 Finished). */
    public MessageDigest copy(String algorithm) {
        try {
            return (MessageDigest) digests()[index(algorithm)].clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("JCA digest " + algorithm + " cannot be cloned", e);
        }
    }

    /**
     * After a HelloRetryRequest (RFC 8446 section 4.4.1): replaces ClientHello1, which must be all that was added,
     * by the synthetic {@code message_hash} message {@code FE 00 00 Hash.length Hash(ClientHello1)}, computed
     * with {@code algorithm} (the suite's hash). The other digests are restarted the same way with their own
     * hash; only {@code algorithm}'s is meaningful afterwards.
     */
    public void replaceWithMessageHash(String algorithm) {
        MessageDigest[] digests = digests();
        for (int i = 0; i < NAMES.length; i++) {
            byte[] h = digests[i].digest();
            digests[i].update(new byte[] {(byte) 0xFE, 0, 0, (byte) h.length});
            digests[i].update(h);
        }
        length = 4 + Tls13KeySchedule.hashLength(algorithm);
    }

    /** Forgets everything (a new handshake on the same connection: renegotiation). */
    public void reset() {
        for (MessageDigest d : digests) {
            if (d != null) {
                d.reset();
            }
        }
        length = 0;
        stopped = false;
    }

    private static int index(String algorithm) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(algorithm)) {
                return i;
            }
        }
        throw new IllegalArgumentException("transcript hash " + algorithm + "; one of MD5, SHA-1, SHA-256, SHA-384");
    }

    private static MessageDigest newDigest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JCA lacks " + name, e);
        }
    }
}
