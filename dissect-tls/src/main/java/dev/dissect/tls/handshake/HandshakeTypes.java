package dev.dissect.tls.handshake;

/** Names of handshake message types as tshark's info column shows them (IANA TLS HandshakeType registry). */
public final class HandshakeTypes {
    public static final int HELLO_REQUEST = 0;
    public static final int CLIENT_HELLO = 1;
    public static final int SERVER_HELLO = 2;
    public static final int HELLO_VERIFY_REQUEST = 3;
    public static final int NEW_SESSION_TICKET = 4;
    public static final int END_OF_EARLY_DATA = 5;
    public static final int HELLO_RETRY_REQUEST = 6;
    public static final int ENCRYPTED_EXTENSIONS = 8;
    public static final int CERTIFICATE = 11;
    public static final int SERVER_KEY_EXCHANGE = 12;
    public static final int CERTIFICATE_REQUEST = 13;
    public static final int SERVER_HELLO_DONE = 14;
    public static final int CERTIFICATE_VERIFY = 15;
    public static final int CLIENT_KEY_EXCHANGE = 16;
    public static final int FINISHED = 20;
    public static final int CERTIFICATE_URL = 21;
    public static final int CERTIFICATE_STATUS = 22;
    public static final int SUPPLEMENTAL_DATA = 23;
    public static final int KEY_UPDATE = 24;
    public static final int COMPRESSED_CERTIFICATE = 25;
    public static final int MESSAGE_HASH = 254;

    private HandshakeTypes() {
    }

    /** True for types some version defines; anything else after the header suggests an encrypted message. */
    public static boolean known(int type) {
        return name(type) != null;
    }

    /** The info-column name ("Client Hello"), or null for an unknown type. */
    public static String name(int type) {
        return switch (type) {
            case HELLO_REQUEST -> "Hello Request";
            case CLIENT_HELLO -> "Client Hello";
            case SERVER_HELLO -> "Server Hello";
            case HELLO_VERIFY_REQUEST -> "Hello Verify Request";
            case NEW_SESSION_TICKET -> "New Session Ticket";
            case END_OF_EARLY_DATA -> "End of Early Data";
            case HELLO_RETRY_REQUEST -> "Hello Retry Request";
            case ENCRYPTED_EXTENSIONS -> "Encrypted Extensions";
            case CERTIFICATE -> "Certificate";
            case SERVER_KEY_EXCHANGE -> "Server Key Exchange";
            case CERTIFICATE_REQUEST -> "Certificate Request";
            case SERVER_HELLO_DONE -> "Server Hello Done";
            case CERTIFICATE_VERIFY -> "Certificate Verify";
            case CLIENT_KEY_EXCHANGE -> "Client Key Exchange";
            case FINISHED -> "Finished";
            case CERTIFICATE_URL -> "Client Certificate URL";
            case CERTIFICATE_STATUS -> "Certificate Status";
            case SUPPLEMENTAL_DATA -> "Supplemental Data";
            case KEY_UPDATE -> "Key Update";
            case COMPRESSED_CERTIFICATE -> "Compressed Certificate";
            case MESSAGE_HASH -> "Message Hash";
            default -> null;
        };
    }
}
