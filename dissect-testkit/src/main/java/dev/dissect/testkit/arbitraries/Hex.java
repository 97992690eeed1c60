package dev.dissect.testkit.arbitraries;

/** Lower-case hex for shrunk counterexamples in test reports. */
final class Hex {
    private static final int MAX_SHOWN = 256;

    private Hex() {
    }

    static String of(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2 + 16);
        for (int i = 0; i < Math.min(bytes.length, MAX_SHOWN); i++) {
            sb.append(Character.forDigit((bytes[i] >> 4) & 0xF, 16)).append(Character.forDigit(bytes[i] & 0xF, 16));
        }
        if (bytes.length > MAX_SHOWN) {
            sb.append("... (").append(bytes.length).append(" bytes)");
        }
        return sb.toString();
    }
}
