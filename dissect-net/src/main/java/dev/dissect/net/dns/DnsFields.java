package dev.dissect.net.dns;

import dev.dissect.api.field.Base;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.DiagnosticGroup;
import dev.dissect.api.field.FieldDef;

/**
 * The fields and diagnostics of DNS, mDNS and LLMNR, under tshark 4.0's names and display bases (so
 * {@code dns.id} prints {@code 0x5baa}, {@code dns.qry.class} {@code 0x0001} and {@code dns.soa.mininum_ttl} keeps
 * Wireshark's spelling). The three protocols share one field table, as in Wireshark.
 */
public final class DnsFields {
    private DnsFields() {
    }

    // header
    /** The two-byte length before each message over TCP (RFC 1035 section 4.2.2). */
    public static final FieldDef LENGTH = FieldDef.uint("dns.length", "Length", 2, Base.DEC);
    public static final FieldDef ID = FieldDef.uint("dns.id", "Transaction ID", 2, Base.HEX);
    public static final FieldDef FLAGS = FieldDef.uint("dns.flags", "Flags", 2, Base.HEX);
    public static final FieldDef FLAGS_RESPONSE = FieldDef.bool("dns.flags.response", "Response");
    public static final FieldDef FLAGS_OPCODE = FieldDef.uint("dns.flags.opcode", "Opcode", 2, Base.DEC);
    public static final FieldDef FLAGS_AUTHORITATIVE = FieldDef.bool("dns.flags.authoritative", "Authoritative");
    public static final FieldDef FLAGS_CONFLICT = FieldDef.bool("dns.flags.conflict", "Conflict");
    public static final FieldDef FLAGS_TRUNCATED = FieldDef.bool("dns.flags.truncated", "Truncated");
    public static final FieldDef FLAGS_RECDESIRED = FieldDef.bool("dns.flags.recdesired", "Recursion desired");
    public static final FieldDef FLAGS_TENTATIVE = FieldDef.bool("dns.flags.tentative", "Tentative");
    public static final FieldDef FLAGS_RECAVAIL = FieldDef.bool("dns.flags.recavail", "Recursion available");
    public static final FieldDef FLAGS_Z = FieldDef.bool("dns.flags.z", "Z");
    public static final FieldDef FLAGS_AUTHENTICATED = FieldDef.bool("dns.flags.authenticated", "Answer authenticated");
    public static final FieldDef FLAGS_CHECKDISABLE = FieldDef.bool("dns.flags.checkdisable", "Non-authenticated data");
    public static final FieldDef FLAGS_RCODE = FieldDef.uint("dns.flags.rcode", "Reply code", 2, Base.DEC);
    public static final FieldDef COUNT_QUERIES = FieldDef.uint("dns.count.queries", "Questions", 2, Base.DEC);
    public static final FieldDef COUNT_ANSWERS = FieldDef.uint("dns.count.answers", "Answer RRs", 2, Base.DEC);
    public static final FieldDef COUNT_AUTH_RR = FieldDef.uint("dns.count.auth_rr", "Authority RRs", 2, Base.DEC);
    public static final FieldDef COUNT_ADD_RR = FieldDef.uint("dns.count.add_rr", "Additional RRs", 2, Base.DEC);
    public static final FieldDef COUNT_ZONES = FieldDef.uint("dns.count.zones", "Zones", 2, Base.DEC);
    public static final FieldDef COUNT_PREREQUISITES = FieldDef.uint("dns.count.prerequisites", "Prerequisites", 2,
            Base.DEC);
    public static final FieldDef COUNT_UPDATES = FieldDef.uint("dns.count.updates", "Updates", 2, Base.DEC);

    // questions
    public static final FieldDef QRY_NAME = FieldDef.string("dns.qry.name", "Name");
    public static final FieldDef QRY_NAME_LEN = FieldDef.uint("dns.qry.name.len", "Name Length", 2, Base.DEC);
    public static final FieldDef COUNT_LABELS = FieldDef.uint("dns.count.labels", "Label Count", 2, Base.DEC);
    public static final FieldDef QRY_TYPE = FieldDef.uint("dns.qry.type", "Type", 2, Base.DEC);
    public static final FieldDef QRY_CLASS = FieldDef.uint("dns.qry.class", "Class", 2, Base.HEX);
    public static final FieldDef QRY_QU = FieldDef.bool("dns.qry.qu", "\"QU\" question");

    // resource records
    public static final FieldDef RESP_NAME = FieldDef.string("dns.resp.name", "Name");
    public static final FieldDef RESP_TYPE = FieldDef.uint("dns.resp.type", "Type", 2, Base.DEC);
    public static final FieldDef RESP_CLASS = FieldDef.uint("dns.resp.class", "Class", 2, Base.HEX);
    public static final FieldDef RESP_CACHE_FLUSH = FieldDef.bool("dns.resp.cache_flush", "Cache flush");
    public static final FieldDef RESP_TTL = FieldDef.uint("dns.resp.ttl", "Time to live", 4, Base.DEC);
    public static final FieldDef RESP_LEN = FieldDef.uint("dns.resp.len", "Data length", 4, Base.DEC);
    public static final FieldDef SRV_SERVICE = FieldDef.string("dns.srv.service", "Service");
    public static final FieldDef SRV_PROTO = FieldDef.string("dns.srv.proto", "Protocol");
    public static final FieldDef SRV_NAME = FieldDef.string("dns.srv.name", "Name");

    // RDATA
    public static final FieldDef A = FieldDef.ipv4("dns.a", "Address");
    public static final FieldDef AAAA = FieldDef.ipv6("dns.aaaa", "AAAA Address");
    public static final FieldDef CNAME = FieldDef.string("dns.cname", "CNAME");
    public static final FieldDef NS = FieldDef.string("dns.ns", "Name Server");
    public static final FieldDef PTR_DOMAIN_NAME = FieldDef.string("dns.ptr.domain_name", "Domain Name");
    public static final FieldDef DNAME = FieldDef.string("dns.dname", "Dname");
    public static final FieldDef MX_PREFERENCE = FieldDef.uint("dns.mx.preference", "Preference", 2, Base.DEC);
    public static final FieldDef MX_MAIL_EXCHANGE = FieldDef.string("dns.mx.mail_exchange", "Mail Exchange");
    public static final FieldDef TXT_LENGTH = FieldDef.uint("dns.txt.length", "TXT Length", 1, Base.DEC);
    public static final FieldDef TXT = FieldDef.string("dns.txt", "TXT");
    public static final FieldDef SPF_LENGTH = FieldDef.uint("dns.spf.length", "SPF Length", 1, Base.DEC);
    public static final FieldDef SPF = FieldDef.string("dns.spf", "SPF");
    public static final FieldDef HINFO_CPU_LENGTH = FieldDef.uint("dns.hinfo.cpu_length", "CPU Length", 1, Base.DEC);
    public static final FieldDef HINFO_CPU = FieldDef.string("dns.hinfo.cpu", "CPU");
    public static final FieldDef HINFO_OS_LENGTH = FieldDef.uint("dns.hinfo.os_length", "OS Length", 1, Base.DEC);
    public static final FieldDef HINFO_OS = FieldDef.string("dns.hinfo.os", "OS");
    public static final FieldDef SOA_MNAME = FieldDef.string("dns.soa.mname", "Primary name server");
    public static final FieldDef SOA_RNAME = FieldDef.string("dns.soa.rname", "Responsible authority's mailbox");
    public static final FieldDef SOA_SERIAL = FieldDef.uint("dns.soa.serial_number", "Serial Number", 4, Base.DEC);
    public static final FieldDef SOA_REFRESH = FieldDef.uint("dns.soa.refresh_interval", "Refresh Interval", 4, Base.DEC);
    public static final FieldDef SOA_RETRY = FieldDef.uint("dns.soa.retry_interval", "Retry Interval", 4, Base.DEC);
    public static final FieldDef SOA_EXPIRE = FieldDef.uint("dns.soa.expire_limit", "Expire limit", 4, Base.DEC);
    public static final FieldDef SOA_MINIMUM = FieldDef.uint("dns.soa.mininum_ttl", "Minimum TTL", 4, Base.DEC);
    public static final FieldDef SRV_PRIORITY = FieldDef.uint("dns.srv.priority", "Priority", 2, Base.DEC);
    public static final FieldDef SRV_WEIGHT = FieldDef.uint("dns.srv.weight", "Weight", 2, Base.DEC);
    public static final FieldDef SRV_PORT = FieldDef.uint("dns.srv.port", "Port", 2, Base.DEC);
    public static final FieldDef SRV_TARGET = FieldDef.string("dns.srv.target", "Target");
    public static final FieldDef NAPTR_ORDER = FieldDef.uint("dns.naptr.order", "Order", 2, Base.DEC);
    public static final FieldDef NAPTR_PREFERENCE = FieldDef.uint("dns.naptr.preference", "Preference", 2, Base.DEC);
    public static final FieldDef NAPTR_FLAGS_LENGTH = FieldDef.uint("dns.naptr.flags_length", "Flags Length", 1, Base.DEC);
    public static final FieldDef NAPTR_FLAGS = FieldDef.string("dns.naptr.flags", "Flags");
    public static final FieldDef NAPTR_SERVICE_LENGTH = FieldDef.uint("dns.naptr.service_length", "Service Length", 1, Base.DEC);
    public static final FieldDef NAPTR_SERVICE = FieldDef.string("dns.naptr.service", "Service");
    public static final FieldDef NAPTR_REGEX_LENGTH = FieldDef.uint("dns.naptr.regex_length", "Regex Length", 1, Base.DEC);
    public static final FieldDef NAPTR_REGEX = FieldDef.string("dns.naptr.regex", "Regex");
    public static final FieldDef NAPTR_REPLACEMENT_LENGTH = FieldDef.uint("dns.naptr.replacement_length",
            "Replacement Length", 1, Base.DEC);
    public static final FieldDef NAPTR_REPLACEMENT = FieldDef.string("dns.naptr.replacement", "Replacement");
    public static final FieldDef CAA_FLAGS = FieldDef.uint("dns.caa.flags", "CAA Flags", 1, Base.HEX);
    public static final FieldDef CAA_ISSUER_CRITICAL = FieldDef.bool("dns.caa.flags.issuer_critical", "Issuer Critical");
    public static final FieldDef CAA_TAG_LENGTH = FieldDef.uint("dns.caa.tag_length", "Tag length", 1, Base.DEC);
    public static final FieldDef CAA_TAG = FieldDef.string("dns.caa.tag", "Tag");
    public static final FieldDef CAA_ISSUE = FieldDef.string("dns.caa.issue", "Issue");
    public static final FieldDef CAA_ISSUEWILD = FieldDef.string("dns.caa.issuewild", "Issue Wildcard");
    public static final FieldDef CAA_IODEF = FieldDef.string("dns.caa.iodef", "Report URL");
    public static final FieldDef CAA_UNKNOWN = FieldDef.string("dns.caa.unknown", "Unknown tag");
    public static final FieldDef DS_KEY_ID = FieldDef.uint("dns.ds.key_id", "Key id", 2, Base.HEX);
    public static final FieldDef DS_ALGORITHM = FieldDef.uint("dns.ds.algorithm", "Algorithm", 1, Base.DEC);
    public static final FieldDef DS_DIGEST_TYPE = FieldDef.uint("dns.ds.digest_type", "Digest Type", 1, Base.DEC);
    public static final FieldDef DS_DIGEST = FieldDef.bytes("dns.ds.digest", "Digest");
    public static final FieldDef DNSKEY_FLAGS = FieldDef.uint("dns.dnskey.flags", "Flags", 2, Base.HEX);
    public static final FieldDef DNSKEY_ZONE_KEY = FieldDef.bool("dns.dnskey.flags.zone_key", "Zone Key");
    public static final FieldDef DNSKEY_KEY_REVOKED = FieldDef.bool("dns.dnskey.flags.key_revoked", "Key Revoked");
    public static final FieldDef DNSKEY_SEP = FieldDef.bool("dns.dnskey.flags.secure_entry_point", "Key Signing Key");
    public static final FieldDef DNSKEY_RESERVED = FieldDef.uint("dns.dnskey.flags.reserved", "Reserved", 2, Base.HEX);
    public static final FieldDef DNSKEY_PROTOCOL = FieldDef.uint("dns.dnskey.protocol", "Protocol", 1, Base.DEC);
    public static final FieldDef DNSKEY_ALGORITHM = FieldDef.uint("dns.dnskey.algorithm", "Algorithm", 1, Base.DEC);
    public static final FieldDef DNSKEY_KEY_ID = FieldDef.uint("dns.dnskey.key_id", "Key id", 2, Base.DEC);
    public static final FieldDef DNSKEY_PUBLIC_KEY = FieldDef.bytes("dns.dnskey.public_key", "Public Key");
    public static final FieldDef RRSIG_TYPE_COVERED = FieldDef.uint("dns.rrsig.type_covered", "Type Covered", 2, Base.DEC);
    public static final FieldDef RRSIG_ALGORITHM = FieldDef.uint("dns.rrsig.algorithm", "Algorithm", 1, Base.DEC);
    public static final FieldDef RRSIG_LABELS = FieldDef.uint("dns.rrsig.labels", "Labels", 1, Base.DEC);
    public static final FieldDef RRSIG_ORIGINAL_TTL = FieldDef.uint("dns.rrsig.original_ttl", "Original TTL", 4, Base.DEC);
    public static final FieldDef RRSIG_EXPIRATION = FieldDef.absoluteTime("dns.rrsig.signature_expiration",
            "Signature Expiration");
    public static final FieldDef RRSIG_INCEPTION = FieldDef.absoluteTime("dns.rrsig.signature_inception",
            "Signature Inception");
    public static final FieldDef RRSIG_KEY_TAG = FieldDef.uint("dns.rrsig.key_tag", "Key Tag", 2, Base.DEC);
    public static final FieldDef RRSIG_SIGNERS_NAME = FieldDef.string("dns.rrsig.signers_name", "Signer's name");
    public static final FieldDef RRSIG_SIGNATURE = FieldDef.bytes("dns.rrsig.signature", "Signature");
    public static final FieldDef NSEC_NEXT_DOMAIN_NAME = FieldDef.string("dns.nsec.next_domain_name",
            "Next Domain Name");
    public static final FieldDef NSEC3_ALGO = FieldDef.uint("dns.nsec3.algo", "Hash algorithm", 1, Base.DEC);
    public static final FieldDef NSEC3_FLAGS = FieldDef.uint("dns.nsec3.flags", "NSEC3 flags", 1, Base.DEC);
    public static final FieldDef NSEC3_OPT_OUT = FieldDef.bool("dns.nsec3.flags.opt_out", "NSEC3 Opt-out flag");
    public static final FieldDef NSEC3_ITERATIONS = FieldDef.uint("dns.nsec3.iterations", "NSEC3 iterations", 2, Base.DEC);
    public static final FieldDef NSEC3_SALT_LENGTH = FieldDef.uint("dns.nsec3.salt_length", "Salt length", 1, Base.DEC);
    public static final FieldDef NSEC3_SALT_VALUE = FieldDef.bytes("dns.nsec3.salt_value", "Salt value");
    public static final FieldDef NSEC3_HASH_LENGTH = FieldDef.uint("dns.nsec3.hash_length", "Hash length", 1, Base.DEC);
    public static final FieldDef NSEC3_HASH_VALUE = FieldDef.bytes("dns.nsec3.hash_value", "Next hashed owner");
    public static final FieldDef TLSA_USAGE = FieldDef.uint("dns.tlsa.certificate_usage", "Certificate Usage", 1, Base.DEC);
    public static final FieldDef TLSA_SELECTOR = FieldDef.uint("dns.tlsa.selector", "Selector", 1, Base.DEC);
    public static final FieldDef TLSA_MATCHING_TYPE = FieldDef.uint("dns.tlsa.matching_type", "Matching Type", 1, Base.DEC);
    public static final FieldDef TLSA_DATA = FieldDef.bytes("dns.tlsa.certificate_association_data",
            "Certificate Association Data");
    public static final FieldDef SSHFP_ALGORITHM = FieldDef.uint("dns.sshfp.algorithm", "Algorithm", 1, Base.DEC);
    public static final FieldDef SSHFP_FINGERPRINT_TYPE = FieldDef.uint("dns.sshfp.fingerprint.type", "Fingerprint type",
            1, Base.DEC);
    public static final FieldDef SSHFP_FINGERPRINT = FieldDef.bytes("dns.sshfp.fingerprint", "Fingerprint");
    public static final FieldDef SVCB_PRIORITY = FieldDef.uint("dns.svcb.priority", "SvcPriority", 2, Base.DEC);
    public static final FieldDef SVCB_TARGET = FieldDef.string("dns.svcb.target", "TargetName");
    public static final FieldDef SVCB_PARAM_KEY = FieldDef.uint("dns.svcb.svcparam.key", "SvcParamKey", 2, Base.DEC);
    public static final FieldDef SVCB_PARAM_LENGTH = FieldDef.uint("dns.svcb.svcparam.value.length",
            "SvcParamValue length", 2, Base.DEC);
    public static final FieldDef SVCB_MANDATORY_KEY = FieldDef.uint("dns.svcb.svcparam.mandatory.key", "Mandatory key",
            2, Base.DEC);
    public static final FieldDef SVCB_ALPN_LENGTH = FieldDef.uint("dns.svcb.svcparam.alpn.length", "ALPN length", 1,
            Base.DEC);
    public static final FieldDef SVCB_ALPN = FieldDef.string("dns.svcb.svcparam.alpn", "ALPN");
    public static final FieldDef SVCB_PORT = FieldDef.uint("dns.svcb.svcparam.port", "Port", 2, Base.DEC);
    public static final FieldDef SVCB_IPV4HINT = FieldDef.ipv4("dns.svcb.svcparam.ipv4hint.ip", "IP");
    public static final FieldDef SVCB_ECH = FieldDef.bytes("dns.svcb.svcparam.ech", "ECHConfigList");
    public static final FieldDef SVCB_IPV6HINT = FieldDef.ipv6("dns.svcb.svcparam.ipv6hint.ip", "IP");
    public static final FieldDef SVCB_VALUE = FieldDef.bytes("dns.svcb.svcparam.value", "SvcParamValue");
    public static final FieldDef DATA = FieldDef.bytes("dns.data", "Data");

    // OPT (EDNS0)
    public static final FieldDef RR_UDP_PAYLOAD_SIZE = FieldDef.uint("dns.rr.udp_payload_size", "UDP payload size", 2,
            Base.DEC);
    /** The mDNS form of {@code dns.rr.udp_payload_size}: tshark shows it in hex (its own field, same name). */
    public static final FieldDef RR_UDP_PAYLOAD_SIZE_MDNS = FieldDef.uint("dns.rr.udp_payload_size",
            "UDP payload size", 2, Base.HEX);
    public static final FieldDef RESP_EXT_RCODE = FieldDef.uint("dns.resp.ext_rcode", "Higher bits in extended RCODE", 1,
            Base.HEX);
    public static final FieldDef RESP_EDNS0_VERSION = FieldDef.uint("dns.resp.edns0_version", "EDNS0 version", 1,
            Base.DEC);
    public static final FieldDef RESP_Z = FieldDef.uint("dns.resp.z", "Z", 2, Base.HEX);
    public static final FieldDef RESP_Z_DO = FieldDef.bool("dns.resp.z.do", "DO bit");
    public static final FieldDef RESP_Z_RESERVED = FieldDef.uint("dns.resp.z.reserved", "Reserved", 2, Base.HEX);
    public static final FieldDef OPT = FieldDef.label("dns.opt", "Option");
    public static final FieldDef OPT_CODE = FieldDef.uint("dns.opt.code", "Option Code", 2, Base.DEC);
    public static final FieldDef OPT_LEN = FieldDef.uint("dns.opt.len", "Option Length", 2, Base.DEC);
    public static final FieldDef OPT_DATA = FieldDef.bytes("dns.opt.data", "Option Data");
    public static final FieldDef OPT_CLIENT_FAMILY = FieldDef.uint("dns.opt.client.family", "Family", 2, Base.DEC);
    public static final FieldDef OPT_CLIENT_NETMASK = FieldDef.uint("dns.opt.client.netmask", "Source Netmask", 1,
            Base.DEC);
    public static final FieldDef OPT_CLIENT_SCOPE = FieldDef.uint("dns.opt.client.scope", "Scope Netmask", 1, Base.DEC);
    public static final FieldDef OPT_CLIENT_ADDR = FieldDef.bytes("dns.opt.client.addr", "Client Subnet");
    public static final FieldDef OPT_CLIENT_ADDR4 = FieldDef.ipv4("dns.opt.client.addr4", "Client Subnet");
    public static final FieldDef OPT_CLIENT_ADDR6 = FieldDef.ipv6("dns.opt.client.addr6", "Client Subnet");
    public static final FieldDef OPT_COOKIE_CLIENT = FieldDef.bytes("dns.opt.cookie.client", "Client Cookie");
    public static final FieldDef OPT_COOKIE_SERVER = FieldDef.bytes("dns.opt.cookie.server", "Server Cookie");
    public static final FieldDef OPT_PADDING = FieldDef.bytes("dns.opt.padding", "Padding");

    // matching
    public static final FieldDef RESPONSE_IN = FieldDef.frameNumber("dns.response_in", "Response In")
            .describedAs("The response to this DNS query is in this frame. Needs the future: emitted only in the"
                    + " second of two passes (DissectionEngine.beginSecondPass, tshark -2).");
    public static final FieldDef RESPONSE_TO = FieldDef.frameNumber("dns.response_to", "Request In");
    public static final FieldDef TIME = FieldDef.relativeTime("dns.time", "Time");

    static final FieldDef[] ALL = {
        LENGTH, ID, FLAGS, FLAGS_RESPONSE, FLAGS_OPCODE, FLAGS_AUTHORITATIVE, FLAGS_CONFLICT, FLAGS_TRUNCATED,
        FLAGS_RECDESIRED, FLAGS_TENTATIVE, FLAGS_RECAVAIL, FLAGS_Z, FLAGS_AUTHENTICATED, FLAGS_CHECKDISABLE,
        FLAGS_RCODE, COUNT_QUERIES, COUNT_ANSWERS, COUNT_AUTH_RR, COUNT_ADD_RR, COUNT_ZONES, COUNT_PREREQUISITES,
        COUNT_UPDATES,
        QRY_NAME, QRY_NAME_LEN, COUNT_LABELS, QRY_TYPE, QRY_CLASS, QRY_QU,
        RESP_NAME, RESP_TYPE, RESP_CLASS, RESP_CACHE_FLUSH, RESP_TTL, RESP_LEN, SRV_SERVICE, SRV_PROTO, SRV_NAME,
        A, AAAA, CNAME, NS, PTR_DOMAIN_NAME, DNAME, MX_PREFERENCE, MX_MAIL_EXCHANGE, TXT_LENGTH, TXT, SPF_LENGTH, SPF,
        HINFO_CPU_LENGTH, HINFO_CPU, HINFO_OS_LENGTH, HINFO_OS,
        SOA_MNAME, SOA_RNAME, SOA_SERIAL, SOA_REFRESH, SOA_RETRY, SOA_EXPIRE, SOA_MINIMUM,
        SRV_PRIORITY, SRV_WEIGHT, SRV_PORT, SRV_TARGET,
        NAPTR_ORDER, NAPTR_PREFERENCE, NAPTR_FLAGS_LENGTH, NAPTR_FLAGS, NAPTR_SERVICE_LENGTH, NAPTR_SERVICE,
        NAPTR_REGEX_LENGTH, NAPTR_REGEX, NAPTR_REPLACEMENT_LENGTH, NAPTR_REPLACEMENT,
        CAA_FLAGS, CAA_ISSUER_CRITICAL, CAA_TAG_LENGTH, CAA_TAG, CAA_ISSUE, CAA_ISSUEWILD, CAA_IODEF, CAA_UNKNOWN,
        DS_KEY_ID, DS_ALGORITHM, DS_DIGEST_TYPE, DS_DIGEST,
        DNSKEY_FLAGS, DNSKEY_ZONE_KEY, DNSKEY_KEY_REVOKED, DNSKEY_SEP, DNSKEY_RESERVED, DNSKEY_PROTOCOL,
        DNSKEY_ALGORITHM, DNSKEY_KEY_ID, DNSKEY_PUBLIC_KEY,
        RRSIG_TYPE_COVERED, RRSIG_ALGORITHM, RRSIG_LABELS, RRSIG_ORIGINAL_TTL, RRSIG_EXPIRATION, RRSIG_INCEPTION,
        RRSIG_KEY_TAG, RRSIG_SIGNERS_NAME, RRSIG_SIGNATURE, NSEC_NEXT_DOMAIN_NAME,
        NSEC3_ALGO, NSEC3_FLAGS, NSEC3_OPT_OUT, NSEC3_ITERATIONS, NSEC3_SALT_LENGTH, NSEC3_SALT_VALUE,
        NSEC3_HASH_LENGTH, NSEC3_HASH_VALUE,
        TLSA_USAGE, TLSA_SELECTOR, TLSA_MATCHING_TYPE, TLSA_DATA, SSHFP_ALGORITHM, SSHFP_FINGERPRINT_TYPE,
        SSHFP_FINGERPRINT,
        SVCB_PRIORITY, SVCB_TARGET, SVCB_PARAM_KEY, SVCB_PARAM_LENGTH, SVCB_MANDATORY_KEY, SVCB_ALPN_LENGTH,
        SVCB_ALPN, SVCB_PORT, SVCB_IPV4HINT, SVCB_ECH, SVCB_IPV6HINT, SVCB_VALUE, DATA,
        RR_UDP_PAYLOAD_SIZE, RESP_EXT_RCODE, RESP_EDNS0_VERSION, RESP_Z, RESP_Z_DO, RESP_Z_RESERVED,
        OPT, OPT_CODE, OPT_LEN, OPT_DATA, OPT_CLIENT_FAMILY, OPT_CLIENT_NETMASK, OPT_CLIENT_SCOPE, OPT_CLIENT_ADDR,
        OPT_CLIENT_ADDR4, OPT_CLIENT_ADDR6, OPT_COOKIE_CLIENT, OPT_COOKIE_SERVER, OPT_PADDING,
        RESPONSE_IN, RESPONSE_TO, TIME,
    };

    // diagnostics
    public static final DiagnosticDef SHORT_HEADER = DiagnosticDef.truncated("dns.header.short",
            "Too short for a DNS header");
    public static final DiagnosticDef TRUNCATED = DiagnosticDef.truncated("dns.truncated",
            "Message ends inside a record; the sections before it were kept");
    public static final DiagnosticDef BAD_LABEL = DiagnosticDef.malformed("dns.name.bad_label",
            "Label type 0x40 or 0x80 (extended or reserved)");
    public static final DiagnosticDef POINTER_LOOP = DiagnosticDef.malformed("dns.name.pointer_loop",
            "Name contains a pointer that loops");
    public static final DiagnosticDef NAME_TOO_LONG = DiagnosticDef.malformed("dns.name.too_long",
            "Name longer than 255 octets");
    public static final DiagnosticDef FORWARD_POINTER = DiagnosticDef.warning("dns.name.forward_pointer",
            "Compression pointer points forward", DiagnosticGroup.PROTOCOL);
    public static final DiagnosticDef RDATA_BAD = DiagnosticDef.malformed("dns.rdata.bad",
            "RDATA does not match its length");
    public static final DiagnosticDef TRAILING = DiagnosticDef.note("dns.trailing",
            "Bytes after the last record", DiagnosticGroup.PROTOCOL);

    static final DiagnosticDef[] DIAGNOSTICS = {
        SHORT_HEADER, TRUNCATED, BAD_LABEL, POINTER_LOOP, NAME_TOO_LONG, FORWARD_POINTER, RDATA_BAD, TRAILING,
    };
}
