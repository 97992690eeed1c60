package dev.dissect.api.dissection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.field.Base;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Values print as tshark 4.0's -T fields prints them. */
class FieldFormatTest {
    @ParameterizedTest
    @CsvSource({
        "00000000000000000000000000000000, ::",
        "00000000000000000000000000000001, ::1",
        "20010db8000000000000000000000001, 2001:db8::1",
        "20010db8000100000001000000000001, 2001:db8:1:0:1::1",
        "20010db8000000010000000000000001, 2001:db8:0:1::1",
        "fe800000000000000202b3fffe1e8329, fe80::202:b3ff:fe1e:8329",
        "20010db8aaaabbbbccccddddeeeeffff, 2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff",
        "20010db8000000000001000000000000, 2001:db8:0:0:1::",
        "00000000000000000000ffffc0000201, ::ffff:192.0.2.1",
    })
    void ipv6AsRfc5952(String hex, String expected) {
        ByteView v = ByteView.of(HexFormat.of().parseHex(hex));
        assertEquals(expected, FieldFormat.appendIpv6(new StringBuilder(), v, 0).toString());
    }

    @Test
    void hexIsPaddedToTheFieldWidth() {
        assertEquals("0x02", FieldFormat.appendUnsigned(new StringBuilder(), 2, Base.HEX, 1).toString());
        assertEquals("0x0018", FieldFormat.appendUnsigned(new StringBuilder(), 0x18, Base.HEX, 2).toString());
        assertEquals("0x0cb410", FieldFormat.appendUnsigned(new StringBuilder(), 0xcb410, Base.HEX, 3).toString());
        assertEquals("18446744073709551615",
                FieldFormat.appendUnsigned(new StringBuilder(), -1L, Base.DEC, 8).toString());
    }

    @Test
    void epochTimeHasNineDecimals() {
        assertEquals("1795949666.954234000",
                FieldFormat.appendSecondsNanos(new StringBuilder(), 1795949666L, 954234000).toString());
        assertEquals("0.000000001", FieldFormat.appendSecondsNanos(new StringBuilder(), 0, 1).toString());
        assertEquals("-0.500000000", FieldFormat.appendSecondsNanos(new StringBuilder(), -1, 500_000_000).toString());
    }
}
