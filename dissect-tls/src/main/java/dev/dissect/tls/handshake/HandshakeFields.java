package dev.dissect.tls.handshake;

import dev.dissect.api.field.Base;
import dev.dissect.api.field.FieldDef;

/**
 * Fields of handshake messages and their extensions, under tshark 4.0's names, types and display bases (every
 * {@code x} of {@code 0x1302} is {@link Base#HEX} exactly where Wireshark's {@code hf} says {@code BASE_HEX}).
 */
public final class HandshakeFields {
    public static final FieldDef TYPE = FieldDef.uint("tls.handshake.type", "Handshake Type", 1, Base.DEC);
    public static final FieldDef LENGTH = FieldDef.uint("tls.handshake.length", "Length", 3, Base.DEC);
    public static final FieldDef VERSION = FieldDef.uint("tls.handshake.version", "Version", 2, Base.HEX);
    public static final FieldDef RANDOM = FieldDef.bytes("tls.handshake.random", "Random");
    public static final FieldDef SESSION_ID_LENGTH = FieldDef.uint("tls.handshake.session_id_length", "Session ID Length", 1, Base.DEC);
    public static final FieldDef SESSION_ID = FieldDef.bytes("tls.handshake.session_id", "Session ID");
    public static final FieldDef CIPHER_SUITES_LENGTH = FieldDef.uint("tls.handshake.cipher_suites_length", "Cipher Suites Length", 2, Base.DEC);
    public static final FieldDef CIPHER_SUITE = FieldDef.uint("tls.handshake.ciphersuite", "Cipher Suite", 2, Base.HEX);
    public static final FieldDef COMP_METHODS_LENGTH = FieldDef.uint("tls.handshake.comp_methods_length", "Compression Methods Length", 1, Base.DEC);
    public static final FieldDef COMP_METHOD = FieldDef.uint("tls.handshake.comp_method", "Compression Method", 1, Base.DEC);
    public static final FieldDef EXTENSIONS_LENGTH = FieldDef.uint("tls.handshake.extensions_length", "Extensions Length", 2, Base.DEC);
    public static final FieldDef EXTENSION_TYPE = FieldDef.uint("tls.handshake.extension.type", "Type", 2, Base.DEC);
    public static final FieldDef EXTENSION_LEN = FieldDef.uint("tls.handshake.extension.len", "Length", 2, Base.DEC);
    public static final FieldDef EXTENSION_DATA = FieldDef.bytes("tls.handshake.extension.data", "Data");
    public static final FieldDef SSLV2_CIPHER_SPEC_LEN = FieldDef.uint("tls.handshake.cipher_spec_len", "Cipher Spec Length", 2, Base.DEC);
    public static final FieldDef SSLV2_CHALLENGE_LENGTH = FieldDef.uint("tls.handshake.challenge_length", "Challenge Length", 2, Base.DEC);
    public static final FieldDef SSLV2_CIPHER_SPEC = FieldDef.uint("tls.handshake.cipherspec", "Cipher Spec", 3, Base.HEX);
    public static final FieldDef SSLV2_CHALLENGE = FieldDef.bytes("tls.handshake.challenge", "Challenge");
    public static final FieldDef SESSION_TICKET_LIFETIME_HINT = FieldDef.uint("tls.handshake.session_ticket_lifetime_hint", "Session Ticket Lifetime Hint", 4, Base.DEC);
    public static final FieldDef SESSION_TICKET_AGE_ADD = FieldDef.uint("tls.handshake.session_ticket_age_add", "Session Ticket Age Add", 4, Base.DEC);
    public static final FieldDef SESSION_TICKET_NONCE_LENGTH = FieldDef.uint("tls.handshake.session_ticket_nonce_length", "Session Ticket Nonce Length", 1, Base.DEC);
    public static final FieldDef SESSION_TICKET_NONCE = FieldDef.bytes("tls.handshake.session_ticket_nonce", "Session Ticket Nonce");
    public static final FieldDef SESSION_TICKET_LENGTH = FieldDef.uint("tls.handshake.session_ticket_length", "Session Ticket Length", 2, Base.DEC);
    public static final FieldDef SESSION_TICKET = FieldDef.bytes("tls.handshake.session_ticket", "Session Ticket");
    public static final FieldDef CERTIFICATE_REQUEST_CONTEXT_LENGTH = FieldDef.uint("tls.handshake.certificate_request_context_length", "Certificate Request Context Length", 1, Base.DEC);
    public static final FieldDef CERTIFICATE_REQUEST_CONTEXT = FieldDef.bytes("tls.handshake.certificate_request_context", "Certificate Request Context");
    public static final FieldDef CERTIFICATES_LENGTH = FieldDef.uint("tls.handshake.certificates_length", "Certificates Length", 3, Base.DEC);
    public static final FieldDef CERTIFICATE_LENGTH = FieldDef.uint("tls.handshake.certificate_length", "Certificate Length", 3, Base.DEC);
    public static final FieldDef CERTIFICATE = FieldDef.bytes("tls.handshake.certificate", "Certificate");
    public static final FieldDef SERVER_CURVE_TYPE = FieldDef.uint("tls.handshake.server_curve_type", "Curve Type", 1, Base.HEX);
    public static final FieldDef SERVER_NAMED_CURVE = FieldDef.uint("tls.handshake.server_named_curve", "Named Curve", 2, Base.HEX);
    public static final FieldDef SERVER_POINT_LEN = FieldDef.uint("tls.handshake.server_point_len", "Pubkey Length", 1, Base.DEC);
    public static final FieldDef SERVER_POINT = FieldDef.bytes("tls.handshake.server_point", "Pubkey");
    public static final FieldDef P_LEN = FieldDef.uint("tls.handshake.p_len", "p Length", 2, Base.DEC);
    public static final FieldDef P = FieldDef.bytes("tls.handshake.p", "p");
    public static final FieldDef G_LEN = FieldDef.uint("tls.handshake.g_len", "g Length", 2, Base.DEC);
    public static final FieldDef G = FieldDef.bytes("tls.handshake.g", "g");
    public static final FieldDef YS_LEN = FieldDef.uint("tls.handshake.ys_len", "Pubkey Length", 2, Base.DEC);
    public static final FieldDef YS = FieldDef.bytes("tls.handshake.ys", "Pubkey");
    public static final FieldDef SIG_HASH_ALG = FieldDef.uint("tls.handshake.sig_hash_alg", "Signature Algorithm", 2, Base.HEX);
    public static final FieldDef SIG_HASH_ALG_LEN = FieldDef.uint("tls.handshake.sig_hash_alg_len", "Signature Hash Algorithms Length", 2, Base.DEC);
    public static final FieldDef SIG_LEN = FieldDef.uint("tls.handshake.sig_len", "Signature Length", 2, Base.DEC);
    public static final FieldDef SIG = FieldDef.bytes("tls.handshake.sig", "Signature");
    public static final FieldDef CERT_TYPES_COUNT = FieldDef.uint("tls.handshake.cert_types_count", "Certificate types count", 1, Base.DEC);
    public static final FieldDef CERT_TYPE = FieldDef.uint("tls.handshake.cert_type", "Certificate type", 1, Base.DEC);
    public static final FieldDef DNAMES_LEN = FieldDef.uint("tls.handshake.dnames_len", "Distinguished Names Length", 2, Base.DEC);
    public static final FieldDef CLIENT_CERT_VRFY_SIG_LEN = FieldDef.uint("tls.handshake.client_cert_vrfy.sig_len", "Signature length", 2, Base.DEC);
    public static final FieldDef CLIENT_CERT_VRFY_SIG = FieldDef.bytes("tls.handshake.client_cert_vrfy.sig", "Signature");
    public static final FieldDef EPMS_LEN = FieldDef.uint("tls.handshake.epms_len", "Encrypted PreMaster length", 2, Base.DEC);
    public static final FieldDef EPMS = FieldDef.bytes("tls.handshake.epms", "Encrypted PreMaster");
    public static final FieldDef CLIENT_POINT_LEN = FieldDef.uint("tls.handshake.client_point_len", "Pubkey Length", 1, Base.DEC);
    public static final FieldDef CLIENT_POINT = FieldDef.bytes("tls.handshake.client_point", "Pubkey");
    public static final FieldDef YC_LEN = FieldDef.uint("tls.handshake.yc_len", "Pubkey Length", 2, Base.DEC);
    public static final FieldDef YC = FieldDef.bytes("tls.handshake.yc", "Pubkey");
    public static final FieldDef VERIFY_DATA = FieldDef.label("tls.handshake.verify_data", "Verify Data");
    public static final FieldDef OCSP_RESPONSE_LEN = FieldDef.uint("tls.handshake.ocsp_response_len", "OCSP Response Length", 3, Base.DEC);
    public static final FieldDef KEY_UPDATE_REQUEST = FieldDef.uint("tls.handshake.key_update.request_update", "Update Requested", 1, Base.DEC);
    public static final FieldDef SERVER_NAME_LIST_LEN = FieldDef.uint("tls.handshake.extensions_server_name_list_len", "Server Name list length", 2, Base.DEC);
    public static final FieldDef SERVER_NAME_TYPE = FieldDef.uint("tls.handshake.extensions_server_name_type", "Server Name Type", 1, Base.DEC);
    public static final FieldDef SERVER_NAME_LEN = FieldDef.uint("tls.handshake.extensions_server_name_len", "Server Name length", 2, Base.DEC);
    public static final FieldDef SERVER_NAME = FieldDef.string("tls.handshake.extensions_server_name", "Server Name");
    public static final FieldDef SUPPORTED_GROUPS_LENGTH = FieldDef.uint("tls.handshake.extensions_supported_groups_length", "Supported Groups List Length", 2, Base.DEC);
    public static final FieldDef SUPPORTED_GROUP = FieldDef.uint("tls.handshake.extensions_supported_group", "Supported Group", 2, Base.HEX);
    public static final FieldDef EC_POINT_FORMATS_LENGTH = FieldDef.uint("tls.handshake.extensions_ec_point_formats_length", "EC point formats Length", 1, Base.DEC);
    public static final FieldDef EC_POINT_FORMAT = FieldDef.uint("tls.handshake.extensions_ec_point_format", "EC point format", 1, Base.DEC);
    public static final FieldDef ALPN_LEN = FieldDef.uint("tls.handshake.extensions_alpn_len", "ALPN Extension Length", 2, Base.DEC);
    public static final FieldDef ALPN_STR_LEN = FieldDef.uint("tls.handshake.extensions_alpn_str_len", "ALPN string length", 1, Base.DEC);
    public static final FieldDef ALPN_STR = FieldDef.string("tls.handshake.extensions_alpn_str", "ALPN Next Protocol");
    public static final FieldDef STATUS_REQUEST_TYPE = FieldDef.uint("tls.handshake.extensions_status_request_type", "Certificate Status Type", 1, Base.DEC);
    /** tshark reuses the extension's field for the CertificateStatus message. */
    public static final FieldDef CERT_STATUS_TYPE = STATUS_REQUEST_TYPE;
    public static final FieldDef STATUS_REQUEST_RESPONDER_IDS_LEN = FieldDef.uint("tls.handshake.extensions_status_request_responder_ids_len", "Responder ID list Length", 2, Base.DEC);
    public static final FieldDef STATUS_REQUEST_EXTS_LEN = FieldDef.uint("tls.handshake.extensions_status_request_exts_len", "Request Extensions Length", 2, Base.DEC);
    public static final FieldDef SUPPORTED_VERSIONS_LEN = FieldDef.uint("tls.handshake.extensions.supported_versions_len", "Supported Versions length", 1, Base.DEC);
    public static final FieldDef SUPPORTED_VERSION = FieldDef.uint("tls.handshake.extensions.supported_version", "Supported Version", 2, Base.HEX);
    public static final FieldDef KEY_SHARE_CLIENT_LENGTH = FieldDef.uint("tls.handshake.extensions_key_share_client_length", "Client Key Share Length", 2, Base.DEC);
    public static final FieldDef KEY_SHARE_GROUP = FieldDef.uint("tls.handshake.extensions_key_share_group", "Group", 2, Base.DEC);
    public static final FieldDef KEY_SHARE_KEY_EXCHANGE_LENGTH = FieldDef.uint("tls.handshake.extensions_key_share_key_exchange_length", "Key Exchange Length", 2, Base.DEC);
    public static final FieldDef KEY_SHARE_KEY_EXCHANGE = FieldDef.bytes("tls.handshake.extensions_key_share_key_exchange", "Key Exchange");
    public static final FieldDef KEY_SHARE_SELECTED_GROUP = FieldDef.uint("tls.handshake.extensions_key_share_selected_group", "Selected Group", 2, Base.DEC);
    public static final FieldDef PSK_KE_MODES_LENGTH = FieldDef.uint("tls.extension.psk_ke_modes_length", "PSK Key Exchange Modes Length", 1, Base.DEC);
    public static final FieldDef PSK_KE_MODE = FieldDef.uint("tls.extension.psk_ke_mode", "PSK Key Exchange Mode", 1, Base.DEC);
    public static final FieldDef PSK_IDENTITIES_LENGTH = FieldDef.uint("tls.handshake.extensions.psk.identities.length", "Identities Length", 2, Base.DEC);
    public static final FieldDef PSK_IDENTITY_LENGTH = FieldDef.uint("tls.handshake.extensions.psk.identity.identity_length", "Identity Length", 2, Base.DEC);
    public static final FieldDef PSK_IDENTITY = FieldDef.bytes("tls.handshake.extensions.psk.identity.identity", "Identity");
    public static final FieldDef PSK_OBFUSCATED_TICKET_AGE = FieldDef.uint("tls.handshake.extensions.psk.identity.obfuscated_ticket_age", "Obfuscated Ticket Age", 4, Base.DEC);
    public static final FieldDef PSK_BINDERS_LEN = FieldDef.uint("tls.handshake.extensions.psk.binders_len", "PSK Binders length", 2, Base.DEC);
    public static final FieldDef PSK_SELECTED_IDENTITY = FieldDef.uint("tls.handshake.extensions.psk.identity.selected", "Selected Identity", 2, Base.DEC);
    public static final FieldDef MAX_EARLY_DATA_SIZE = FieldDef.uint("tls.early_data.max_early_data_size", "Maximum Early Data Size", 4, Base.DEC);
    public static final FieldDef RENEG_INFO_LEN = FieldDef.uint("tls.handshake.extensions_reneg_info_len", "Renegotiation info extension length", 1, Base.DEC);
    public static final FieldDef RENEG_INFO = FieldDef.bytes("tls.handshake.extensions_reneg_info", "Renegotiation info");
    public static final FieldDef RECORD_SIZE_LIMIT = FieldDef.uint("tls.record_size_limit", "Record Size Limit", 2, Base.DEC);
    public static final FieldDef COMPRESS_CERTIFICATE_ALGORITHMS_LENGTH = FieldDef.uint("tls.compress_certificate.algorithms_length", "Algorithms Length", 1, Base.DEC);
    public static final FieldDef COMPRESS_CERTIFICATE_ALGORITHM = FieldDef.uint("tls.compress_certificate.algorithm", "Algorithm", 2, Base.DEC);
    public static final FieldDef PADDING_DATA = FieldDef.bytes("tls.handshake.extensions_padding_data", "Padding Data");
    public static final FieldDef COOKIE_LEN = FieldDef.uint("tls.handshake.extensions.cookie_len", "Cookie length", 2, Base.DEC);
    public static final FieldDef COOKIE = FieldDef.bytes("tls.handshake.extensions.cookie", "Cookie");

    public static final FieldDef[] FIELDS = {
            TYPE, LENGTH, VERSION, RANDOM, SESSION_ID_LENGTH,
            SESSION_ID, CIPHER_SUITES_LENGTH, CIPHER_SUITE, COMP_METHODS_LENGTH, COMP_METHOD,
            EXTENSIONS_LENGTH, EXTENSION_TYPE, EXTENSION_LEN, EXTENSION_DATA, SSLV2_CIPHER_SPEC_LEN,
            SSLV2_CHALLENGE_LENGTH, SSLV2_CIPHER_SPEC, SSLV2_CHALLENGE, SESSION_TICKET_LIFETIME_HINT, SESSION_TICKET_AGE_ADD,
            SESSION_TICKET_NONCE_LENGTH, SESSION_TICKET_NONCE, SESSION_TICKET_LENGTH, SESSION_TICKET, CERTIFICATE_REQUEST_CONTEXT_LENGTH,
            CERTIFICATE_REQUEST_CONTEXT, CERTIFICATES_LENGTH, CERTIFICATE_LENGTH, CERTIFICATE, SERVER_CURVE_TYPE,
            SERVER_NAMED_CURVE, SERVER_POINT_LEN, SERVER_POINT, P_LEN, P,
            G_LEN, G, YS_LEN, YS, SIG_HASH_ALG,
            SIG_HASH_ALG_LEN, SIG_LEN, SIG, CERT_TYPES_COUNT, CERT_TYPE,
            DNAMES_LEN, CLIENT_CERT_VRFY_SIG_LEN, CLIENT_CERT_VRFY_SIG, EPMS_LEN, EPMS,
            CLIENT_POINT_LEN, CLIENT_POINT, YC_LEN, YC, VERIFY_DATA,
            OCSP_RESPONSE_LEN, KEY_UPDATE_REQUEST, SERVER_NAME_LIST_LEN, SERVER_NAME_TYPE, SERVER_NAME_LEN,
            SERVER_NAME, SUPPORTED_GROUPS_LENGTH, SUPPORTED_GROUP, EC_POINT_FORMATS_LENGTH, EC_POINT_FORMAT,
            ALPN_LEN, ALPN_STR_LEN, ALPN_STR, STATUS_REQUEST_TYPE, STATUS_REQUEST_RESPONDER_IDS_LEN,
            STATUS_REQUEST_EXTS_LEN, SUPPORTED_VERSIONS_LEN, SUPPORTED_VERSION, KEY_SHARE_CLIENT_LENGTH, KEY_SHARE_GROUP,
            KEY_SHARE_KEY_EXCHANGE_LENGTH, KEY_SHARE_KEY_EXCHANGE, KEY_SHARE_SELECTED_GROUP, PSK_KE_MODES_LENGTH, PSK_KE_MODE,
            PSK_IDENTITIES_LENGTH, PSK_IDENTITY_LENGTH, PSK_IDENTITY, PSK_OBFUSCATED_TICKET_AGE, PSK_BINDERS_LEN,
            PSK_SELECTED_IDENTITY, MAX_EARLY_DATA_SIZE, RENEG_INFO_LEN, RENEG_INFO, RECORD_SIZE_LIMIT,
            COMPRESS_CERTIFICATE_ALGORITHMS_LENGTH, COMPRESS_CERTIFICATE_ALGORITHM, PADDING_DATA, COOKIE_LEN, COOKIE,};

    private HandshakeFields() {
    }
}
