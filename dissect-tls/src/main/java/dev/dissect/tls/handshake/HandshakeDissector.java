package dev.dissect.tls.handshake;

import static dev.dissect.tls.handshake.HandshakeFields.*;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.FieldDef;
import dev.dissect.net.wire.TlsCertificate12View;
import dev.dissect.net.wire.TlsCertificate13View;
import dev.dissect.net.wire.TlsCertificateEntry12View;
import dev.dissect.net.wire.TlsCertificateEntry13View;
import dev.dissect.net.wire.TlsCertificateRequest13View;
import dev.dissect.net.wire.TlsCertificateStatusView;
import dev.dissect.net.wire.TlsClientHelloView;
import dev.dissect.net.wire.TlsDheParamsView;
import dev.dissect.net.wire.TlsDigitallySignedView;
import dev.dissect.net.wire.TlsEcdheParamsView;
import dev.dissect.net.wire.TlsExtensionView;
import dev.dissect.net.wire.TlsExtensionsView;
import dev.dissect.net.wire.TlsKeyUpdateView;
import dev.dissect.net.wire.TlsNewSessionTicket12View;
import dev.dissect.net.wire.TlsNewSessionTicket13View;
import dev.dissect.net.wire.TlsOpaque16View;
import dev.dissect.net.wire.TlsOpaque8View;
import dev.dissect.net.wire.TlsServerHelloView;
import dev.dissect.net.wire.TlsU16ListView;
import dev.dissect.tls.cert.CertificateFields;
import dev.dissect.tls.connection.TlsConnection;
import dev.dissect.tls.fingerprint.FingerprintFields;
import dev.dissect.tls.fingerprint.HelloFingerprints;
import dev.dissect.tls.record.TlsRecordFields;

/**
 * Dissects one complete handshake message (header and body) into tshark's {@code tls.handshake.*} fields, and
 * fills in the connection summary: hello facts, fingerprints, certificates, resumption.
 *
 * <p><b>Never throws on bad bytes:</b> every body is checked with its generated view ({@code validate()}) before a
 * getter is trusted; a body shorter than its fields records {@link TlsRecordFields#HANDSHAKE_TRUNCATED} and the
 * fields read so far stay. Stateless apart from the {@link CertificateSink}: one instance serves every flow.
 *
 * <p>RFC 8446 section 4 (TLS 1.3), RFC 5246 section 7.4 (TLS 1.2), RFC 8422 (ECDHE), RFC 6066 (status).
 */
public final class HandshakeDissector {
    /** SHA-256 of "HelloRetryRequest": the ServerHello random that marks a HelloRetryRequest (RFC 8446 4.1.3). */
    private static final byte[] HELLO_RETRY_RANDOM = {
            (byte) 0xcf, 0x21, (byte) 0xad, 0x74, (byte) 0xe5, (byte) 0x9a, 0x61, 0x11, (byte) 0xbe, 0x1d,
            (byte) 0x8c, 0x02, 0x1e, 0x65, (byte) 0xb8, (byte) 0x91, (byte) 0xc2, (byte) 0xa2, 0x11, 0x16,
            0x7a, (byte) 0xbb, (byte) 0x8c, 0x5e, 0x07, (byte) 0x9e, 0x09, (byte) 0xe2, (byte) 0xc8, (byte) 0xa8,
            0x33, (byte) 0x9c};

    private final CertificateSink certificates;
    private final ExtensionDissector extensions = new ExtensionDissector();

    public HandshakeDissector(CertificateSink certificates) {
        this.certificates = certificates;
    }

    /**
     * Dissects the message at {@code [offset, offset + length)}: four header bytes and the body.
     *
     * @return the info-column name of the message ("Server Hello", "Hello Retry Request")
     */
    public String dissect(Dissection tree, ByteView d, int offset, int length, HandshakeSession session,
                          boolean fromServer) {
        int type = d.u8(offset);
        int bodyLength = d.u24(offset + 1);
        tree.add(TYPE, d, offset, 1, type);
        tree.add(LENGTH, d, offset + 1, 3, bodyLength);
        int body = offset + 4;
        int n = Math.min(bodyLength, length - 4);
        String name = HandshakeTypes.name(type);
        if (fromServer && type != HandshakeTypes.CERTIFICATE && type != HandshakeTypes.CERTIFICATE_STATUS) {
            session.stapleDone();
        }
        switch (type) {
            case HandshakeTypes.CLIENT_HELLO -> clientHello(tree, d, body, n, session);
            case HandshakeTypes.SERVER_HELLO -> {
                if (serverHello(tree, d, body, n, session)) {
                    name = "Hello Retry Request";
                }
            }
            case HandshakeTypes.NEW_SESSION_TICKET -> newSessionTicket(tree, d, body, n, session);
            case HandshakeTypes.ENCRYPTED_EXTENSIONS -> extensionBlock(tree, d, body, n, type, null, session, true);
            case HandshakeTypes.CERTIFICATE -> {
                certificate(tree, d, body, n, session, fromServer);
                if (fromServer) {
                    session.endChain();
                }
            }
            case HandshakeTypes.SERVER_KEY_EXCHANGE -> serverKeyExchange(tree, d, body, n, session);
            case HandshakeTypes.CERTIFICATE_REQUEST -> certificateRequest(tree, d, body, n, session);
            case HandshakeTypes.CERTIFICATE_VERIFY -> certificateVerify(tree, d, body, n, session);
            case HandshakeTypes.CLIENT_KEY_EXCHANGE -> clientKeyExchange(tree, d, body, n, session);
            case HandshakeTypes.FINISHED -> tree.add(VERIFY_DATA, d, body, n, 0);
            case HandshakeTypes.CERTIFICATE_STATUS -> {
                byte[] staple = certificateStatus(tree, d, body, n);
                if (fromServer && staple != null) {
                    session.staple(0, staple);
                }
                session.stapleDone();
            }
            case HandshakeTypes.KEY_UPDATE -> keyUpdate(tree, d, body, n);
            default -> {
                // hello_request, end_of_early_data, server_hello_done: empty bodies. Others: kept as bytes.
            }
        }
        return name != null ? name : "Unknown Handshake Message (" + type + ")";
    }

    private static void truncated(Dissection tree, int offset, int length, String what) {
        tree.diagnose(TlsRecordFields.HANDSHAKE_TRUNCATED, offset, length, what);
    }

    // ---------------------------------------------------------------- hellos

    private void clientHello(Dissection tree, ByteView d, int off, int len, HandshakeSession session) {
        TlsClientHelloView v = new TlsClientHelloView().wrap(d, off, len);
        if (v.validate() < 0) {
            truncated(tree, off, len, "ClientHello");
            return;
        }
        HelloFacts facts = new HelloFacts(false);
        facts.version = v.version();
        tree.add(VERSION, d, off, 2, v.version());
        tree.addBytes(RANDOM, d, v.randomOffset(), 32);
        tree.add(SESSION_ID_LENGTH, d, off + 34, 1, v.sessionIdLength());
        if (v.sessionIdLength() > 0) {
            tree.addBytes(SESSION_ID, d, v.sessionIdRegionOffset(), v.sessionIdLength());
        }
        tree.add(CIPHER_SUITES_LENGTH, d, v.cipherSuitesRegionOffset() - 2, 2, v.cipherSuitesLength());
        int cs = v.cipherSuitesRegionOffset();
        for (int i = 0; i + 1 < v.cipherSuitesLength(); i += 2) {
            int suite = d.u16(cs + i);
            facts.ciphers.add(suite);
            tree.add(CIPHER_SUITE, d, cs + i, 2, suite);
        }
        tree.add(COMP_METHODS_LENGTH, d, v.compressionMethodsRegionOffset() - 1, 1, v.compressionMethodsLength());
        for (int i = 0; i < v.compressionMethodsLength(); i++) {
            int at = v.compressionMethodsRegionOffset() + i;
            tree.add(COMP_METHOD, d, at, 1, d.u8(at));
        }
        TlsConnection c = session.connection();
        c.setClientHello(v.version(), d.toArray(v.sessionIdRegionOffset(), v.sessionIdLength()));
        extensionBlock(tree, d, v.extensionsBlockOffset(), v.extensionsBlockLength(), HandshakeTypes.CLIENT_HELLO,
                facts, session, false);
        for (int i = 0; i < facts.extensions.size(); i++) {
            if (facts.extensions.get(i) == ExtensionTypes.EARLY_DATA) {
                session.earlyDataOffered = true;
            }
        }
        HelloFingerprints prints = new HelloFingerprints(facts);
        if (tree.records(FingerprintFields.JA4)) {
            tree.addString(FingerprintFields.JA4, null, 0, 0, prints.ja4());
        }
        if (tree.records(FingerprintFields.JA4_R)) {
            tree.addString(FingerprintFields.JA4_R, null, 0, 0, prints.ja4Raw());
        }
        if (tree.records(FingerprintFields.JA3_FULL)) {
            tree.addString(FingerprintFields.JA3_FULL, null, 0, 0, prints.ja3Full());
        }
        if (tree.records(FingerprintFields.JA3)) {
            tree.addString(FingerprintFields.JA3, null, 0, 0, prints.ja3());
        }
        c.setClientFingerprints(prints);
    }

    /** @return true if this was a HelloRetryRequest */
    private boolean serverHello(Dissection tree, ByteView d, int off, int len, HandshakeSession session) {
        if (len >= 2 && (d.u16(off) & 0xff00) == 0x7f00) {
            draftServerHello(tree, d, off, len, session);
            return false;
        }
        TlsServerHelloView v = new TlsServerHelloView().wrap(d, off, len);
        if (v.validate() < 0) {
            truncated(tree, off, len, "ServerHello");
            return false;
        }
        HelloFacts facts = new HelloFacts(true);
        facts.version = v.version();
        boolean retry = d.bytesEqual(v.randomOffset(), HELLO_RETRY_RANDOM);
        tree.add(VERSION, d, off, 2, v.version());
        tree.addBytes(RANDOM, d, v.randomOffset(), 32);
        tree.add(SESSION_ID_LENGTH, d, off + 34, 1, v.sessionIdLength());
        if (v.sessionIdLength() > 0) {
            tree.addBytes(SESSION_ID, d, v.sessionIdRegionOffset(), v.sessionIdLength());
        }
        int suiteAt = v.sessionIdRegionOffset() + v.sessionIdLength();
        tree.add(CIPHER_SUITE, d, suiteAt, 2, v.cipherSuite());
        tree.add(COMP_METHOD, d, suiteAt + 2, 1, v.compressionMethod());
        facts.ciphers.add(v.cipherSuite());
        extensionBlock(tree, d, v.extensionsBlockOffset(), v.extensionsBlockLength(),
                retry ? HandshakeTypes.HELLO_RETRY_REQUEST : HandshakeTypes.SERVER_HELLO, facts, session, true);
        session.version = facts.supportedVersion >= 0 ? facts.supportedVersion : v.version();
        session.serverHelloSeen = true;
        for (int i = 0; i < facts.extensions.size(); i++) {
            if (facts.extensions.get(i) == ExtensionTypes.STATUS_REQUEST && !session.tls13()) {
                session.stapleExpected = true;
            }
        }
        TlsConnection c = session.connection();
        c.setServerHello(session.version, v.cipherSuite(),
                d.toArray(v.sessionIdRegionOffset(), v.sessionIdLength()), retry);
        serverFingerprints(tree, c, facts);
        return retry;
    }

    /**
     * A ServerHello of a TLS 1.3 draft before draft 22, whose version field is {@code 0x7fXX}: no session id and no
     * compression method (draft-ietf-tls-tls13-21 section 4.1.3), so tshark shows neither.
     *
     * <pre>
     * version(2) random(32) cipher_suite(2) extensions&lt;6..2^16-1&gt;
     * </pre>
     */
    private void draftServerHello(Dissection tree, ByteView d, int off, int len, HandshakeSession session) {
        if (len < 36) {
            truncated(tree, off, len, "ServerHello");
            return;
        }
        HelloFacts facts = new HelloFacts(true);
        int version = d.u16(off);
        int suite = d.u16(off + 34);
        facts.version = version;
        tree.add(VERSION, d, off, 2, version);
        tree.addBytes(RANDOM, d, off + 2, 32);
        tree.add(CIPHER_SUITE, d, off + 34, 2, suite);
        facts.ciphers.add(suite);
        extensionBlock(tree, d, off + 36, len - 36, HandshakeTypes.SERVER_HELLO, facts, session, true);
        session.version = version;
        session.serverHelloSeen = true;
        TlsConnection c = session.connection();
        c.setServerHello(version, suite, new byte[0], false);
        serverFingerprints(tree, c, facts);
    }

    /** JA3S, recorded if wanted; the connection keeps it for whoever reads it later. */
    private static void serverFingerprints(Dissection tree, TlsConnection c, HelloFacts facts) {
        HelloFingerprints prints = new HelloFingerprints(facts);
        if (tree.records(FingerprintFields.JA3S_FULL)) {
            tree.addString(FingerprintFields.JA3S_FULL, null, 0, 0, prints.ja3Full());
        }
        if (tree.records(FingerprintFields.JA3S)) {
            tree.addString(FingerprintFields.JA3S, null, 0, 0, prints.ja3());
        }
        c.setServerFingerprints(prints);
    }

    /** The two-byte length and extensions after a hello (or in EncryptedExtensions, CertificateRequest 1.3). */
    private void extensionBlock(Dissection tree, ByteView d, int off, int len, int msgType, HelloFacts facts,
                                HandshakeSession session, boolean fromServer) {
        if (len == 0) {
            return;
        }
        TlsExtensionsView block = new TlsExtensionsView().wrap(d, off, len);
        if (len < 2) {
            truncated(tree, off, len, "extensions length");
            return;
        }
        tree.add(EXTENSIONS_LENGTH, d, off, 2, block.extensionsLength());
        int start = block.extensionsRegionOffset();
        int end = start + block.extensionsLength();
        if (block.validate() < 0) {
            tree.diagnose(TlsRecordFields.BAD_LENGTH, off, len, "extensions length " + block.extensionsLength()
                    + " > " + (len - 2) + " bytes left");
            end = off + len;
        }
        TlsExtensionView ext = new TlsExtensionView();
        int p = start;
        while (p < end) {
            ext.wrap(d, p, end - p);
            if (ext.validate() < 0) {
                if (end - p >= 4) {
                    tree.add(EXTENSION_TYPE, d, p, 2, ext.extensionType());
                    tree.add(EXTENSION_LEN, d, p + 2, 2, ext.extensionLength());
                }
                tree.diagnose(TlsRecordFields.BAD_LENGTH, p, end - p, "extension longer than the list");
                return;
            }
            int type = ext.extensionType();
            tree.add(EXTENSION_TYPE, d, p, 2, type);
            tree.add(EXTENSION_LEN, d, p + 2, 2, ext.extensionLength());
            if (facts != null) {
                facts.extensions.add(type);
            }
            extensions.dissect(tree, d, ext.dataOffset(), ext.dataLength(), type, msgType, facts, session);
            p += 4 + ext.dataLength();
        }
    }

    // ---------------------------------------------------------------- tickets and certificates

    private void newSessionTicket(Dissection tree, ByteView d, int off, int len, HandshakeSession session) {
        if (session.tls13()) {
            TlsNewSessionTicket13View v = new TlsNewSessionTicket13View().wrap(d, off, len);
            if (v.validate() < 0) {
                truncated(tree, off, len, "NewSessionTicket");
                return;
            }
            tree.add(SESSION_TICKET_LIFETIME_HINT, d, off, 4, v.lifetime());
            tree.add(SESSION_TICKET_AGE_ADD, d, off + 4, 4, v.ageAdd());
            tree.add(SESSION_TICKET_NONCE_LENGTH, d, off + 8, 1, v.nonceLength());
            tree.addBytes(SESSION_TICKET_NONCE, d, v.nonceRegionOffset(), v.nonceLength());
            tree.add(SESSION_TICKET_LENGTH, d, v.ticketRegionOffset() - 2, 2, v.ticketLength());
            tree.addBytes(SESSION_TICKET, d, v.ticketRegionOffset(), v.ticketLength());
            extensionBlock(tree, d, v.extensionsOffset(), v.extensionsLength(), HandshakeTypes.NEW_SESSION_TICKET,
                    null, session, true);
        } else {
            TlsNewSessionTicket12View v = new TlsNewSessionTicket12View().wrap(d, off, len);
            if (v.validate() < 0) {
                truncated(tree, off, len, "NewSessionTicket");
                return;
            }
            tree.add(SESSION_TICKET_LIFETIME_HINT, d, off, 4, v.lifetimeHint());
            tree.add(SESSION_TICKET_LENGTH, d, off + 4, 2, v.ticketLength());
            tree.addBytes(SESSION_TICKET, d, v.ticketRegionOffset(), v.ticketLength());
        }
        session.connection().setTicketIssued();
    }

    private void certificate(Dissection tree, ByteView d, int off, int len, HandshakeSession session,
                             boolean fromServer) {
        TlsConnection c = session.connection();
        if (fromServer) {
            c.markServerCertificate();
        }
        int list;
        int listLength;
        boolean tls13 = session.tls13();
        if (tls13) {
            TlsCertificate13View v = new TlsCertificate13View().wrap(d, off, len);
            if (v.validate() < 0) {
                truncated(tree, off, len, "Certificate");
                return;
            }
            tree.add(CERTIFICATE_REQUEST_CONTEXT_LENGTH, d, off, 1, v.contextLength());
            if (v.contextLength() > 0) {
                tree.addBytes(CERTIFICATE_REQUEST_CONTEXT, d, v.contextRegionOffset(), v.contextLength());
            }
            tree.add(CERTIFICATES_LENGTH, d, v.certificatesRegionOffset() - 3, 3, v.certificatesLength());
            list = v.certificatesRegionOffset();
            listLength = v.certificatesLength();
        } else {
            TlsCertificate12View v = new TlsCertificate12View().wrap(d, off, len);
            if (len < 3) {
                truncated(tree, off, len, "Certificate");
                return;
            }
            tree.add(CERTIFICATES_LENGTH, d, off, 3, v.certificatesLength());
            list = v.certificatesRegionOffset();
            listLength = v.certificatesLength();
            if (v.validate() < 0) {
                tree.diagnose(TlsRecordFields.BAD_LENGTH, off, len, "certificates length " + listLength + " > "
                        + (len - 3) + " bytes left");
                listLength = len - 3;
            }
        }
        int end = list + listLength;
        TlsCertificateEntry12View e12 = new TlsCertificateEntry12View();
        TlsCertificateEntry13View e13 = new TlsCertificateEntry13View();
        int p = list;
        int index = 0;
        while (p < end) {
            int certOffset;
            int certLength;
            int next;
            if (tls13) {
                if (e13.wrap(d, p, end - p).validate() < 0) {
                    tree.diagnose(TlsRecordFields.BAD_LENGTH, p, end - p, "certificate entry longer than the list");
                    return;
                }
                certOffset = e13.certRegionOffset();
                certLength = e13.certLength();
                next = e13.extensionsRegionOffset() + e13.extensionsLength();
            } else {
                if (e12.wrap(d, p, end - p).validate() < 0) {
                    if (end - p >= 3) {
                        tree.add(CERTIFICATE_LENGTH, d, p, 3, d.u24(p));
                    }
                    tree.diagnose(TlsRecordFields.BAD_LENGTH, p, end - p, "certificate longer than the list");
                    return;
                }
                certOffset = e12.certRegionOffset();
                certLength = e12.certLength();
                next = certOffset + certLength;
            }
            tree.add(CERTIFICATE_LENGTH, d, certOffset - 3, 3, certLength);
            tree.addBytes(CERTIFICATE, d, certOffset, certLength);
            certificates.add(tree, d, certOffset, certLength, session.limits());
            if (c.wantsCertificate(certLength)) {
                byte[] der = d.toArray(certOffset, certLength);
                c.addCertificate(der, fromServer);
                if (fromServer) {
                    session.addChainCertificate(der);
                }
            } else {
                c.skipCertificate(fromServer);
            }
            if (tls13 && e13.extensionsLength() > 0) {
                if (fromServer) {
                    byte[] staple = entryStaple(d, e13.extensionsRegionOffset(), e13.extensionsLength());
                    if (staple != null) {
                        session.staple(index, staple);
                    }
                }
                extensionBlock(tree, d, e13.extensionsRegionOffset() - 2, e13.extensionsLength() + 2,
                        HandshakeTypes.CERTIFICATE, null, session, fromServer);
            }
            p = next;
            index++;
        }
    }

    /** The OCSP response of a TLS 1.3 CertificateEntry's status_request extension (RFC 8446 4.4.2.1), or null. */
    private static byte[] entryStaple(ByteView d, int off, int len) {
        int p = off;
        int end = off + len;
        while (end - p >= 4) {
            int type = d.u16(p);
            int n = d.u16(p + 2);
            if (n > end - p - 4) {
                return null;
            }
            if (type == ExtensionTypes.STATUS_REQUEST && n >= 4 && d.u8(p + 4) == 1 && d.u24(p + 5) <= n - 4) {
                return d.toArray(p + 8, d.u24(p + 5));
            }
            p += 4 + n;
        }
        return null;
    }

    // ---------------------------------------------------------------- key exchange

    private void serverKeyExchange(Dissection tree, ByteView d, int off, int len, HandshakeSession session) {
        int signature;
        int signatureLength;
        TlsEcdheParamsView ec = new TlsEcdheParamsView().wrap(d, off, len);
        if (len >= 4 && d.u8(off) == 3 && ec.validate() >= 0) {
            session.kex = HandshakeSession.KEX_ECDHE;
            tree.add(SERVER_CURVE_TYPE, d, off, 1, ec.curveType());
            tree.add(SERVER_NAMED_CURVE, d, off + 1, 2, ec.namedCurve());
            tree.add(SERVER_POINT_LEN, d, off + 3, 1, ec.pointLength());
            tree.addBytes(SERVER_POINT, d, ec.pointRegionOffset(), ec.pointLength());
            signature = ec.signatureOffset();
            signatureLength = ec.signatureLength();
        } else {
            TlsDheParamsView dh = new TlsDheParamsView().wrap(d, off, len);
            if (dh.validate() < 0) {
                truncated(tree, off, len, "ServerKeyExchange");
                return;
            }
            session.kex = HandshakeSession.KEX_DHE;
            tree.add(P_LEN, d, off, 2, dh.pLength());
            tree.addBytes(P, d, dh.pRegionOffset(), dh.pLength());
            tree.add(G_LEN, d, dh.gRegionOffset() - 2, 2, dh.gLength());
            tree.addBytes(G, d, dh.gRegionOffset(), dh.gLength());
            tree.add(YS_LEN, d, dh.ysRegionOffset() - 2, 2, dh.ysLength());
            tree.addBytes(YS, d, dh.ysRegionOffset(), dh.ysLength());
            signature = dh.signatureOffset();
            signatureLength = dh.signatureLength();
        }
        signature(tree, d, signature, signatureLength, session, SIG_LEN, SIG);
    }

    /** A TLS 1.2 digitally-signed struct, or before 1.2 a bare two-byte length and signature. */
    private static void signature(Dissection tree, ByteView d, int off, int len, HandshakeSession session,
                                  FieldDef lengthField, FieldDef sigField) {
        if (len == 0) {
            return; // anonymous key exchange
        }
        boolean withAlgorithm = session.version() >= 0x0303 || session.version() == -1;
        if (withAlgorithm) {
            TlsDigitallySignedView s = new TlsDigitallySignedView().wrap(d, off, len);
            if (s.validate() < 0) {
                truncated(tree, off, len, "signature");
                return;
            }
            tree.add(SIG_HASH_ALG, d, off, 2, s.algorithm());
            tree.add(lengthField, d, off + 2, 2, s.signatureLength());
            tree.addBytes(sigField, d, s.signatureRegionOffset(), s.signatureLength());
        } else {
            TlsOpaque16View s = new TlsOpaque16View().wrap(d, off, len);
            if (s.validate() < 0) {
                truncated(tree, off, len, "signature");
                return;
            }
            tree.add(lengthField, d, off, 2, s.dataLength());
            tree.addBytes(sigField, d, s.dataRegionOffset(), s.dataLength());
        }
    }

    private void certificateRequest(Dissection tree, ByteView d, int off, int len, HandshakeSession session) {
        if (session.tls13()) {
            TlsCertificateRequest13View v = new TlsCertificateRequest13View().wrap(d, off, len);
            if (v.validate() < 0) {
                truncated(tree, off, len, "CertificateRequest");
                return;
            }
            tree.add(CERTIFICATE_REQUEST_CONTEXT_LENGTH, d, off, 1, v.contextLength());
            extensionBlock(tree, d, v.extensionsOffset(), v.extensionsLength(), HandshakeTypes.CERTIFICATE_REQUEST,
                    null, session, true);
            return;
        }
        if (len < 1 || 1 + d.u8(off) > len) {
            truncated(tree, off, len, "CertificateRequest");
            return;
        }
        int count = d.u8(off);
        tree.add(CERT_TYPES_COUNT, d, off, 1, count);
        for (int i = 0; i < count; i++) {
            tree.add(CERT_TYPE, d, off + 1 + i, 1, d.u8(off + 1 + i));
        }
        int p = off + 1 + count;
        int end = off + len;
        TlsU16ListView list = new TlsU16ListView();
        if (session.version() >= 0x0303) {
            if (list.wrap(d, p, end - p).validate() < 0) {
                truncated(tree, p, end - p, "signature algorithms");
                return;
            }
            tree.add(SIG_HASH_ALG_LEN, d, p, 2, list.listLength());
            for (int i = 0; i + 1 < list.listLength(); i += 2) {
                tree.add(SIG_HASH_ALG, d, list.itemsOffset() + i, 2, d.u16(list.itemsOffset() + i));
            }
            p = list.itemsOffset() + list.listLength();
        }
        if (list.wrap(d, p, end - p).validate() < 0) {
            truncated(tree, p, end - p, "distinguished names");
            return;
        }
        tree.add(DNAMES_LEN, d, p, 2, list.listLength());
        int q = list.itemsOffset();
        int listEnd = q + list.listLength();
        while (listEnd - q >= 2 && d.u16(q) <= listEnd - q - 2) {
            CertificateFields.nameLayers(tree, d, q + 2, d.u16(q)); // tshark's x509sat layer per attribute
            q += 2 + d.u16(q);
        }
    }

    private void certificateVerify(Dissection tree, ByteView d, int off, int len, HandshakeSession session) {
        signature(tree, d, off, len, session, CLIENT_CERT_VRFY_SIG_LEN, CLIENT_CERT_VRFY_SIG);
    }

    private void clientKeyExchange(Dissection tree, ByteView d, int off, int len, HandshakeSession session) {
        switch (session.kex) {
            case HandshakeSession.KEX_ECDHE -> {
                TlsOpaque8View v = new TlsOpaque8View().wrap(d, off, len);
                if (v.validate() < 0) {
                    truncated(tree, off, len, "ClientKeyExchange");
                    return;
                }
                tree.add(CLIENT_POINT_LEN, d, off, 1, v.dataLength());
                tree.addBytes(CLIENT_POINT, d, v.dataRegionOffset(), v.dataLength());
            }
            case HandshakeSession.KEX_DHE -> {
                TlsOpaque16View v = new TlsOpaque16View().wrap(d, off, len);
                if (v.validate() < 0) {
                    truncated(tree, off, len, "ClientKeyExchange");
                    return;
                }
                tree.add(YC_LEN, d, off, 2, v.dataLength());
                tree.addBytes(YC, d, v.dataRegionOffset(), v.dataLength());
            }
            default -> {
                if (session.version() == 0x0300) {
                    tree.addBytes(EPMS, d, off, len); // SSL 3.0: no length prefix (RFC 6101 5.6.7.1)
                    return;
                }
                TlsOpaque16View v = new TlsOpaque16View().wrap(d, off, len);
                if (v.validate() < 0) {
                    truncated(tree, off, len, "ClientKeyExchange");
                    return;
                }
                tree.add(EPMS_LEN, d, off, 2, v.dataLength());
                tree.addBytes(EPMS, d, v.dataRegionOffset(), v.dataLength());
            }
        }
    }

    /** @return the OCSP response (status type 1), or null */
    private byte[] certificateStatus(Dissection tree, ByteView d, int off, int len) {
        TlsCertificateStatusView v = new TlsCertificateStatusView().wrap(d, off, len);
        if (v.validate() < 0) {
            truncated(tree, off, len, "CertificateStatus");
            return null;
        }
        tree.add(CERT_STATUS_TYPE, d, off, 1, v.statusType());
        tree.add(OCSP_RESPONSE_LEN, d, off + 1, 3, v.responseLength());
        if (v.statusType() != 1) {
            return null;
        }
        CertificateFields.ocspLayers(tree, d, off + 4, v.responseLength()); // tshark's ocsp, x509sat ... layers
        return d.toArray(off + 4, v.responseLength());
    }

    private void keyUpdate(Dissection tree, ByteView d, int off, int len) {
        TlsKeyUpdateView v = new TlsKeyUpdateView().wrap(d, off, len);
        if (v.validate() < 0) {
            truncated(tree, off, len, "KeyUpdate");
            return;
        }
        tree.add(KEY_UPDATE_REQUEST, d, off, 1, v.requestUpdate());
    }
}
