package dev.dissect.tls;

import dev.dissect.api.frame.CaptureSource;
import dev.dissect.net.capture.DecryptionSecrets;
import dev.dissect.net.capture.PcapngReader;
import java.util.List;

/**
 * Hands the TLS key logs of a pcapng file's Decryption Secrets Blocks to a session's {@link TlsPreferences} as the
 * reader meets them, so that connections after a block decrypt as tshark decrypts them (no option needed).
 *
 * <pre>{@code
 * DecryptionSecretsFeed secrets = new DecryptionSecretsFeed(source, TlsPreferences.of(engine.session()));
 * for (FrameView f; (f = source.next()) != null; ) {
 *     secrets.poll();           // blocks read before this frame
 *     engine.dissect(f, tree);
 * }
 * }</pre>
 *
 * <p><b>Why the caller polls</b>, and not the engine: the reader keeps its blocks ({@link PcapngReader#decryptionSecrets()},
 * in file order, growing as it reads) and the engine sees frames only; a block always precedes the frames that
 * need it, so asking after each {@code next()} is enough, costs a size comparison per frame, and keeps capture
 * readers and the engine free of TLS. Any other source (pcap, a stream of frames) has no blocks and
 * {@link #poll()} does nothing. Not thread-safe.
 *
 * @since 0.1
 */
public final class DecryptionSecretsFeed {
    private final PcapngReader pcapng;
    private final TlsPreferences preferences;
    private int seen;
    private int added;

    /** A feed from {@code source} (only a {@link PcapngReader} has blocks) into {@code preferences}. */
    public DecryptionSecretsFeed(CaptureSource source, TlsPreferences preferences) {
        this.pcapng = source instanceof PcapngReader r ? r : null;
        this.preferences = preferences;
    }

    /** Adds the TLS key logs of blocks read since the last call; returns how many were added. */
    public int poll() {
        if (pcapng == null) {
            return 0;
        }
        List<DecryptionSecrets> blocks = pcapng.decryptionSecrets();
        int n = 0;
        for (; seen < blocks.size(); seen++) {
            DecryptionSecrets b = blocks.get(seen);
            if (preferences.keyLog().addDecryptionSecrets(b.type(), b.secrets())) {
                n++;
            }
        }
        added += n;
        return n;
    }

    /** TLS key log blocks added so far. */
    public int added() {
        return added;
    }
}
