package dev.dissect.tls.cert;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.Base;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.DiagnosticGroup;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.FieldType;
import dev.dissect.api.field.Protocol;
import dev.dissect.net.engine.CoreFields;
import dev.dissect.net.engine.Limits;
import dev.dissect.tls.handshake.CertificateSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.bouncycastle.asn1.ASN1BMPString;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1T61String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.ASN1UniversalString;
import org.bouncycastle.asn1.ocsp.OCSPRequest;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;

/**
 * Dissects one DER certificate into the fields tshark 4.0's x509af, x509if, x509sat, x509ce and pkcs1 dissectors
 * emit, with their names and {@code -T fields} formats.
 *
 * <p><b>Bad bytes never throw.</b> A certificate that is too large (over 64 KiB), nested too deep (over 32 levels),
 * not DER, or not a certificate gets the diagnostic {@link #MALFORMED} and no x509 field; the caller's own field
 * ({@code tls.handshake.certificate}) keeps it as bytes. <b>Fields point into {@code data}</b>: offsets and lengths
 * are the element's, as tshark's, found by locating each element's DER encoding (which bcprov re-creates
 * byte-for-byte from DER input) in document order. Input that is BER but not DER is dissected from its DER
 * re-encoding instead and flagged {@link #NOT_DER}.
 *
 * <h2>What is emitted, in order</h2>
 * <pre>
 * x509af.version (INT, only if encoded)  x509af.serialNumber (BYTES)  x509af.algorithm.id (OID as text)
 * x509af.issuer (0 = rdnSequence)  x509if.rdnSequence (RDN count)
 *   per RDN: x509if.RDNSequence_item (attribute count); per attribute: x509if.oid, then
 *     countryName: x509sat.CountryName; serialNumber, dnQualifier: x509sat.PrintableString;
 *     emailAddress, domainComponent: x509sat.IA5String; other DirectoryString attributes:
 *     x509sat.DirectoryString (choice: 0 teletex, 1 printable, 2 universal, 3 bmp, 4 uTF8) and
 *     x509sat.teletexString / printableString / universalString / bmpString / uTF8String
 * x509af.notBefore, x509af.notAfter (0 = utcTime, 1 = generalizedTime), each followed by
 *   x509af.utcTime "2026-11-29 10:53:36 (UTC)" or x509af.generalizedTime "Apr 16, 2054 13:15:34.000000000 UTC"
 * x509af.subject (0)  x509af.rdnSequence (sic: tshark names the subject's x509af, the issuer's x509if)  RDNs as above
 * x509af.algorithm.id (key)  pkcs1.namedCurve (EC)  x509af.subjectPublicKey  pkcs1.modulus, pkcs1.publicExponent (RSA)
 * tls.cert.key_bits (ours: tshark has no key size)
 * x509af.extensions (count); per extension: x509af.extension.id, x509af.critical (only if encoded), then
 *   basicConstraints: x509ce.cA (if encoded), x509ce.pathLenConstraint
 *   keyUsage: x509ce.KeyUsage (the bit string's bytes, e.g. a0) and the nine x509ce.KeyUsage.* booleans
 *   extKeyUsage: x509ce.KeyPurposeIDs (count), x509ce.KeyPurposeId per purpose
 *   subjectKeyIdentifier: x509ce.SubjectKeyIdentifier   authorityKeyIdentifier: x509ce.keyIdentifier
 *   subjectAltName: x509ce.GeneralNames (count); per name x509ce.GeneralName (choice) and x509ce.dNSName,
 *     x509ce.rfc822Name, x509ce.uniformResourceIdentifier or x509ce.IPAddress.ipv4 / x509ce.IPAddress.ipv6
 * x509af.algorithm.id (signature)  x509af.encrypted (signature value)
 * </pre>
 * Labels without values ({@code x509af.signedCertificate_element} and the like) are not emitted: {@code -T fields}
 * prints nothing for them. Other extensions get only their id and criticality.
 *
 * <p>Stateless; constants only.
 */
public final class CertificateFields {
    public static final FieldDef VERSION = new FieldDef("x509af.version", "version", FieldType.INT, Base.DEC, 0, "");
    public static final FieldDef SERIAL_NUMBER = FieldDef.bytes("x509af.serialNumber", "serialNumber");
    public static final FieldDef ALGORITHM_ID = FieldDef.string("x509af.algorithm.id", "Algorithm Id");
    public static final FieldDef ISSUER = FieldDef.uint("x509af.issuer", "issuer", 4, Base.DEC);
    public static final FieldDef SUBJECT = FieldDef.uint("x509af.subject", "subject", 4, Base.DEC);
    public static final FieldDef ISSUER_RDN_SEQUENCE = FieldDef.uint("x509if.rdnSequence", "rdnSequence", 4, Base.DEC);
    public static final FieldDef SUBJECT_RDN_SEQUENCE = FieldDef.uint("x509af.rdnSequence", "rdnSequence", 4, Base.DEC);
    public static final FieldDef RDN_SEQUENCE_ITEM =
            FieldDef.uint("x509if.RDNSequence_item", "RDNSequence item", 4, Base.DEC);
    public static final FieldDef ATTRIBUTE_OID = FieldDef.string("x509if.oid", "Object Id");
    public static final FieldDef COUNTRY_NAME = FieldDef.string("x509sat.CountryName", "CountryName");
    public static final FieldDef PRINTABLE_STRING_VALUE = FieldDef.string("x509sat.PrintableString", "PrintableString");
    public static final FieldDef IA5_STRING = FieldDef.string("x509sat.IA5String", "IA5String");
    public static final FieldDef DIRECTORY_STRING = FieldDef.uint("x509sat.DirectoryString", "DirectoryString", 4, Base.DEC);
    public static final FieldDef TELETEX_STRING = FieldDef.string("x509sat.teletexString", "teletexString");
    public static final FieldDef PRINTABLE_STRING = FieldDef.string("x509sat.printableString", "printableString");
    public static final FieldDef UNIVERSAL_STRING = FieldDef.string("x509sat.universalString", "universalString");
    public static final FieldDef BMP_STRING = FieldDef.string("x509sat.bmpString", "bmpString");
    public static final FieldDef UTF8_STRING = FieldDef.string("x509sat.uTF8String", "uTF8String");
    public static final FieldDef NOT_BEFORE = FieldDef.uint("x509af.notBefore", "notBefore", 4, Base.DEC);
    public static final FieldDef NOT_AFTER = FieldDef.uint("x509af.notAfter", "notAfter", 4, Base.DEC);
    public static final FieldDef UTC_TIME = FieldDef.string("x509af.utcTime", "utcTime");
    /** tshark's type is FT_ABSOLUTE_TIME, printed in UTC as below; ours is that text. */
    public static final FieldDef GENERALIZED_TIME = FieldDef.string("x509af.generalizedTime", "generalizedTime")
            .describedAs("Printed as tshark prints it: Apr 16, 2054 13:15:34.000000000 UTC");
    public static final FieldDef SUBJECT_PUBLIC_KEY = FieldDef.bytes("x509af.subjectPublicKey", "subjectPublicKey");
    public static final FieldDef NAMED_CURVE = FieldDef.string("pkcs1.namedCurve", "namedCurve");
    public static final FieldDef MODULUS = FieldDef.bytes("pkcs1.modulus", "modulus");
    public static final FieldDef PUBLIC_EXPONENT =
            new FieldDef("pkcs1.publicExponent", "publicExponent", FieldType.INT, Base.DEC, 0, "");
    public static final FieldDef KEY_BITS = FieldDef.uint("tls.cert.key_bits", "Public key size (bits)", 4, Base.DEC)
            .describedAs("Ours, not tshark's: RSA modulus, EC field or DSA prime size in bits; 256 Ed25519, 456 Ed448");
    public static final FieldDef EXTENSIONS = FieldDef.uint("x509af.extensions", "extensions", 4, Base.DEC);
    public static final FieldDef EXTENSION_ID = FieldDef.string("x509af.extension.id", "Extension Id");
    public static final FieldDef CRITICAL = FieldDef.bool("x509af.critical", "critical");
    public static final FieldDef CA = FieldDef.bool("x509ce.cA", "cA");
    public static final FieldDef PATH_LEN_CONSTRAINT =
            FieldDef.uint("x509ce.pathLenConstraint", "pathLenConstraint", 8, Base.DEC);
    public static final FieldDef KEY_USAGE = FieldDef.bytes("x509ce.KeyUsage", "KeyUsage");
    /** The nine KeyUsage bits, in bit order (digitalSignature is bit 0). */
    public static final List<FieldDef> KEY_USAGE_BITS = List.of(
            FieldDef.bool("x509ce.KeyUsage.digitalSignature", "digitalSignature"),
            FieldDef.bool("x509ce.KeyUsage.contentCommitment", "contentCommitment"),
            FieldDef.bool("x509ce.KeyUsage.keyEncipherment", "keyEncipherment"),
            FieldDef.bool("x509ce.KeyUsage.dataEncipherment", "dataEncipherment"),
            FieldDef.bool("x509ce.KeyUsage.keyAgreement", "keyAgreement"),
            FieldDef.bool("x509ce.KeyUsage.keyCertSign", "keyCertSign"),
            FieldDef.bool("x509ce.KeyUsage.cRLSign", "cRLSign"),
            FieldDef.bool("x509ce.KeyUsage.encipherOnly", "encipherOnly"),
            FieldDef.bool("x509ce.KeyUsage.decipherOnly", "decipherOnly"));
    public static final FieldDef KEY_PURPOSE_IDS = FieldDef.uint("x509ce.KeyPurposeIDs", "KeyPurposeIDs", 4, Base.DEC);
    public static final FieldDef KEY_PURPOSE_ID = FieldDef.string("x509ce.KeyPurposeId", "KeyPurposeId");
    public static final FieldDef SUBJECT_KEY_IDENTIFIER = FieldDef.bytes("x509ce.SubjectKeyIdentifier", "SubjectKeyIdentifier");
    public static final FieldDef KEY_IDENTIFIER = FieldDef.bytes("x509ce.keyIdentifier", "keyIdentifier");
    public static final FieldDef GENERAL_NAMES = FieldDef.uint("x509ce.GeneralNames", "GeneralNames", 4, Base.DEC);
    public static final FieldDef GENERAL_NAME = FieldDef.uint("x509ce.GeneralName", "GeneralName", 4, Base.DEC);
    public static final FieldDef DNS_NAME = FieldDef.string("x509ce.dNSName", "dNSName");
    public static final FieldDef RFC822_NAME = FieldDef.string("x509ce.rfc822Name", "rfc822Name");
    public static final FieldDef URI = FieldDef.string("x509ce.uniformResourceIdentifier", "uniformResourceIdentifier");
    public static final FieldDef IP_ADDRESS_V4 = FieldDef.ipv4("x509ce.IPAddress.ipv4", "iPAddress");
    public static final FieldDef IP_ADDRESS_V6 = FieldDef.ipv6("x509ce.IPAddress.ipv6", "iPAddress");
    public static final FieldDef ENCRYPTED = FieldDef.bytes("x509af.encrypted", "encrypted");

    /** The certificate could not be read: too large, too deep, not DER, or not a certificate. */
    public static final DiagnosticDef MALFORMED = DiagnosticDef.malformed("x509.malformed", "Malformed certificate");
    /** BER that is not DER: the fields point into bcprov's DER re-encoding, not the frame. */
    public static final DiagnosticDef NOT_DER =
            DiagnosticDef.warning("x509.not_der", "Certificate is not DER encoded", DiagnosticGroup.MALFORMED);

    private static final List<FieldDef> ALL = List.of(VERSION, SERIAL_NUMBER, ALGORITHM_ID, ISSUER, SUBJECT,
            ISSUER_RDN_SEQUENCE, SUBJECT_RDN_SEQUENCE, RDN_SEQUENCE_ITEM, ATTRIBUTE_OID, COUNTRY_NAME,
            PRINTABLE_STRING_VALUE, IA5_STRING, DIRECTORY_STRING, TELETEX_STRING, PRINTABLE_STRING, UNIVERSAL_STRING,
            BMP_STRING, UTF8_STRING, NOT_BEFORE, NOT_AFTER, UTC_TIME, GENERALIZED_TIME, SUBJECT_PUBLIC_KEY, NAMED_CURVE,
            MODULUS, PUBLIC_EXPONENT, KEY_BITS, EXTENSIONS, EXTENSION_ID, CRITICAL, CA, PATH_LEN_CONSTRAINT, KEY_USAGE,
            KEY_USAGE_BITS.get(0), KEY_USAGE_BITS.get(1), KEY_USAGE_BITS.get(2), KEY_USAGE_BITS.get(3),
            KEY_USAGE_BITS.get(4), KEY_USAGE_BITS.get(5), KEY_USAGE_BITS.get(6), KEY_USAGE_BITS.get(7),
            KEY_USAGE_BITS.get(8), KEY_PURPOSE_IDS, KEY_PURPOSE_ID, SUBJECT_KEY_IDENTIFIER, KEY_IDENTIFIER,
            GENERAL_NAMES, GENERAL_NAME, DNS_NAME, RFC822_NAME, URI, IP_ADDRESS_V4, IP_ADDRESS_V6, ENCRYPTED);

    private static final DateTimeFormatter TSHARK_UTC =
            DateTimeFormatter.ofPattern("MMM ppd, yyyy HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** The TLS dissector's call site for these fields, with the session's caps. */
    public static final CertificateSink SINK = new CertificateSink() {
        @Override
        public void add(Dissection tree, ByteView data, int offset, int length) {
            CertificateFields.add(tree, data, offset, length);
        }

        @Override
        public void add(Dissection tree, ByteView data, int offset, int length, Limits limits) {
            CertificateFields.add(tree, data, offset, length, limits);
        }
    };

    private CertificateFields() {
    }

    /** Every field this class can emit, for {@code -G fields} and field selection. */
    public static List<FieldDef> fields() {
        return ALL;
    }

    /**
     * Dissects the certificate at {@code data[offset, offset + length)} into the current layer of {@code tree}.
     *
     * <p>Parsing a certificate costs more than the rest of its handshake: when {@code tree} records neither an X.509
     * field nor {@code frame.protocols}, nothing is parsed (validation parses the chain on its own).
     *
     * @return the parsed certificate, for validation, or null if it was not parsed or could not be read (then
     *         {@link #MALFORMED} was reported on {@code [offset, offset + length)})
     */
    public static ParsedCertificate add(Dissection tree, ByteView data, int offset, int length) {
        return add(tree, data, offset, length, Limits.defaults());
    }

    /** {@link #add(Dissection, ByteView, int, int)} within the session's {@code x509.*} caps. */
    public static ParsedCertificate add(Dissection tree, ByteView data, int offset, int length, Limits limits) {
        if (!tree.records(CoreFields.FRAME_PROTOCOLS) && !tree.recordsAny(ALL)) {
            return null;
        }
        ParsedCertificate cert;
        try {
            cert = ParsedCertificate.parse(data.toArray(offset, length), 0, length, limits);
        } catch (CertificateParseException e) {
            tree.diagnose(MALFORMED, offset, length, e.getMessage());
            return null;
        }
        byte[] der;
        try {
            der = cert.holder().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // re-encoding an in-memory structure does not do I/O
        }
        Emitter out;
        if (Arrays.equals(der, 0, der.length, cert.der(), 0, length)) {
            out = new Emitter(tree, data, offset, der);
        } else {
            tree.diagnose(NOT_DER, offset, length, "fields point into the DER re-encoding");
            out = new Emitter(tree, ByteView.of(der), 0, der);
        }
        out.certificate(cert.holder().toASN1Structure(), cert);
        return cert;
    }

    /**
     * Lists the layers tshark shows for {@code c} ({@link CertificateLayers}, in document order) on
     * {@code [offset, offset + length)}; adds no field.
     */
    static void layers(Dissection tree, Certificate c, int offset, int length) {
        listLayers(tree, offset, length, walk -> walk.certificate(c));
    }

    /**
     * Lists an {@code x509sat} layer per attribute of the DER Name at {@code data[offset, offset + length)}, as tshark
     * does for each distinguished name of a CertificateRequest (see {@link CertificateLayers}). Adds no field; a
     * name that is not DER adds nothing.
     */
    public static void nameLayers(Dissection tree, ByteView data, int offset, int length) {
        ASN1Primitive asn1 = guardedDer(data, offset, length);
        listLayers(tree, offset, length, walk -> walk.name(X500Name.getInstance(asn1)));
    }

    /**
     * Lists the layers tshark shows for the OCSP response at {@code data[offset, offset + length)} (a TLS
     * CertificateStatus or a TLS 1.3 certificate entry's status_request): {@code ocsp} for the basic response, then
     * those of the names, extensions and certificates inside. Adds no field; bytes that are not DER add nothing.
     */
    public static void ocspLayers(Dissection tree, ByteView data, int offset, int length) {
        ASN1Primitive asn1 = guardedDer(data, offset, length);
        listLayers(tree, offset, length, walk -> walk.ocspResponse(OCSPResponse.getInstance(asn1)));
    }

    /**
     * Lists the layers tshark shows for an HTTP body of media type {@code application/ocsp-request} or
     * {@code application/ocsp-response} at {@code data[offset, offset + length)}: {@code ocsp} (the media type's
     * dissector), then those of the request or response inside. Adds no field.
     */
    public static void ocspMediaLayers(Dissection tree, ByteView data, int offset, int length, boolean response) {
        tree.nameLayer(CertificateLayers.OCSP, offset, length);
        if (response) {
            ocspLayers(tree, data, offset, length);
            return;
        }
        ASN1Primitive asn1 = guardedDer(data, offset, length);
        listLayers(tree, offset, length, walk -> walk.ocspRequest(OCSPRequest.getInstance(asn1)));
    }

    /**
     * Lists on {@code [offset, offset + length)} the layers {@code walk} finds. A part bcprov cannot read (or no DER
     * at all: null) ends the walk; what was found before it stays, as Wireshark's dissection stops there.
     */
    private static void listLayers(Dissection tree, int offset, int length, Consumer<LayerWalk> walk) {
        List<Protocol> layers = new ArrayList<>();
        try {
            walk.accept(new LayerWalk(layers));
        } catch (RuntimeException e) {
            // keep the layers found so far
        }
        for (Protocol p : layers) {
            tree.nameLayer(p, offset, length);
        }
    }

    /** The DER at {@code data[offset, offset + length)} if {@link DerGuard} accepts it and it parses, else null. */
    private static ASN1Primitive guardedDer(ByteView data, int offset, int length) {
        byte[] der = data.toArray(offset, length);
        if (DerGuard.check(der, length) != null) {
            return null;
        }
        try {
            return ASN1Primitive.fromByteArray(der);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Formats a time as tshark prints FT_ABSOLUTE_TIME fields in UTC: {@code Apr 16, 2054 13:15:34.000000000 UTC}. */
    static String tsharkUtc(Instant t) {
        String nanos = Integer.toString(t.getNano());
        return TSHARK_UTC.format(t) + "." + "0".repeat(9 - nanos.length()) + nanos + " UTC";
    }

    /** Walks one certificate in document order, finding each element in the DER and recording its fields. */
    private static final class Emitter {
        private final Dissection tree;
        private final ByteView src;
        private final int base;
        private final byte[] der;
        private int cursor;
        // The element last found: where it starts, its header's length, its whole length (in der).
        private int at;
        private int header;
        private int whole;

        Emitter(Dissection tree, ByteView src, int base, byte[] der) {
            this.tree = tree;
            this.src = src;
            this.base = base;
            this.der = der;
        }

        /** Finds {@code e}'s DER at or after the cursor and moves the cursor just past its first byte. */
        private void find(ASN1Encodable e) {
            byte[] enc;
            try {
                enc = e.toASN1Primitive().getEncoded(ASN1Encoding.DER);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
            int limit = der.length - enc.length;
            for (int i = cursor; i <= limit; i++) {
                if (Arrays.equals(der, i, i + enc.length, enc, 0, enc.length)) {
                    at = i;
                    whole = enc.length;
                    header = (enc[1] & 0x80) == 0 ? 2 : 2 + (enc[1] & 0x7F);
                    cursor = i + 1;
                    return;
                }
            }
            // DER in, DER re-encoded by the same library: every element is there in order.
            throw new IllegalStateException("element not found in its own DER encoding at " + cursor);
        }

        private void value(FieldDef def, long v) {
            tree.add(def, src, base + at, whole, v);
        }

        private void contentString(FieldDef def, CharSequence v) {
            tree.addString(def, src, base + at + header, whole - header, v);
        }

        private void contentBytes(FieldDef def, int skip) {
            tree.addBytes(def, src, base + at + header + skip, whole - header - skip);
        }

        void certificate(Certificate c, ParsedCertificate cert) {
            layers(tree, c, base, der.length);
            TBSCertificate tbs = c.getTBSCertificate();
            find(tbs);
            ASN1Encodable first = ASN1Sequence.getInstance(tbs).getObjectAt(0);
            if (first instanceof ASN1TaggedObject) { // [0] EXPLICIT Version; absent in v1 certificates
                find(first);
                int inner = header + 2; // the INTEGER's own tag and one-byte length
                tree.add(VERSION, src, base + at + inner, whole - inner, tbs.getVersion().intValueExact());
            }
            find(tbs.getSerialNumber());
            contentBytes(SERIAL_NUMBER, 0);
            algorithm(tbs.getSignature());
            name(tbs.getIssuer(), ISSUER, ISSUER_RDN_SEQUENCE);
            time(tbs.getStartDate(), NOT_BEFORE);
            time(tbs.getEndDate(), NOT_AFTER);
            name(tbs.getSubject(), SUBJECT, SUBJECT_RDN_SEQUENCE);
            publicKey(tbs.getSubjectPublicKeyInfo(), cert);
            if (tbs.getExtensions() != null) {
                extensions(tbs.getExtensions());
            }
            algorithm(c.getSignatureAlgorithm());
            find(c.getSignature());
            contentBytes(ENCRYPTED, 1);
        }

        private void algorithm(AlgorithmIdentifier a) {
            find(a);
            find(a.getAlgorithm());
            contentString(ALGORITHM_ID, a.getAlgorithm().getId());
        }

        private void name(X500Name name, FieldDef choice, FieldDef sequence) {
            find(name);
            value(choice, 0);
            tree.add(sequence, src, base + at + header, whole - header, name.getRDNs().length);
            for (RDN rdn : name.getRDNs()) {
                find(rdn);
                value(RDN_SEQUENCE_ITEM, rdn.size());
                for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                    find(atv.getType());
                    contentString(ATTRIBUTE_OID, atv.getType().getId());
                    attributeValue(atv.getType(), atv.getValue());
                }
            }
        }

        private void attributeValue(ASN1ObjectIdentifier type, ASN1Encodable v) {
            if (!(v instanceof ASN1String s)) {
                return;
            }
            find(v);
            if (type.equals(BCStyle.C)) {
                contentString(COUNTRY_NAME, s.getString());
            } else if (type.equals(BCStyle.SERIALNUMBER) || type.equals(BCStyle.DN_QUALIFIER)) {
                contentString(PRINTABLE_STRING_VALUE, s.getString());
            } else if (type.equals(BCStyle.EmailAddress) || type.equals(BCStyle.DC)) {
                contentString(IA5_STRING, s.getString());
            } else {
                int choice;
                FieldDef def;
                if (v instanceof ASN1T61String) {
                    choice = 0;
                    def = TELETEX_STRING;
                } else if (v instanceof ASN1PrintableString) {
                    choice = 1;
                    def = PRINTABLE_STRING;
                } else if (v instanceof ASN1UniversalString) {
                    choice = 2;
                    def = UNIVERSAL_STRING;
                } else if (v instanceof ASN1BMPString) {
                    choice = 3;
                    def = BMP_STRING;
                } else if (v instanceof ASN1UTF8String) {
                    choice = 4;
                    def = UTF8_STRING;
                } else {
                    return; // IA5String and others are not DirectoryString choices
                }
                value(DIRECTORY_STRING, choice);
                contentString(def, s.getString());
            }
        }

        private void time(Time t, FieldDef choice) {
            find(t);
            boolean utc = t.toASN1Primitive() instanceof ASN1UTCTime;
            value(choice, utc ? 0 : 1);
            if (utc) {
                String raw = new String(der, at + header, whole - header, StandardCharsets.US_ASCII);
                contentString(UTC_TIME, utcText(raw));
            } else {
                Instant when;
                try {
                    when = ((ASN1GeneralizedTime) t.toASN1Primitive()).getDate().toInstant();
                } catch (java.text.ParseException e) {
                    return; // bcprov checked the syntax when it parsed the certificate
                }
                contentString(GENERALIZED_TIME, tsharkUtc(when));
            }
        }

        /** {@code 261129105336Z} as tshark prints it: {@code 2026-11-29 10:53:36 (UTC)} (years 50-99 are 19xx). */
        private static String utcText(String raw) {
            if (raw.length() != 13 || raw.charAt(12) != 'Z') {
                return raw; // DER's UTCTime always has seconds and Z; anything else is shown as it is
            }
            String century = raw.charAt(0) >= '5' ? "19" : "20";
            return century + raw.substring(0, 2) + "-" + raw.substring(2, 4) + "-" + raw.substring(4, 6) + " "
                    + raw.substring(6, 8) + ":" + raw.substring(8, 10) + ":" + raw.substring(10, 12) + " (UTC)";
        }

        private void publicKey(SubjectPublicKeyInfo spki, ParsedCertificate cert) {
            find(spki);
            int spkiAt = at;
            int spkiWhole = whole;
            algorithm(spki.getAlgorithm());
            ASN1Encodable params = spki.getAlgorithm().getParameters();
            if (params instanceof ASN1ObjectIdentifier curve) {
                find(curve);
                contentString(NAMED_CURVE, curve.getId());
            }
            find(spki.getPublicKeyData());
            contentBytes(SUBJECT_PUBLIC_KEY, 1);
            if ("RSA".equals(cert.keyAlgorithm())) {
                try {
                    RSAPublicKey rsa = RSAPublicKey.getInstance(spki.parsePublicKey());
                    find(new ASN1Integer(rsa.getModulus()));
                    contentBytes(MODULUS, 0);
                    find(new ASN1Integer(rsa.getPublicExponent()));
                    BigInteger e = rsa.getPublicExponent();
                    tree.add(PUBLIC_EXPONENT, src, base + at + header, whole - header,
                            e.bitLength() < 64 ? e.longValue() : -1);
                } catch (IOException | RuntimeException e) {
                    // A malformed RSA key is still a certificate; validation will refuse it.
                }
            }
            int bits = cert.keyBits();
            if (bits > 0) {
                tree.add(KEY_BITS, src, base + spkiAt, spkiWhole, bits);
            }
        }

        private void extensions(Extensions extensions) {
            find(extensions);
            ASN1ObjectIdentifier[] oids = extensions.getExtensionOIDs();
            value(EXTENSIONS, oids.length);
            for (ASN1ObjectIdentifier oid : oids) {
                Extension ext = extensions.getExtension(oid);
                find(ext);
                find(oid);
                contentString(EXTENSION_ID, oid.getId());
                if (ASN1Sequence.getInstance(ext.toASN1Primitive()).size() == 3) {
                    find(ASN1Boolean.getInstance(ext.isCritical()));
                    value(CRITICAL, ext.isCritical() ? 1 : 0);
                }
                find(ext.getExtnValue());
                try {
                    extensionValue(oid, ext.getParsedValue());
                } catch (RuntimeException e) {
                    // bcprov accepted the certificate; a value it cannot read as its type gets only its id.
                }
            }
        }

        private void extensionValue(ASN1ObjectIdentifier oid, ASN1Encodable v) {
            if (oid.equals(Extension.basicConstraints)) {
                ASN1Sequence seq = ASN1Sequence.getInstance(v);
                for (ASN1Encodable e : seq) {
                    if (e instanceof ASN1Boolean b) {
                        find(b);
                        value(CA, b.isTrue() ? 1 : 0);
                    } else if (e instanceof ASN1Integer i) {
                        find(i);
                        tree.add(PATH_LEN_CONSTRAINT, src, base + at + header, whole - header,
                                i.getValue().bitLength() < 64 ? i.getValue().longValue() : -1);
                    }
                }
            } else if (oid.equals(Extension.keyUsage)) {
                find(v);
                contentBytes(KEY_USAGE, 1);
                KeyUsage ku = KeyUsage.getInstance(v);
                int first = base + at + header + 1;
                int n = whole - header - 1;
                int[] masks = {KeyUsage.digitalSignature, KeyUsage.nonRepudiation, KeyUsage.keyEncipherment,
                    KeyUsage.dataEncipherment, KeyUsage.keyAgreement, KeyUsage.keyCertSign, KeyUsage.cRLSign,
                    KeyUsage.encipherOnly, KeyUsage.decipherOnly};
                for (int bit = 0; bit < masks.length; bit++) {
                    int pos = bit < 8 || n < 2 ? first : first + 1;
                    tree.add(KEY_USAGE_BITS.get(bit), src, pos, Math.min(n, 1), ku.hasUsages(masks[bit]) ? 1 : 0);
                }
            } else if (oid.equals(Extension.extendedKeyUsage)) {
                ASN1Sequence seq = ASN1Sequence.getInstance(v);
                find(seq);
                value(KEY_PURPOSE_IDS, seq.size());
                for (ASN1Encodable e : seq) {
                    find(e);
                    contentString(KEY_PURPOSE_ID, ASN1ObjectIdentifier.getInstance(e).getId());
                }
            } else if (oid.equals(Extension.subjectKeyIdentifier)) {
                find(v);
                contentBytes(SUBJECT_KEY_IDENTIFIER, 0);
            } else if (oid.equals(Extension.authorityKeyIdentifier)) {
                for (ASN1Encodable e : ASN1Sequence.getInstance(v)) {
                    if (e instanceof ASN1TaggedObject t && t.getTagNo() == 0) {
                        find(t);
                        contentBytes(KEY_IDENTIFIER, 0);
                    }
                }
            } else if (oid.equals(Extension.subjectAlternativeName)) {
                ASN1Sequence seq = ASN1Sequence.getInstance(v);
                find(seq);
                value(GENERAL_NAMES, seq.size());
                for (ASN1Encodable e : seq) {
                    generalName(GeneralName.getInstance(e));
                }
            }
        }

        private void generalName(GeneralName n) {
            find(n);
            int tag = n.getTagNo();
            value(GENERAL_NAME, tag);
            switch (tag) {
                case GeneralName.dNSName -> contentString(DNS_NAME, ((ASN1String) n.getName()).getString());
                case GeneralName.rfc822Name -> contentString(RFC822_NAME, ((ASN1String) n.getName()).getString());
                case GeneralName.uniformResourceIdentifier ->
                        contentString(URI, ((ASN1String) n.getName()).getString());
                case GeneralName.iPAddress -> {
                    int len = ASN1OctetString.getInstance(n.getName()).getOctets().length;
                    if (len == 4) {
                        tree.add(IP_ADDRESS_V4, src, base + at + header, 4, src.u32(base + at + header));
                    } else if (len == 16) {
                        tree.addBytes(IP_ADDRESS_V6, src, base + at + header, 16);
                    }
                }
                default -> {
                }
            }
        }
    }
}
