package dev.dissect.tls.cert;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server presented: the certificates of its Certificate message in the order sent, and the OCSP
 * responses stapled to them.
 *
 * @param certificates DER certificates as sent, the leaf first; later ones in any order (superfluous ones allowed)
 * @param stapledOcsp  DER OCSP responses by index in {@code certificates}: TLS 1.2's CertificateStatus (RFC 6066
 *                     §8) is about index 0; TLS 1.3 may staple one per CertificateEntry (RFC 8446 §4.4.2.1)
 * @since 0.1
 */
public record ServerChain(List<byte[]> certificates, Map<Integer, byte[]> stapledOcsp) {
    public ServerChain {
        certificates = List.copyOf(certificates);
        stapledOcsp = Map.copyOf(stapledOcsp);
    }

    /** A chain with nothing stapled. */
    public static ServerChain of(List<byte[]> certificates) {
        return new ServerChain(certificates, Map.of());
    }

    /** This chain with {@code ocspResponse} stapled to the certificate at {@code index}. */
    public ServerChain withStapledOcsp(int index, byte[] ocspResponse) {
        Map<Integer, byte[]> m = new HashMap<>(stapledOcsp);
        m.put(index, ocspResponse);
        return new ServerChain(certificates, m);
    }
}
