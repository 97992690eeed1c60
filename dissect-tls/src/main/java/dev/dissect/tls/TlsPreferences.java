package dev.dissect.tls;

import dev.dissect.net.engine.DissectionSession;
import dev.dissect.net.engine.Limits;
import dev.dissect.tls.cert.CertificateValidator;
import dev.dissect.tls.cert.TrustStore;
import dev.dissect.tls.decrypt.KeyLog;
import dev.dissect.tls.decrypt.ServerRsaKey;
import dev.dissect.tls.decrypt.TlsKeyring;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the user told the TLS dissector for one dissection session: the keys that decrypt (key log files, servers'
 * RSA keys, and the capture's own Decryption Secrets Blocks as they are met), the trust store that certificate
 * chains are validated against, intermediates and CRLs to complete and check them with, a host name to check them
 * for (else each connection's SNI, else the name the capture's DNS resolved to the server), and when to validate.
 *
 * <p><b>Lives in the session's store, never in a static</b>, as Wireshark's {@code tls.*} preferences but scoped:
 * {@code TlsPreferences.of(engine.session())} before the first frame; the TLS dissector reads it with
 * {@code StreamContext.sessionState}. It is dropped with the session ({@code DissectionEngine.resetSession()}),
 * so set it again after a reset. <b>Key material arrives at any time</b>: a key log line added between two frames
 * decrypts every connection whose keys are needed after that point, as with a pcapng Decryption Secrets Block in
 * the middle of a file.
 *
 * <p>The CLI maps {@code -o tls.keylog_file:PATH}, {@code -o tls.rsa_key_file:PATH},
 * {@code -o tls.trust_store:PATH}, {@code -o tls.cert_host:NAME}, {@code -o tls.crl_file:PATH} and
 * {@code -o tls.intermediates:PATH} onto it. Not thread-safe.
 *
 * @since 0.1
 */
public final class TlsPreferences {
    /** When server chains are validated. */
    public enum Validation {
        /** Only when the frame records a {@code tls.cert_validation.*} field (the default: costs nothing otherwise). */
        WHEN_SHOWN,
        /** For every server chain, so that every {@code TlsConnection} has a verdict ({@code -z tls,conn}). */
        ALWAYS,
        /** Never. */
        NEVER
    }

    private final TlsKeyring keyring;
    private final Limits limits;
    private TrustStore trustStore;
    private CertificateValidator validator;
    private String hostName;
    private final List<X509CRL> crls = new ArrayList<>();
    private final List<X509Certificate> intermediates = new ArrayList<>();
    private Validation validation = Validation.WHEN_SHOWN;

    /** Preferences with no keys, the JDK's trust store, and validation when shown. */
    public TlsPreferences() {
        this(Limits.defaults());
    }

    /** Preferences as {@link #TlsPreferences()}, remembering as many sessions as {@code limits} allow. */
    public TlsPreferences(Limits limits) {
        this.limits = limits;
        keyring = new TlsKeyring(limits.getInt(TlsLimits.MAX_REMEMBERED_SESSIONS));
    }

    /** The session's preferences, made on first use. Never null. */
    public static TlsPreferences of(DissectionSession session) {
        return session.store().state(TlsPreferences.class, () -> new TlsPreferences(Limits.of(session.store())));
    }

    /** Every key this session can decrypt with; also remembers TLS 1.2 sessions for resumption. Never null. */
    public TlsKeyring keyring() {
        return keyring;
    }

    /** Adds the lines of an NSS key log file (tshark's {@code tls.keylog_file}); bad lines are counted, not fatal. */
    public TlsPreferences addKeyLogFile(Path file) throws IOException {
        keyring.keyLog().addText(Files.readString(file, StandardCharsets.UTF_8));
        return this;
    }

    /** Adds a server's RSA private key (PEM, PKCS#1 or PKCS#8) for RSA key exchange. */
    public TlsPreferences addRsaKeyFile(Path file) throws IOException {
        keyring.addRsaKey(ServerRsaKey.read(file));
        return this;
    }

    /** The key log, for callers that add text as they meet it. */
    public KeyLog keyLog() {
        return keyring.keyLog();
    }

    /** Validates chains against the certificates of a PEM bundle, or of the PEM files of a folder. */
    public TlsPreferences trustStore(Path fileOrFolder) throws IOException, CertificateException {
        return trustStore(TrustStore.fromPem(fileOrFolder));
    }

    /** Validates chains against {@code store} instead of the JDK's trust store. */
    public TlsPreferences trustStore(TrustStore store) {
        this.trustStore = store;
        this.validator = null;
        return this;
    }

    /**
     * Adds the CRLs of a file (PEM, one or more {@code X509 CRL} blocks, or DER) to check revocation with (RFC 5280
     * 6.3: complete CRLs, checked at the capture's time).
     */
    public TlsPreferences addCrlFile(Path file) throws IOException, CRLException {
        try (InputStream in = Files.newInputStream(file)) {
            for (var crl : x509().generateCRLs(in)) {
                crls.add((X509CRL) crl);
            }
        }
        this.validator = null;
        return this;
    }

    /**
     * Adds the certificates of a PEM bundle as intermediates a chain may be completed with when the server does not
     * send them; they are never trusted as anchors.
     */
    public TlsPreferences addIntermediates(Path pemBundle) throws IOException, CertificateException {
        intermediates.addAll(TrustStore.readCertificates(pemBundle));
        this.validator = null;
        return this;
    }

    private static CertificateFactory x509() throws CRLException {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new CRLException("no X.509 certificate factory", e);
        }
    }

    /** Checks every server chain for {@code name} instead of the connection's SNI; null goes back to the SNI. */
    public TlsPreferences hostName(String name) {
        this.hostName = name;
        return this;
    }

    /** The host name chains are checked for, or null to use each connection's SNI. */
    public String hostName() {
        return hostName;
    }

    public TlsPreferences validation(Validation when) {
        this.validation = when;
        return this;
    }

    public Validation validation() {
        return validation;
    }

    /**
     * The validator, built on first use (reading the JDK's trust store takes a moment, so sessions that never
     * validate never pay for it). Never null.
     */
    public CertificateValidator validator() {
        if (validator == null) {
            validator = CertificateValidator.builder()
                    .trustStore(trustStore != null ? trustStore : TrustStore.jdkDefault())
                    .extraIntermediates(intermediates).crls(crls)
                    .maxPathLength(limits.getInt(TlsLimits.MAX_PATH_LENGTH))
                    .maxSignatureChecks(limits.getInt(TlsLimits.MAX_SIGNATURE_CHECKS)).build();
        }
        return validator;
    }
}
