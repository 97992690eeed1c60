package dev.dissect.example.ssp;

import dev.dissect.api.spi.DissectorProvider;
import dev.dissect.api.spi.Registrar;

/**
 * Registers the Sensor Stream Protocol: first what it is (protocol, fields, diagnostics), then where it attaches
 * (TCP and UDP port {@link #PORT}, and the heuristics of both). Found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/dev.dissect.api.spi.DissectorProvider}; JPMS users get the same through
 * {@code provides} in {@code module-info.java}.
 */
public final class SspProvider implements DissectorProvider {
    /** SSP's registered port, TCP and UDP. */
    public static final int PORT = 9074;

    /** For ServiceLoader. */
    public SspProvider() {
    }

    @Override
    public String id() {
        return "example.ssp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(SspFields.PROTOCOL, SspFields.FIELDS);
        r.diagnostics(SspFields.DIAGNOSTICS);

        SspDissector datagrams = new SspDissector();
        r.add("udp.port", PORT, datagrams);
        r.addHeuristic("udp.port", datagrams);

        SspStreamDissector stream = new SspStreamDissector();
        r.addStream("tcp.port", PORT, stream);
        r.addStreamHeuristic("tcp.port", stream);
    }
}
