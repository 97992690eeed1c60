package dev.dissect.tls.decrypt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Remembered sessions stay within the cap, the oldest forgotten first. */
class TlsKeyringTest {
    @Test
    void aLoweredCapForgetsTheOldestSession() {
        TlsKeyring keyring = new TlsKeyring(2);
        keyring.rememberSessionId(new byte[] {1}, new byte[] {11});
        keyring.rememberTicket(new byte[] {2}, new byte[] {12});
        keyring.rememberSessionId(new byte[] {3}, new byte[] {13});
        assertEquals(2, keyring.rememberedSessions());
        assertNull(keyring.sessionById(new byte[] {1}));
        assertArrayEquals(new byte[] {12}, keyring.sessionByTicket(new byte[] {2}));
        assertArrayEquals(new byte[] {13}, keyring.sessionById(new byte[] {3}));
        assertEquals(TlsKeyring.MAX_REMEMBERED, new TlsKeyring().maxRemembered());
    }
}
