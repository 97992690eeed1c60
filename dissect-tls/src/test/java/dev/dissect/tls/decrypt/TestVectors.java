package dev.dissect.tls.decrypt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** Reads "name: hex" lines from a test resource under {@code /decrypt/}. */
final class TestVectors {
    private final Map<String, byte[]> values = new HashMap<>();

    private TestVectors() {
    }

    static TestVectors load(String resource) {
        TestVectors v = new TestVectors();
        for (String line : resourceText(resource).split("\n")) {
            int colon = line.indexOf(':');
            if (line.startsWith("#") || colon < 0) {
                continue;
            }
            v.values.put(line.substring(0, colon).strip(), HexFormat.of().parseHex(line.substring(colon + 1).strip()));
        }
        return v;
    }

    static String resourceText(String resource) {
        return new String(resourceBytes(resource), StandardCharsets.UTF_8);
    }

    static byte[] resourceBytes(String resource) {
        try (InputStream in = TestVectors.class.getResourceAsStream("/decrypt/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /decrypt/" + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] get(String name) {
        byte[] b = values.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no vector " + name);
        }
        return b.clone();
    }
}
