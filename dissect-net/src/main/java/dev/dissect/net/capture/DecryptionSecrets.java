package dev.dissect.net.capture;

/**
 * Key material from a pcapng Decryption Secrets Block, for decrypting the capture's sessions later.
 *
 * @param type   the secrets type, e.g. {@link #TLS_KEY_LOG}
 * @param secrets the block's secrets, copied; for {@link #TLS_KEY_LOG} the text of an NSS key log file
 * @since 0.1
 */
public record DecryptionSecrets(long type, byte[] secrets) {
    /** {@code TLSK}: an NSS key log file (SSLKEYLOGFILE). */
    public static final long TLS_KEY_LOG = 0x544C534BL;
    /** {@code WGKL}: a WireGuard key log. */
    public static final long WIREGUARD_KEY_LOG = 0x57474B4CL;
    /** {@code ZIGB}: Zigbee network keys. */
    public static final long ZIGBEE_NWK_KEY = 0x5A4E574BL;
}
