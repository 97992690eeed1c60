package dev.dissect.api.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class ByteViewTest {
    private final byte[] bytes = {1, 2, 3, 4, 5, 6, 7, 8, (byte) 0xff, (byte) 0xfe};

    @Test
    void readsBothByteOrdersWhateverTheBufferOrder() {
        ByteBuffer little = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        ByteView v = new ByteView().wrap(little, 0, bytes.length);
        assertEquals(0x0102, v.u16(0));
        assertEquals(0x0201, v.u16le(0));
        assertEquals(0x010203, v.u24(0));
        assertEquals(0x01020304L, v.u32(0));
        assertEquals(0x04030201L, v.u32le(0));
        assertEquals(0x0102030405060708L, v.u64(0));
        assertEquals(0xfffe, v.u16(8));
        assertEquals(0xff, v.u8(8));
    }

    @Test
    void windowIsRelativeAndBounded() {
        ByteView v = new ByteView().wrap(ByteBuffer.wrap(bytes), 2, 4);
        assertEquals(3, v.u8(0));
        assertEquals(4, v.length());
        assertTrue(v.has(0, 4));
        assertFalse(v.has(1, 4));
        assertFalse(v.has(-1, 1));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> v.u32(1));
        assertEquals("index=1 width=4 length=4", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> v.u8(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> new ByteView().wrap(ByteBuffer.wrap(bytes), 8, 3));
    }

    @Test
    void subWindowOfAWindow() {
        ByteView outer = new ByteView().wrap(ByteBuffer.wrap(bytes), 2, 6);
        ByteView inner = new ByteView().wrap(outer, 1, 2);
        assertEquals(0x0405, inner.u16(0));
        assertThrows(IndexOutOfBoundsException.class, () -> new ByteView().wrap(outer, 5, 2));
    }
}
