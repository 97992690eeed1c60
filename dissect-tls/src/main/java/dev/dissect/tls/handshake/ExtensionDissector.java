package dev.dissect.tls.handshake;

import static dev.dissect.tls.handshake.HandshakeFields.*;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.FieldDef;
import dev.dissect.net.wire.TlsKeyShareEntryView;
import dev.dissect.net.wire.TlsOpaque16View;
import dev.dissect.net.wire.TlsOpaque8View;
import dev.dissect.net.wire.TlsPskIdentityView;
import dev.dissect.net.wire.TlsServerNameView;
import dev.dissect.net.wire.TlsU16ListView;
import dev.dissect.net.wire.TlsU8ListView;
import dev.dissect.tls.cert.CertificateFields;
import dev.dissect.tls.record.TlsRecordFields;
import java.nio.charset.StandardCharsets;

/**
 * Dissects the data of one extension: parsed content for the extensions of the brief (server_name,
 * supported_groups, ec_point_formats, signature_algorithms(_cert), ALPN, status_request, supported_versions,
 * key_share, psk_key_exchange_modes, pre_shared_key, early_data, session_ticket, renegotiation_info,
 * record_size_limit, compress_certificate, padding, cookie), {@code tls.handshake.extension.data} for the rest
 * (encrypted_client_hello included). Empty extensions (extended_master_secret, encrypt_then_mac) have no data.
 *
 * <p>Lists are read with the generated element views; a list longer than its extension records
 * {@link TlsRecordFields#BAD_LENGTH} and stops. Never throws. RFC 8446 4.2, RFC 6066, RFC 7301, RFC 8449, RFC 8879.
 */
final class ExtensionDissector {

    void dissect(Dissection tree, ByteView d, int off, int len, int type, int msgType, HelloFacts facts,
                 HandshakeSession session) {
        boolean client = msgType == HandshakeTypes.CLIENT_HELLO;
        switch (type) {
            case ExtensionTypes.SERVER_NAME -> serverName(tree, d, off, len, facts, session);
            case ExtensionTypes.SUPPORTED_GROUPS -> u16List(tree, d, off, len, SUPPORTED_GROUPS_LENGTH,
                    SUPPORTED_GROUP, facts != null ? facts.groups : null);
            case ExtensionTypes.EC_POINT_FORMATS -> {
                TlsU8ListView v = new TlsU8ListView().wrap(d, off, len);
                if (!checked(tree, v.validate(), off, len)) {
                    return;
                }
                tree.add(EC_POINT_FORMATS_LENGTH, d, off, 1, v.listLength());
                for (int i = 0; i < v.listLength(); i++) {
                    int f = d.u8(v.itemsOffset() + i);
                    tree.add(EC_POINT_FORMAT, d, v.itemsOffset() + i, 1, f);
                    if (facts != null) {
                        facts.pointFormats.add(f);
                    }
                }
            }
            case ExtensionTypes.SIGNATURE_ALGORITHMS -> u16List(tree, d, off, len, SIG_HASH_ALG_LEN, SIG_HASH_ALG,
                    facts != null ? facts.signatureAlgorithms : null);
            case ExtensionTypes.SIGNATURE_ALGORITHMS_CERT -> u16List(tree, d, off, len, SIG_HASH_ALG_LEN,
                    SIG_HASH_ALG, null);
            case ExtensionTypes.ALPN -> alpn(tree, d, off, len, client, facts, session);
            case ExtensionTypes.STATUS_REQUEST -> {
                if (len == 0) {
                    return;
                }
                if (msgType == HandshakeTypes.CERTIFICATE) {
                    // TLS 1.3 CertificateEntry: a CertificateStatus, not a request (RFC 8446 4.4.2.1)
                    if (len >= 4) {
                        tree.add(CERT_STATUS_TYPE, d, off, 1, d.u8(off));
                        tree.add(OCSP_RESPONSE_LEN, d, off + 1, 3, d.u24(off + 1));
                        if (d.u8(off) == 1 && d.u24(off + 1) <= len - 4) {
                            CertificateFields.ocspLayers(tree, d, off + 4, d.u24(off + 1));
                        }
                    }
                    return;
                }
                tree.add(STATUS_REQUEST_TYPE, d, off, 1, d.u8(off));
                TlsU16ListView ids = new TlsU16ListView().wrap(d, off + 1, len - 1);
                if (!checked(tree, ids.validate(), off, len)) {
                    return;
                }
                tree.add(STATUS_REQUEST_RESPONDER_IDS_LEN, d, off + 1, 2, ids.listLength());
                int p = ids.itemsOffset() + ids.listLength();
                TlsU16ListView exts = new TlsU16ListView().wrap(d, p, off + len - p);
                if (checked(tree, exts.validate(), p, off + len - p)) {
                    tree.add(STATUS_REQUEST_EXTS_LEN, d, p, 2, exts.listLength());
                }
            }
            case ExtensionTypes.SUPPORTED_VERSIONS -> supportedVersions(tree, d, off, len, client, facts);
            case ExtensionTypes.KEY_SHARE -> keyShare(tree, d, off, len, msgType);
            case ExtensionTypes.PSK_KEY_EXCHANGE_MODES -> {
                TlsU8ListView v = new TlsU8ListView().wrap(d, off, len);
                if (!checked(tree, v.validate(), off, len)) {
                    return;
                }
                tree.add(PSK_KE_MODES_LENGTH, d, off, 1, v.listLength());
                for (int i = 0; i < v.listLength(); i++) {
                    tree.add(PSK_KE_MODE, d, v.itemsOffset() + i, 1, d.u8(v.itemsOffset() + i));
                }
            }
            case ExtensionTypes.PRE_SHARED_KEY -> preSharedKey(tree, d, off, len, client, session);
            case ExtensionTypes.EARLY_DATA -> {
                if (msgType == HandshakeTypes.NEW_SESSION_TICKET && len >= 4) {
                    tree.add(MAX_EARLY_DATA_SIZE, d, off, 4, d.u32(off));
                }
            }
            case ExtensionTypes.SESSION_TICKET -> {
                if (len > 0) {
                    tree.addBytes(SESSION_TICKET, d, off, len);
                    if (client) {
                        session.connection().setTicketOffered();
                    }
                }
            }
            case ExtensionTypes.RENEGOTIATION_INFO -> {
                TlsOpaque8View v = new TlsOpaque8View().wrap(d, off, len);
                if (!checked(tree, v.validate(), off, len)) {
                    return;
                }
                tree.add(RENEG_INFO_LEN, d, off, 1, v.dataLength());
                if (v.dataLength() > 0) {
                    tree.addBytes(RENEG_INFO, d, v.dataRegionOffset(), v.dataLength());
                }
            }
            case ExtensionTypes.RECORD_SIZE_LIMIT -> {
                if (len >= 2) {
                    tree.add(RECORD_SIZE_LIMIT, d, off, 2, d.u16(off));
                }
            }
            case ExtensionTypes.COMPRESS_CERTIFICATE -> {
                TlsU8ListView v = new TlsU8ListView().wrap(d, off, len);
                if (!checked(tree, v.validate(), off, len)) {
                    return;
                }
                tree.add(COMPRESS_CERTIFICATE_ALGORITHMS_LENGTH, d, off, 1, v.listLength());
                for (int i = 0; i + 1 < v.listLength(); i += 2) {
                    tree.add(COMPRESS_CERTIFICATE_ALGORITHM, d, v.itemsOffset() + i, 2, d.u16(v.itemsOffset() + i));
                }
            }
            case ExtensionTypes.PADDING -> tree.addBytes(PADDING_DATA, d, off, len);
            case ExtensionTypes.COOKIE -> {
                TlsOpaque16View v = new TlsOpaque16View().wrap(d, off, len);
                if (!checked(tree, v.validate(), off, len)) {
                    return;
                }
                tree.add(COOKIE_LEN, d, off, 2, v.dataLength());
                tree.addBytes(COOKIE, d, v.dataRegionOffset(), v.dataLength());
            }
            case ExtensionTypes.EXTENDED_MASTER_SECRET, ExtensionTypes.ENCRYPT_THEN_MAC -> {
                // No data.
            }
            default -> {
                if (len > 0) {
                    tree.addBytes(EXTENSION_DATA, d, off, len);
                }
            }
        }
    }

    private static boolean checked(Dissection tree, int validated, int off, int len) {
        if (validated < 0) {
            tree.diagnose(TlsRecordFields.BAD_LENGTH, off, len, "list longer than its extension");
            return false;
        }
        return true;
    }

    private static void u16List(Dissection tree, ByteView d, int off, int len, FieldDef lengthField,
                                FieldDef itemField, HelloFacts.Values into) {
        TlsU16ListView v = new TlsU16ListView().wrap(d, off, len);
        if (!checked(tree, v.validate(), off, len)) {
            return;
        }
        tree.add(lengthField, d, off, 2, v.listLength());
        for (int i = 0; i + 1 < v.listLength(); i += 2) {
            int value = d.u16(v.itemsOffset() + i);
            tree.add(itemField, d, v.itemsOffset() + i, 2, value);
            if (into != null) {
                into.add(value);
            }
        }
    }

    private static void serverName(Dissection tree, ByteView d, int off, int len, HelloFacts facts,
                                   HandshakeSession session) {
        if (facts != null && !facts.server()) {
            facts.sni = true;
        }
        if (len == 0) {
            return; // the server's acknowledgement
        }
        TlsU16ListView list = new TlsU16ListView().wrap(d, off, len);
        if (!checked(tree, list.validate(), off, len)) {
            return;
        }
        tree.add(SERVER_NAME_LIST_LEN, d, off, 2, list.listLength());
        TlsServerNameView name = new TlsServerNameView();
        int p = list.itemsOffset();
        int end = p + list.listLength();
        while (p < end) {
            if (!checked(tree, name.wrap(d, p, end - p).validate(), p, end - p)) {
                return;
            }
            tree.add(SERVER_NAME_TYPE, d, p, 1, name.nameType());
            tree.add(SERVER_NAME_LEN, d, p + 1, 2, name.nameLength());
            tree.addBytes(SERVER_NAME, d, name.nameRegionOffset(), name.nameLength());
            if (name.nameType() == 0 && session.connection().serverName() == null) {
                session.connection().setServerName(d.latin1(name.nameRegionOffset(), name.nameLength()));
            }
            p = name.nameRegionOffset() + name.nameLength();
        }
    }

    private static void alpn(Dissection tree, ByteView d, int off, int len, boolean client, HelloFacts facts,
                             HandshakeSession session) {
        TlsU16ListView list = new TlsU16ListView().wrap(d, off, len);
        if (!checked(tree, list.validate(), off, len)) {
            return;
        }
        tree.add(ALPN_LEN, d, off, 2, list.listLength());
        TlsOpaque8View s = new TlsOpaque8View();
        int p = list.itemsOffset();
        int end = p + list.listLength();
        while (p < end) {
            if (!checked(tree, s.wrap(d, p, end - p).validate(), p, end - p)) {
                return;
            }
            tree.add(ALPN_STR_LEN, d, p, 1, s.dataLength());
            tree.addBytes(ALPN_STR, d, s.dataRegionOffset(), s.dataLength());
            byte[] value = d.toArray(s.dataRegionOffset(), s.dataLength());
            if (client) {
                if (facts != null && facts.firstAlpn == null) {
                    facts.firstAlpn = value;
                }
                session.connection().addAlpnOffered(new String(value, StandardCharsets.ISO_8859_1));
            } else {
                session.connection().setAlpnChosen(new String(value, StandardCharsets.ISO_8859_1));
            }
            p = s.dataRegionOffset() + s.dataLength();
        }
    }

    private static void supportedVersions(Dissection tree, ByteView d, int off, int len, boolean client,
                                          HelloFacts facts) {
        if (!client) {
            if (len >= 2) {
                int v = d.u16(off);
                tree.add(SUPPORTED_VERSION, d, off, 2, v);
                if (facts != null) {
                    facts.supportedVersion = v;
                }
            }
            return;
        }
        TlsU8ListView v = new TlsU8ListView().wrap(d, off, len);
        if (!checked(tree, v.validate(), off, len)) {
            return;
        }
        tree.add(SUPPORTED_VERSIONS_LEN, d, off, 1, v.listLength());
        for (int i = 0; i + 1 < v.listLength(); i += 2) {
            int version = d.u16(v.itemsOffset() + i);
            tree.add(SUPPORTED_VERSION, d, v.itemsOffset() + i, 2, version);
            if (facts != null && !Grease.is(version) && version > facts.supportedVersion
                    && (version & 0xff00) != 0x7f00) {
                facts.supportedVersion = version;
            }
        }
    }

    private static void keyShare(Dissection tree, ByteView d, int off, int len, int msgType) {
        if (msgType == HandshakeTypes.HELLO_RETRY_REQUEST) {
            if (len >= 2) {
                tree.add(KEY_SHARE_SELECTED_GROUP, d, off, 2, d.u16(off));
            }
            return;
        }
        TlsKeyShareEntryView e = new TlsKeyShareEntryView();
        if (msgType == HandshakeTypes.SERVER_HELLO) {
            if (checked(tree, e.wrap(d, off, len).validate(), off, len)) {
                entry(tree, d, e);
            }
            return;
        }
        TlsU16ListView list = new TlsU16ListView().wrap(d, off, len);
        if (!checked(tree, list.validate(), off, len)) {
            return;
        }
        tree.add(KEY_SHARE_CLIENT_LENGTH, d, off, 2, list.listLength());
        int p = list.itemsOffset();
        int end = p + list.listLength();
        while (p < end) {
            if (!checked(tree, e.wrap(d, p, end - p).validate(), p, end - p)) {
                return;
            }
            entry(tree, d, e);
            p = e.keyExchangeRegionOffset() + e.keyExchangeLength();
        }
    }

    private static void entry(Dissection tree, ByteView d, TlsKeyShareEntryView e) {
        tree.add(KEY_SHARE_GROUP, d, e.offset(), 2, e.group());
        tree.add(KEY_SHARE_KEY_EXCHANGE_LENGTH, d, e.offset() + 2, 2, e.keyExchangeLength());
        tree.addBytes(KEY_SHARE_KEY_EXCHANGE, d, e.keyExchangeRegionOffset(), e.keyExchangeLength());
    }

    private static void preSharedKey(Dissection tree, ByteView d, int off, int len, boolean client,
                                     HandshakeSession session) {
        if (!client) {
            if (len >= 2) {
                tree.add(PSK_SELECTED_IDENTITY, d, off, 2, d.u16(off));
                session.connection().setPskAccepted();
            }
            return;
        }
        session.connection().setPskOffered();
        TlsU16ListView identities = new TlsU16ListView().wrap(d, off, len);
        if (!checked(tree, identities.validate(), off, len)) {
            return;
        }
        tree.add(PSK_IDENTITIES_LENGTH, d, off, 2, identities.listLength());
        TlsPskIdentityView id = new TlsPskIdentityView();
        int p = identities.itemsOffset();
        int end = p + identities.listLength();
        while (p < end) {
            if (!checked(tree, id.wrap(d, p, end - p).validate(), p, end - p)) {
                return;
            }
            tree.add(PSK_IDENTITY_LENGTH, d, p, 2, id.identityLength());
            tree.addBytes(PSK_IDENTITY, d, id.identityRegionOffset(), id.identityLength());
            int age = id.identityRegionOffset() + id.identityLength();
            tree.add(PSK_OBFUSCATED_TICKET_AGE, d, age, 4, id.obfuscatedTicketAge());
            p = age + 4;
        }
        TlsU16ListView binders = new TlsU16ListView().wrap(d, end, off + len - end);
        if (checked(tree, binders.validate(), end, off + len - end)) {
            tree.add(PSK_BINDERS_LEN, d, end, 2, binders.listLength());
        }
    }
}
