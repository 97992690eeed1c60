package dev.dissect.tls.decrypt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyLogTest {
    private static final String RANDOM = "aa".repeat(32);
    private static final String MASTER = "bb".repeat(48);

    @Test
    void readsEveryLabelAndCountsTheRest() {
        KeyLog log = KeyLog.parse("# SSL/TLS secrets log file\n"
                + "\n"
                + "CLIENT_RANDOM " + RANDOM + " " + MASTER + "\r\n"
                + "CLIENT_HANDSHAKE_TRAFFIC_SECRET " + RANDOM + " " + "01".repeat(32) + "\n"
                + "SERVER_HANDSHAKE_TRAFFIC_SECRET " + RANDOM + " " + "02".repeat(32) + "\n"
                + "CLIENT_TRAFFIC_SECRET_0 " + RANDOM + " " + "03".repeat(48) + "\n"
                + "SERVER_TRAFFIC_SECRET_0 " + RANDOM + " " + "04".repeat(48) + "\n"
                + "CLIENT_EARLY_TRAFFIC_SECRET " + RANDOM + " " + "05".repeat(32) + "\n"
                + "EXPORTER_SECRET " + RANDOM + " " + "06".repeat(32) + "\n"
                + "RSA 0102030405060708 " + "07".repeat(48) + "\n"
                + "CLIENT_RANDOM " + RANDOM + "\n" // a field missing
                + "CLIENT_RANDOM zz" + RANDOM.substring(2) + " " + MASTER + "\n" // bad hex
                + "CLIENT_RANDOM " + RANDOM + " " + "bb".repeat(47) + "\n" // master of the wrong length
                + "CLIENT_TRAFFIC_SECRET_N " + RANDOM + " " + "08".repeat(32) + "\n" // not an NSS label
                + "no spaces at all");
        assertEquals(8, log.entries());
        assertEquals(1, log.comments());
        assertEquals(3, log.badLines());
        assertEquals(11, log.firstBadLine());
        assertEquals(2, log.unknownLabels());
        assertEquals(1, log.size());
        KeyLogEntry e = log.find(HexFormat.of().parseHex(RANDOM));
        assertArrayEquals(HexFormat.of().parseHex(MASTER), e.masterSecret());
        assertArrayEquals(HexFormat.of().parseHex("03".repeat(48)), e.clientTrafficSecret0());
        assertArrayEquals(HexFormat.of().parseHex("05".repeat(32)), e.clientEarlyTrafficSecret());
        assertArrayEquals(HexFormat.of().parseHex("06".repeat(32)), e.exporterSecret());
        assertArrayEquals(HexFormat.of().parseHex("07".repeat(48)),
                log.findRsaPreMaster(HexFormat.of().parseHex("0102030405060708ffff")));
        assertNull(log.find(new byte[32]));
        assertNull(e.preMasterSecret());
    }

    @Test
    void decryptionSecretsBlocksOfOtherTypesAreIgnored() {
        KeyLog log = new KeyLog();
        byte[] text = ("CLIENT_RANDOM " + RANDOM + " " + MASTER + "\n").getBytes(StandardCharsets.US_ASCII);
        assertFalse(log.addDecryptionSecrets(0x57474B4CL, text)); // WireGuard
        assertEquals(0, log.size());
        assertTrue(log.addDecryptionSecrets(KeyLog.DSB_TLS_KEY_LOG, text));
        assertEquals(1, log.size());
    }
}
