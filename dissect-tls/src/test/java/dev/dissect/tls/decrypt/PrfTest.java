package dev.dissect.tls.decrypt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The TLS 1.2 PRF against the test vectors that circulated on the IETF TLS working group list ("TLS 1.2 PRF test
 * vectors", secret/seed/label "test label"), as reused by mbedTLS's self test and many TLS stacks. The SSL 3.0
 * and TLS 1.0 PRFs are checked end to end by the recorded sessions ({@code LoopbackSessionsTest}).
 */
class PrfTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void tls12Sha256() {
        byte[] out = Prf.TLS12_SHA256.derive(HEX.parseHex("9bbe436ba940f017b17652849a71db35"), "test label",
                HEX.parseHex("a0ba9f936cda311827a6f796ffd5198c"), 100);
        assertArrayEquals(HEX.parseHex("e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a"
                + "6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab"
                + "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701"
                + "87347b66"), out);
    }

    @Test
    void tls12Sha384() {
        byte[] out = Prf.TLS12_SHA384.derive(HEX.parseHex("b80b733d6ceefcdc71566ea48e5567df"), "test label",
                HEX.parseHex("cd665cf6a8447dd6ff8b27555edb7465"), 148);
        assertArrayEquals(HEX.parseHex("7b0c18e9ced410ed1804f2cfa34a336a1c14dffb4900bb5fd7942107e81c83cd"
                + "e9ca0faa60be9fe34f82b1233c9146a0e534cb400fed2700884f9dc236f80edd"
                + "8bfa961144c9e8d792eca722a7b32fc3d416d473ebc2c5fd4abfdad05d918425"
                + "9b5bf8cd4d90fa0d31e2dec479e4f1a26066f2eea9a69236a3e52655c9e9aee6"
                + "91c8f3a26854308d5eaa3be85e0990703d73e56f"), out);
    }
}
