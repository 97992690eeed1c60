package dev.dissect.tls.record;

/** Alert levels and descriptions as tshark's info column names them (IANA TLS Alerts registry). */
public final class AlertDescriptions {
    private AlertDescriptions() {
    }

    /** {@code "Warning"}, {@code "Fatal"} or {@code "Unknown"}. */
    public static String level(int level) {
        return switch (level) {
            case 1 -> "Warning";
            case 2 -> "Fatal";
            default -> "Unknown";
        };
    }

    /** The description's title ({@code "Handshake Failure"}), or {@code "Unknown (N)"}. Never null. */
    public static String description(int description) {
        return switch (description) {
            case 0 -> "Close Notify";
            case 10 -> "Unexpected Message";
            case 20 -> "Bad Record MAC";
            case 21 -> "Decryption Failed";
            case 22 -> "Record Overflow";
            case 30 -> "Decompression Failure";
            case 40 -> "Handshake Failure";
            case 41 -> "No Certificate";
            case 42 -> "Bad Certificate";
            case 43 -> "Unsupported Certificate";
            case 44 -> "Certificate Revoked";
            case 45 -> "Certificate Expired";
            case 46 -> "Certificate Unknown";
            case 47 -> "Illegal Parameter";
            case 48 -> "Unknown CA";
            case 49 -> "Access Denied";
            case 50 -> "Decode Error";
            case 51 -> "Decrypt Error";
            case 60 -> "Export Restriction";
            case 70 -> "Protocol Version";
            case 71 -> "Insufficient Security";
            case 80 -> "Internal Error";
            case 86 -> "Inappropriate Fallback";
            case 90 -> "User Canceled";
            case 100 -> "No Renegotiation";
            case 109 -> "Missing Extension";
            case 110 -> "Unsupported Extension";
            case 111 -> "Certificate Unobtainable";
            case 112 -> "Unrecognized Name";
            case 113 -> "Bad Certificate Status Response";
            case 114 -> "Bad Certificate Hash Value";
            case 115 -> "Unknown PSK Identity";
            case 116 -> "Certificate Required";
            case 120 -> "No Application Protocol";
            case 121 -> "ECH Required";
            default -> "Unknown (" + description + ")";
        };
    }
}
