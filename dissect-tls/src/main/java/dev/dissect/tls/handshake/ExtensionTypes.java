package dev.dissect.tls.handshake;

/**
 * Extension type numbers and names from the IANA TLS ExtensionType Values registry (plus the GREASE values of
 * RFC 8701 and the drafts browsers send: ALPS, ECH outer extensions).
 */
public final class ExtensionTypes {
    public static final int SERVER_NAME = 0;
    public static final int STATUS_REQUEST = 5;
    public static final int SUPPORTED_GROUPS = 10;
    public static final int EC_POINT_FORMATS = 11;
    public static final int SIGNATURE_ALGORITHMS = 13;
    public static final int ALPN = 16;
    public static final int PADDING = 21;
    public static final int ENCRYPT_THEN_MAC = 22;
    public static final int EXTENDED_MASTER_SECRET = 23;
    public static final int COMPRESS_CERTIFICATE = 27;
    public static final int RECORD_SIZE_LIMIT = 28;
    public static final int SESSION_TICKET = 35;
    public static final int PRE_SHARED_KEY = 41;
    public static final int EARLY_DATA = 42;
    public static final int SUPPORTED_VERSIONS = 43;
    public static final int COOKIE = 44;
    public static final int PSK_KEY_EXCHANGE_MODES = 45;
    public static final int SIGNATURE_ALGORITHMS_CERT = 50;
    public static final int KEY_SHARE = 51;
    public static final int ENCRYPTED_CLIENT_HELLO = 0xfe0d;
    public static final int RENEGOTIATION_INFO = 0xff01;

    private ExtensionTypes() {
    }

    /** The registry's name, {@code "Reserved (GREASE)"} for GREASE, {@code "Unknown"} otherwise. Never null. */
    public static String name(int type) {
        if (Grease.is(type)) {
            return "Reserved (GREASE)";
        }
        return switch (type) {
            case 0 -> "server_name";
            case 1 -> "max_fragment_length";
            case 2 -> "client_certificate_url";
            case 3 -> "trusted_ca_keys";
            case 4 -> "truncated_hmac";
            case 5 -> "status_request";
            case 6 -> "user_mapping";
            case 7 -> "client_authz";
            case 8 -> "server_authz";
            case 9 -> "cert_type";
            case 10 -> "supported_groups";
            case 11 -> "ec_point_formats";
            case 12 -> "srp";
            case 13 -> "signature_algorithms";
            case 14 -> "use_srtp";
            case 15 -> "heartbeat";
            case 16 -> "application_layer_protocol_negotiation";
            case 17 -> "status_request_v2";
            case 18 -> "signed_certificate_timestamp";
            case 19 -> "client_certificate_type";
            case 20 -> "server_certificate_type";
            case 21 -> "padding";
            case 22 -> "encrypt_then_mac";
            case 23 -> "extended_master_secret";
            case 24 -> "token_binding";
            case 25 -> "cached_info";
            case 26 -> "tls_lts";
            case 27 -> "compress_certificate";
            case 28 -> "record_size_limit";
            case 29 -> "pwd_protect";
            case 30 -> "pwd_clear";
            case 31 -> "password_salt";
            case 32 -> "ticket_pinning";
            case 33 -> "tls_cert_with_extern_psk";
            case 34 -> "delegated_credential";
            case 35 -> "session_ticket";
            case 36 -> "TLMSP";
            case 37 -> "TLMSP_proxying";
            case 38 -> "TLMSP_delegate";
            case 39 -> "supported_ekt_ciphers";
            case 41 -> "pre_shared_key";
            case 42 -> "early_data";
            case 43 -> "supported_versions";
            case 44 -> "cookie";
            case 45 -> "psk_key_exchange_modes";
            case 47 -> "certificate_authorities";
            case 48 -> "oid_filters";
            case 49 -> "post_handshake_auth";
            case 50 -> "signature_algorithms_cert";
            case 51 -> "key_share";
            case 52 -> "transparency_info";
            case 53 -> "connection_id (deprecated)";
            case 54 -> "connection_id";
            case 55 -> "external_id_hash";
            case 56 -> "external_session_id";
            case 57 -> "quic_transport_parameters";
            case 58 -> "ticket_request";
            case 59 -> "dnssec_chain";
            case 60 -> "sequence_number_encryption_algorithms";
            case 61 -> "rrc";
            case 17513 -> "application_settings";
            case 0xfd00 -> "ech_outer_extensions";
            case ENCRYPTED_CLIENT_HELLO -> "encrypted_client_hello";
            case RENEGOTIATION_INFO -> "renegotiation_info";
            default -> "Unknown";
        };
    }
}
