package dev.dissect.tls.decrypt;

import dev.dissect.api.buffer.ByteView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Secrets from an NSS key log file ({@code SSLKEYLOGFILE}, {@code openssl -keylogfile}), found by the connection's
 * ClientHello random.
 *
 * <pre>
 * # comment
 * CLIENT_RANDOM                   &lt;client random, 64 hex&gt; &lt;master secret, 96 hex&gt;          TLS 1.2 and earlier
 * CLIENT_HANDSHAKE_TRAFFIC_SECRET &lt;client random&gt; &lt;secret&gt;    (also SERVER_..., CLIENT_/SERVER_TRAFFIC_SECRET_0,
 *                                                              CLIENT_EARLY_TRAFFIC_SECRET, EXPORTER_SECRET)
 * RSA                             &lt;first 8 bytes of the encrypted pre-master, 16 hex&gt; &lt;pre-master, 96 hex&gt;
 * </pre>
 *
 * <p><b>Bad lines are counted, never thrown.</b> Comments and blank lines are skipped; a line with a known label but
 * the wrong number of fields, bad hex or a random of the wrong length is counted in {@link #badLines()} (its
 * number is kept in {@link #firstBadLine()}); an unknown label in {@link #unknownLabels()}. Later lines replace
 * earlier ones for the same random and label.
 *
 * <p>Key text may arrive in pieces: from files given by the user and from pcapng Decryption Secrets Blocks met
 * while reading the capture ({@link #addDecryptionSecrets}). Not thread-safe.
 *
 * @since 0.1
 */
public final class KeyLog {
    /** The pcapng Decryption Secrets Block type of TLS key log text: "TLSK". */
    public static final long DSB_TLS_KEY_LOG = 0x544c534bL;

    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, KeyLogEntry> byClientRandom = new HashMap<>();
    private final Map<String, byte[]> rsaPreMaster = new HashMap<>();
    private long lines;
    private long entries;
    private long comments;
    private long badLines;
    private long unknownLabels;
    private long firstBadLine;

    /** An empty key log. */
    public KeyLog() {
    }

    /** A key log from text. */
    public static KeyLog parse(CharSequence text) {
        KeyLog log = new KeyLog();
        log.addText(text);
        return log;
    }

    /** A key log read from a file (UTF-8). */
    public static KeyLog read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Adds the secrets of a pcapng Decryption Secrets Block. Only {@link #DSB_TLS_KEY_LOG} blocks are TLS key log
     * text; others (WireGuard, ZigBee...) are ignored.
     *
     * @return true if the block was a TLS key log
     */
    public boolean addDecryptionSecrets(long secretsType, ByteView data, int offset, int length) {
        if (secretsType != DSB_TLS_KEY_LOG) {
            return false;
        }
        addText(new String(data.toArray(offset, length), StandardCharsets.UTF_8));
        return true;
    }

    /** Adds the secrets of a Decryption Secrets Block as a capture reader returns it (type and bytes). */
    public boolean addDecryptionSecrets(long secretsType, byte[] secrets) {
        return addDecryptionSecrets(secretsType, ByteView.of(secrets), 0, secrets.length);
    }

    /** Adds every line of {@code text}. */
    public void addText(CharSequence text) {
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = start;
            while (end < n && text.charAt(end) != '\n') {
                end++;
            }
            addLine(text.subSequence(start, end).toString());
            start = end + 1;
        }
    }

    private void addLine(String raw) {
        lines++;
        String line = raw.strip();
        if (line.isEmpty()) {
            return;
        }
        if (line.startsWith("#")) {
            comments++;
            return;
        }
        String[] f = line.split("\\s+");
        String label = f[0];
        if (!isKnownLabel(label)) {
            unknownLabels++;
            return;
        }
        byte[] id;
        byte[] secret;
        try {
            if (f.length != 3) {
                throw new IllegalArgumentException("fields");
            }
            id = HEX.parseHex(f[1]);
            secret = HEX.parseHex(f[2]);
        } catch (IllegalArgumentException e) {
            bad();
            return;
        }
        if (label.equals("RSA")) {
            if (id.length != 8 || secret.length != 48) {
                bad();
                return;
            }
            rsaPreMaster.put(HEX.formatHex(id), secret);
        } else {
            if (id.length != 32 || secret.length == 0 || label.equals("CLIENT_RANDOM") && secret.length != 48) {
                bad();
                return;
            }
            byClientRandom.computeIfAbsent(HEX.formatHex(id), k -> new KeyLogEntry()).put(label, secret);
        }
        entries++;
    }

    private void bad() {
        badLines++;
        if (firstBadLine == 0) {
            firstBadLine = lines;
        }
    }

    private static boolean isKnownLabel(String label) {
        return label.equals("RSA") || new KeyLogEntry().put(label, null);
    }

    /** The secrets for the connection whose ClientHello carried {@code clientRandom}, or null. */
    public KeyLogEntry find(byte[] clientRandom) {
        return clientRandom == null ? null : byClientRandom.get(HEX.formatHex(clientRandom));
    }

    /** The pre-master secret of an {@code RSA} line for this encrypted pre-master secret, or null. */
    public byte[] findRsaPreMaster(byte[] encryptedPreMaster) {
        if (encryptedPreMaster == null || encryptedPreMaster.length < 8) {
            return null;
        }
        byte[] s = rsaPreMaster.get(HEX.formatHex(encryptedPreMaster, 0, 8));
        return s == null ? null : s.clone();
    }

    /** Connections (client randoms) with at least one secret. */
    public int size() {
        return byClientRandom.size();
    }

    /** Lines read, including comments, blank and bad ones. */
    public long lines() {
        return lines;
    }

    /** Lines that gave a secret. */
    public long entries() {
        return entries;
    }

    /** Lines starting with {@code #}. */
    public long comments() {
        return comments;
    }

    /** Lines with a known label that could not be read. */
    public long badLines() {
        return badLines;
    }

    /** The number (from 1, over everything added) of the first bad line, or 0 if none. */
    public long firstBadLine() {
        return firstBadLine;
    }

    /** Lines whose label is not one this class knows (skipped). */
    public long unknownLabels() {
        return unknownLabels;
    }
}
