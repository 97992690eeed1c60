package dev.dissect.net.dns;

/** Names of record types, opcodes and response codes as tshark prints them in the info column. */
final class DnsTypes {
    static final int A = 1;
    static final int NS = 2;
    static final int MD = 3;
    static final int MF = 4;
    static final int CNAME = 5;
    static final int SOA = 6;
    static final int MB = 7;
    static final int MG = 8;
    static final int MR = 9;
    static final int PTR = 12;
    static final int HINFO = 13;
    static final int MX = 15;
    static final int TXT = 16;
    static final int AAAA = 28;
    static final int SRV = 33;
    static final int NAPTR = 35;
    static final int DNAME = 39;
    static final int OPT = 41;
    static final int DS = 43;
    static final int SSHFP = 44;
    static final int RRSIG = 46;
    static final int NSEC = 47;
    static final int DNSKEY = 48;
    static final int NSEC3 = 50;
    static final int NSEC3PARAM = 51;
    static final int TLSA = 52;
    static final int CDS = 59;
    static final int CDNSKEY = 60;
    static final int SVCB = 64;
    static final int HTTPS = 65;
    static final int SPF = 99;
    static final int IXFR = 251;
    static final int AXFR = 252;
    static final int CAA = 257;

    private static final String[] LOW = new String[262];
    private static final String[] OPCODES = {"Standard query", "Inverse query", "Server status request", null,
        "Zone change notification", "Dynamic update", "DNS Stateful operations (DSO)"};
    private static final String[] RCODES = {"No error", "Format error", "Server failure", "No such name",
        "Not implemented", "Refused", "Name exists", "RRset exists", "RRset does not exist", "Not authoritative",
        "Name out of zone", "DSO-Type not implemented", null, null, null, null, "Bad OPT Version", "Bad key",
        "Bad time", "Bad mode", "Bad name", "Bad algorithm", "Bad truncation", "Bad server cookie"};

    static {
        String names = "1 A 2 NS 3 MD 4 MF 5 CNAME 6 SOA 7 MB 8 MG 9 MR 10 NULL 11 WKS 12 PTR 13 HINFO 14 MINFO 15 MX"
                + " 16 TXT 17 RP 18 AFSDB 19 X25 20 ISDN 21 RT 22 NSAP 23 NSAP-PTR 24 SIG 25 KEY 26 PX 27 GPOS"
                + " 28 AAAA 29 LOC 30 NXT 31 EID 32 NIMLOC 33 SRV 34 ATMA 35 NAPTR 36 KX 37 CERT 38 A6 39 DNAME"
                + " 40 SINK 41 OPT 42 APL 43 DS 44 SSHFP 45 IPSECKEY 46 RRSIG 47 NSEC 48 DNSKEY 49 DHCID 50 NSEC3"
                + " 51 NSEC3PARAM 52 TLSA 53 SMIMEA 55 HIP 56 NINFO 57 RKEY 58 TALINK 59 CDS 60 CDNSKEY"
                + " 61 OPENPGPKEY 62 CSYNC 63 ZONEMD 64 SVCB 65 HTTPS 99 SPF 100 UINFO 101 UID 102 GID 103 UNSPEC"
                + " 104 NID 105 L32 106 L64 107 LP 108 EUI48 109 EUI64 249 TKEY 250 TSIG 251 IXFR 252 AXFR"
                + " 253 MAILB 254 MAILA 255 ANY 256 URI 257 CAA 258 AVC 259 DOA 260 AMTRELAY";
        String[] parts = names.split(" ");
        for (int i = 0; i < parts.length; i += 2) {
            LOW[Integer.parseInt(parts[i])] = parts[i + 1];
        }
    }

    private DnsTypes() {
    }

    /** Appends the type's mnemonic, or {@code Unknown (N)}. */
    static StringBuilder appendType(StringBuilder out, int type) {
        String name = type < LOW.length ? LOW[type] : switch (type) {
            case 32768 -> "TA";
            case 32769 -> "DLV";
            case 65281 -> "WINS";
            case 65282 -> "WINS-R";
            default -> null;
        };
        return name != null ? out.append(name) : out.append("Unknown (").append(type).append(')');
    }

    static StringBuilder appendOpcode(StringBuilder out, int opcode) {
        String name = opcode < OPCODES.length ? OPCODES[opcode] : null;
        return name != null ? out.append(name) : out.append("Unknown operation (").append(opcode).append(')');
    }

    static StringBuilder appendRcode(StringBuilder out, int rcode) {
        String name = rcode < RCODES.length ? RCODES[rcode] : null;
        return name != null ? out.append(name) : out.append("Unknown error (").append(rcode).append(')');
    }
}
