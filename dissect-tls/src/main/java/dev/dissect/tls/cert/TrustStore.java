package dev.dissect.tls.cert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * The certificates a client trusts as roots: the JDK's default store, a PEM bundle or folder, or a
 * {@link KeyStore}. <b>Immutable.</b> A certificate is trusted by its subject and public key, so a root re-issued
 * with the same key (a new validity, another signature algorithm) is the same anchor, as in browsers.
 *
 * @since 0.1
 */
public final class TrustStore {
    private final List<X509Certificate> anchors;
    private final Map<X500Principal, List<X509Certificate>> bySubject = new HashMap<>();

    private TrustStore(Collection<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
        for (X509Certificate c : this.anchors) {
            bySubject.computeIfAbsent(c.getSubjectX500Principal(), k -> new ArrayList<>()).add(c);
        }
    }

    /**
     * The JDK's default trust store ({@code cacerts}, or {@code javax.net.ssl.trustStore} if set), as the JDK's
     * own {@code TrustManagerFactory} finds it.
     */
    public static TrustStore jdkDefault() {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init((KeyStore) null);
            for (TrustManager tm : f.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return new TrustStore(Arrays.asList(x.getAcceptedIssuers()));
                }
            }
            return new TrustStore(List.of());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's default trust store cannot be read", e);
        }
    }

    /** The trusted-certificate entries of {@code keyStore} (key entries are not trust anchors). */
    public static TrustStore of(KeyStore keyStore) throws KeyStoreException {
        List<X509Certificate> out = new ArrayList<>();
        for (String alias : Collections.list(keyStore.aliases())) {
            if (keyStore.isCertificateEntry(alias) && keyStore.getCertificate(alias) instanceof X509Certificate c) {
                out.add(c);
            }
        }
        return new TrustStore(out);
    }

    public static TrustStore of(Collection<X509Certificate> certificates) {
        return new TrustStore(certificates);
    }

    /**
     * Every certificate in a PEM (or DER) file, or in the files of a folder ({@code *.pem}, {@code *.crt},
     * {@code *.cer}, in name order; not recursive).
     */
    public static TrustStore fromPem(Path fileOrFolder) throws IOException, CertificateException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(fileOrFolder)) {
            try (Stream<Path> s = Files.list(fileOrFolder)) {
                s.filter(p -> p.getFileName().toString().matches("(?i).*\\.(pem|crt|cer)")).sorted()
                        .forEach(files::add);
            }
        } else {
            files.add(fileOrFolder);
        }
        List<X509Certificate> out = new ArrayList<>();
        for (Path p : files) {
            out.addAll(readCertificates(p));
        }
        return new TrustStore(out);
    }

    /** Every certificate in a PEM bundle or DER file. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException, CertificateException {
        CertificateFactory f = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Certificate c : f.generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
        }
        return out;
    }

    /** All anchors; never null. */
    public List<X509Certificate> certificates() {
        return anchors;
    }

    /** The anchors whose subject is {@code name}. */
    List<X509Certificate> withSubject(X500Principal name) {
        return bySubject.getOrDefault(name, List.of());
    }

    /** True if an anchor has this certificate's subject and public key. */
    boolean trusts(X509Certificate c) {
        for (X509Certificate a : withSubject(c.getSubjectX500Principal())) {
            if (a.getPublicKey().equals(c.getPublicKey())) {
                return true;
            }
        }
        return false;
    }
}
