package dev.dissect.example.ssp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Valid SSP messages of every type, for the contract suites and the engine properties. */
final class SspArbitraries {
    private SspArbitraries() {
    }

    /** One valid message: hello, reading, ack or bye. */
    static Arbitrary<byte[]> messages() {
        return Arbitraries.oneOf(hellos(), readings(), acks(), Arbitraries.just(message(4, new byte[0])));
    }

    static Arbitrary<byte[]> hellos() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').withChars('-', '1').ofMaxLength(20);
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(0, 65535), names)
                .as(SspArbitraries::hello);
    }

    static Arbitrary<byte[]> readings() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers(),
                Arbitraries.longs().between(0, 4_102_444_800_000L), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 3), Arbitraries.integers())
                .as((sensor, seq, millis, quantity, flags, value) -> reading(sensor, seq, millis, quantity, flags << 6,
                        value));
    }

    static Arbitrary<byte[]> acks() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(0, 2)).as(SspArbitraries::ack);
    }

    static byte[] hello(int sensor, int intervalMs, String name) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        return message(1, ByteBuffer.allocate(7 + n.length).putInt(sensor).putShort((short) intervalMs)
                .put((byte) n.length).put(n).array());
    }

    static byte[] reading(int sensor, int seq, long millis, int quantity, int flags, int value) {
        return message(2, ByteBuffer.allocate(22).putInt(sensor).putInt(seq).putLong(millis).put((byte) quantity)
                .put((byte) flags).putInt(value).array());
    }

    static byte[] ack(int seq, int status) {
        return message(3, ByteBuffer.allocate(5).putInt(seq).put((byte) status).array());
    }

    static byte[] message(int type, byte[] body) {
        return ByteBuffer.allocate(6 + body.length).put((byte) 'S').put((byte) 'S').put((byte) 1).put((byte) type)
                .putShort((short) body.length).put(body).array();
    }
}
