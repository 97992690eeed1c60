package dev.dissect.net.dns;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.dissection.FieldFormat;
import dev.dissect.api.field.FieldDef;
import dev.dissect.net.wire.DnsOptClientSubnetView;
import dev.dissect.net.wire.DnsOptOptionView;
import dev.dissect.net.wire.DnsRdataCaaView;
import dev.dissect.net.wire.DnsRdataDnskeyView;
import dev.dissect.net.wire.DnsRdataDsView;
import dev.dissect.net.wire.DnsRdataMxHeadView;
import dev.dissect.net.wire.DnsRdataNaptrHeadView;
import dev.dissect.net.wire.DnsRdataNsec3HeadView;
import dev.dissect.net.wire.DnsRdataRrsigHeadView;
import dev.dissect.net.wire.DnsRdataSoaTailView;
import dev.dissect.net.wire.DnsRdataSrvHeadView;
import dev.dissect.net.wire.DnsRdataSshfpView;
import dev.dissect.net.wire.DnsRdataTlsaView;
import dev.dissect.net.wire.DnsSvcParamView;
import dev.dissect.net.wire.DnsTypeBitmapWindowView;

/**
 * Dissects RDATA by type, with tshark 4.0's fields and info text; types it does not know are raw bytes
 * ({@code dns.data}, RFC 3597).
 *
 * <p>Where tshark reads past RDATA (a character string longer than what is left of it, a name that runs on),
 * this reads on as well, but never past the message; where tshark would throw, {@link #dissect} returns false
 * after recording a diagnostic, and the message stops there.
 */
final class DnsRdata {
    private final DnsNames names;
    private final DnsTextPool pool;
    private final StringBuilder scratch = new StringBuilder(64);
    private final DnsRdataSoaTailView soa = new DnsRdataSoaTailView();
    private final DnsRdataMxHeadView mx = new DnsRdataMxHeadView();
    private final DnsRdataSrvHeadView srv = new DnsRdataSrvHeadView();
    private final DnsRdataNaptrHeadView naptr = new DnsRdataNaptrHeadView();
    private final DnsRdataCaaView caa = new DnsRdataCaaView();
    private final DnsOptOptionView option = new DnsOptOptionView();
    private final DnsOptClientSubnetView subnet = new DnsOptClientSubnetView();
    private final DnsSvcParamView svcParam = new DnsSvcParamView();
    private final DnsRdataDsView ds = new DnsRdataDsView();
    private final DnsRdataDnskeyView dnskey = new DnsRdataDnskeyView();
    private final DnsRdataRrsigHeadView rrsig = new DnsRdataRrsigHeadView();
    private final DnsRdataNsec3HeadView nsec3 = new DnsRdataNsec3HeadView();
    private final DnsTypeBitmapWindowView window = new DnsTypeBitmapWindowView();
    private final DnsRdataTlsaView tlsa = new DnsRdataTlsaView();
    private final DnsRdataSshfpView sshfp = new DnsRdataSshfpView();

    DnsRdata(DnsNames names, DnsTextPool pool) {
        this.names = names;
        this.pool = pool;
    }

    /**
     * Adds the fields of one record's RDATA at {@code [rd, rd + rdLength)}; the message is {@code [start, end)}.
     * {@code info} is null when the info column is not wanted.
     *
     * @return false if the message cannot be dissected further (a diagnostic was recorded)
     */
    boolean dissect(Dissection tree, ByteView data, int start, int end, int rd, int rdLength, int type,
                    StringBuilder info) {
        int rdEnd = rd + rdLength;
        switch (type) {
            case DnsTypes.A -> {
                if (!need(tree, rd, 4, end)) {
                    return false;
                }
                tree.addBytes(DnsFields.A, data, rd, 4);
                if (info != null) {
                    appendIpv4(info.append(' '), data, rd);
                }
                return true;
            }
            case DnsTypes.AAAA -> {
                if (!need(tree, rd, 16, end)) {
                    return false;
                }
                tree.addBytes(DnsFields.AAAA, data, rd, 16);
                if (info != null) {
                    FieldFormat.appendIpv6(info.append(' '), data, rd);
                }
                return true;
            }
            case DnsTypes.CNAME -> {
                return nameField(tree, data, start, end, rd, DnsFields.CNAME, info);
            }
            case DnsTypes.NS -> {
                return nameField(tree, data, start, end, rd, DnsFields.NS, info);
            }
            case DnsTypes.PTR -> {
                return nameField(tree, data, start, end, rd, DnsFields.PTR_DOMAIN_NAME, info);
            }
            case DnsTypes.DNAME -> {
                return nameField(tree, data, start, end, rd, DnsFields.DNAME, info);
            }
            case DnsTypes.MX -> {
                if (!need(tree, rd, 2, end)) {
                    return false;
                }
                int preference = mx.wrap(data, rd, 2).preference();
                tree.add(DnsFields.MX_PREFERENCE, data, rd, 2, preference);
                if (info != null) {
                    info.append(' ').append(preference);
                }
                return nameField(tree, data, start, end, rd + 2, DnsFields.MX_MAIL_EXCHANGE, info);
            }
            case DnsTypes.SOA -> {
                return soa(tree, data, start, end, rd, info);
            }
            case DnsTypes.TXT -> {
                return strings(tree, data, end, rd, rdLength, DnsFields.TXT_LENGTH, DnsFields.TXT);
            }
            case DnsTypes.SPF -> {
                return strings(tree, data, end, rd, rdLength, DnsFields.SPF_LENGTH, DnsFields.SPF);
            }
            case DnsTypes.HINFO -> {
                int p = string(tree, data, end, rd, DnsFields.HINFO_CPU_LENGTH, DnsFields.HINFO_CPU);
                return p >= 0 && string(tree, data, end, p, DnsFields.HINFO_OS_LENGTH, DnsFields.HINFO_OS) >= 0;
            }
            case DnsTypes.SRV -> {
                if (!need(tree, rd, DnsRdataSrvHeadView.MIN_LENGTH, end)) {
                    return false;
                }
                DnsRdataSrvHeadView s = srv.wrap(data, rd, DnsRdataSrvHeadView.MIN_LENGTH);
                tree.add(DnsFields.SRV_PRIORITY, data, rd, 2, s.priority());
                tree.add(DnsFields.SRV_WEIGHT, data, rd + 2, 2, s.weight());
                tree.add(DnsFields.SRV_PORT, data, rd + 4, 2, s.port());
                if (info != null) {
                    info.append(' ').append(s.priority()).append(' ').append(s.weight()).append(' ').append(s.port());
                }
                return nameField(tree, data, start, end, rd + DnsRdataSrvHeadView.MIN_LENGTH, DnsFields.SRV_TARGET,
                        info);
            }
            case DnsTypes.NAPTR -> {
                return naptr(tree, data, start, end, rd);
            }
            case DnsTypes.CAA -> {
                return caa(tree, data, rd, rdLength);
            }
            case DnsTypes.OPT -> {
                return options(tree, data, rd, rdEnd, end);
            }
            case DnsTypes.DS, DnsTypes.CDS -> {
                DnsRdataDsView d = ds.wrap(data, rd, rdLength);
                if (d.validate() < 0) {
                    return bad(tree, rd, rdLength);
                }
                tree.add(DnsFields.DS_KEY_ID, data, rd, 2, d.keyTag());
                tree.add(DnsFields.DS_ALGORITHM, data, rd + 2, 1, d.algorithm());
                tree.add(DnsFields.DS_DIGEST_TYPE, data, rd + 3, 1, d.digestType());
                tree.addBytes(DnsFields.DS_DIGEST, data, d.digestOffset(), d.digestLength());
                return true;
            }
            case DnsTypes.DNSKEY, DnsTypes.CDNSKEY -> {
                return dnskey(tree, data, rd, rdLength);
            }
            case DnsTypes.RRSIG -> {
                return rrsig(tree, data, start, end, rd, rdEnd);
            }
            case DnsTypes.NSEC -> {
                if (!nameField(tree, data, start, end, rd, DnsFields.NSEC_NEXT_DOMAIN_NAME, null)) {
                    return false;
                }
                return bitmap(tree, data, rd + names.encodedLength, rdEnd, end);
            }
            case DnsTypes.NSEC3, DnsTypes.NSEC3PARAM -> {
                return nsec3(tree, data, rd, rdEnd, end, type == DnsTypes.NSEC3);
            }
            case DnsTypes.TLSA -> {
                DnsRdataTlsaView t = tlsa.wrap(data, rd, rdLength);
                if (t.validate() < 0) {
                    return bad(tree, rd, rdLength);
                }
                tree.add(DnsFields.TLSA_USAGE, data, rd, 1, t.certificateUsage());
                tree.add(DnsFields.TLSA_SELECTOR, data, rd + 1, 1, t.selector());
                tree.add(DnsFields.TLSA_MATCHING_TYPE, data, rd + 2, 1, t.matchingType());
                tree.addBytes(DnsFields.TLSA_DATA, data, t.certificateAssociationDataOffset(),
                        t.certificateAssociationDataLength());
                return true;
            }
            case DnsTypes.SSHFP -> {
                DnsRdataSshfpView s = sshfp.wrap(data, rd, rdLength);
                if (s.validate() < 0) {
                    return bad(tree, rd, rdLength);
                }
                tree.add(DnsFields.SSHFP_ALGORITHM, data, rd, 1, s.sshfpAlgorithm());
                tree.add(DnsFields.SSHFP_FINGERPRINT_TYPE, data, rd + 1, 1, s.fingerprintType());
                tree.addBytes(DnsFields.SSHFP_FINGERPRINT, data, s.fingerprintOffset(), s.fingerprintLength());
                return true;
            }
            case DnsTypes.SVCB, DnsTypes.HTTPS -> {
                return svcb(tree, data, start, end, rd, rdEnd);
            }
            default -> {
                if (rdLength > 0) {
                    tree.addBytes(DnsFields.DATA, data, rd, rdLength);
                }
                return true;
            }
        }
    }

    /** A character string as a value to record, in a pooled builder while the pool lasts. */
    private CharSequence ascii(ByteView data, int offset, int length) {
        StringBuilder b = pool.next();
        return b == null ? DnsText.ascii(scratch, data, offset, length) : DnsText.appendAscii(b, data, offset, length);
    }

    private static boolean need(Dissection tree, int at, int width, int end) {
        if (at + width > end) {
            tree.diagnose(DnsFields.TRUNCATED, at, Math.max(0, end - at), width + " bytes needed");
            return false;
        }
        return true;
    }

    private static boolean bad(Dissection tree, int rd, int rdLength) {
        tree.diagnose(DnsFields.RDATA_BAD, rd, rdLength, "too short for its type");
        return false;
    }

    private boolean readName(Dissection tree, ByteView data, int start, int end, int at) {
        return DnsMessageDissector.report(tree, names.read(data, start, end, at), at, end, names);
    }

    /** A name as a field; appended to {@code info} (after a space) when given. */
    private boolean nameField(Dissection tree, ByteView data, int start, int end, int at, FieldDef def,
                              StringBuilder info) {
        if (!readName(tree, data, start, end, at)) {
            return false;
        }
        if (tree.records(def)) {
            tree.addString(def, data, at, names.encodedLength, pool.copy(names.text()));
        }
        if (info != null) {
            info.append(' ').append(names.text());
        }
        return true;
    }

    private boolean soa(Dissection tree, ByteView data, int start, int end, int rd, StringBuilder info) {
        if (!nameField(tree, data, start, end, rd, DnsFields.SOA_MNAME, info)) {
            return false;
        }
        int p = rd + names.encodedLength;
        if (!nameField(tree, data, start, end, p, DnsFields.SOA_RNAME, null)) {
            return false;
        }
        p += names.encodedLength;
        if (!need(tree, p, DnsRdataSoaTailView.MIN_LENGTH, end)) {
            return false;
        }
        DnsRdataSoaTailView t = soa.wrap(data, p, DnsRdataSoaTailView.MIN_LENGTH);
        tree.add(DnsFields.SOA_SERIAL, data, p, 4, t.serial());
        tree.add(DnsFields.SOA_REFRESH, data, p + 4, 4, t.refresh());
        tree.add(DnsFields.SOA_RETRY, data, p + 8, 4, t.retry());
        tree.add(DnsFields.SOA_EXPIRE, data, p + 12, 4, t.expire());
        tree.add(DnsFields.SOA_MINIMUM, data, p + 16, 4, t.minimum());
        return true;
    }

    /**
     * TXT-like character strings until RDATA is used up. As tshark, a string whose length runs past RDATA is read
     * anyway (inside the message) and the loop goes on until the count reaches zero exactly or the message ends.
     */
    private boolean strings(Dissection tree, ByteView data, int end, int rd, int rdLength, FieldDef lengthDef,
                            FieldDef textDef) {
        int left = rdLength;
        int p = rd;
        while (left != 0) {
            int next = string(tree, data, end, p, lengthDef, textDef);
            if (next < 0) {
                return false;
            }
            left -= next - p;
            p = next;
        }
        return true;
    }

    /** One character string; returns the offset after it or -1. */
    private int string(Dissection tree, ByteView data, int end, int p, FieldDef lengthDef, FieldDef textDef) {
        if (!need(tree, p, 1, end)) {
            return -1;
        }
        int len = data.u8(p);
        tree.add(lengthDef, data, p, 1, len);
        if (!need(tree, p + 1, len, end)) {
            return -1;
        }
        if (tree.records(textDef)) {
            tree.addString(textDef, data, p + 1, len, ascii(data, p + 1, len));
        }
        return p + 1 + len;
    }

    private boolean naptr(Dissection tree, ByteView data, int start, int end, int rd) {
        if (!need(tree, rd, DnsRdataNaptrHeadView.MIN_LENGTH, end)) {
            return false;
        }
        DnsRdataNaptrHeadView n = naptr.wrap(data, rd, DnsRdataNaptrHeadView.MIN_LENGTH);
        tree.add(DnsFields.NAPTR_ORDER, data, rd, 2, n.order());
        tree.add(DnsFields.NAPTR_PREFERENCE, data, rd + 2, 2, n.preference());
        int p = string(tree, data, end, rd + 4, DnsFields.NAPTR_FLAGS_LENGTH, DnsFields.NAPTR_FLAGS);
        p = p < 0 ? p : string(tree, data, end, p, DnsFields.NAPTR_SERVICE_LENGTH, DnsFields.NAPTR_SERVICE);
        p = p < 0 ? p : string(tree, data, end, p, DnsFields.NAPTR_REGEX_LENGTH, DnsFields.NAPTR_REGEX);
        if (p < 0 || !readName(tree, data, start, end, p)) {
            return false;
        }
        tree.add(DnsFields.NAPTR_REPLACEMENT_LENGTH, data, p, names.encodedLength, names.unrenderedLength());
        if (tree.records(DnsFields.NAPTR_REPLACEMENT)) {
            tree.addString(DnsFields.NAPTR_REPLACEMENT, data, p, names.encodedLength, pool.copy(names.text()));
        }
        return true;
    }

    private boolean caa(Dissection tree, ByteView data, int rd, int rdLength) {
        DnsRdataCaaView c = caa.wrap(data, rd, rdLength);
        if (c.validate() < 0) {
            return bad(tree, rd, rdLength);
        }
        int flags = c.caaFlags();
        tree.add(DnsFields.CAA_FLAGS, data, rd, 1, flags);
        tree.add(DnsFields.CAA_ISSUER_CRITICAL, data, rd, 1, (flags & 0x80) != 0 ? 1 : 0);
        tree.add(DnsFields.CAA_TAG_LENGTH, data, rd + 1, 1, c.tagLength());
        CharSequence tag = ascii(data, c.tagRegionOffset(), c.tagRegionLength());
        tree.addString(DnsFields.CAA_TAG, data, c.tagRegionOffset(), c.tagRegionLength(), tag);
        FieldDef valueDef = "issue".contentEquals(tag) ? DnsFields.CAA_ISSUE
                : "issuewild".contentEquals(tag) ? DnsFields.CAA_ISSUEWILD
                : "iodef".contentEquals(tag) ? DnsFields.CAA_IODEF
                : DnsFields.CAA_UNKNOWN;
        if (tree.records(valueDef)) {
            tree.addString(valueDef, data, c.valueOffset(), c.valueLength(),
                    ascii(data, c.valueOffset(), c.valueLength()));
        }
        return true;
    }

    /**
     * EDNS0 options (RFC 6891 section 6.1.2). As tshark, an option whose length runs past RDATA is read on (with a
     * diagnostic) inside the message; one that runs past the message ends it, after its code and length.
     */
    private boolean options(Dissection tree, ByteView data, int p, int rdEnd, int end) {
        while (p < rdEnd) {
            if (!need(tree, p, 4, end)) {
                return false;
            }
            DnsOptOptionView o = option.wrap(data, p, end - p);
            int code = o.optionCode();
            int len = o.optionLength();
            int at = o.optionDataOffset();
            tree.add(DnsFields.OPT, data, p, Math.min(4 + len, end - p), 0);
            tree.add(DnsFields.OPT_CODE, data, p, 2, code);
            tree.add(DnsFields.OPT_LEN, data, p + 2, 2, len);
            if (!need(tree, at, len, end)) {
                return false;
            }
            if (at + len > rdEnd) {
                tree.diagnose(DnsFields.RDATA_BAD, p, at + len - p, "EDNS0 option runs past RDATA");
            }
            switch (code) {
                case 8 -> clientSubnet(tree, data, at, len);
                case 10 -> {
                    tree.addBytes(DnsFields.OPT_COOKIE_CLIENT, data, at, Math.min(8, len));
                    if (len > 8) {
                        tree.addBytes(DnsFields.OPT_COOKIE_SERVER, data, at + 8, len - 8);
                    }
                }
                case 12 -> tree.addBytes(DnsFields.OPT_PADDING, data, at, len);
                default -> {
                    if (len > 0) {
                        tree.addBytes(DnsFields.OPT_DATA, data, at, len);
                    }
                }
            }
            p = at + len;
        }
        return true;
    }

    private void clientSubnet(Dissection tree, ByteView data, int at, int len) {
        DnsOptClientSubnetView s = subnet.wrap(data, at, len);
        if (s.validate() < 0) {
            tree.diagnose(DnsFields.RDATA_BAD, at, len, "client subnet option too short");
            return;
        }
        int family = s.family();
        tree.add(DnsFields.OPT_CLIENT_FAMILY, data, at, 2, family);
        tree.add(DnsFields.OPT_CLIENT_NETMASK, data, at + 2, 1, s.sourcePrefixLength());
        tree.add(DnsFields.OPT_CLIENT_SCOPE, data, at + 3, 1, s.scopePrefixLength());
        int addr = s.addressOffset();
        int addrLength = s.addressLength();
        if (family == 1 && addrLength <= 4) {
            long v = 0;
            for (int i = 0; i < 4; i++) {
                v = v << 8 | (i < addrLength ? data.u8(addr + i) : 0);
            }
            tree.add(DnsFields.OPT_CLIENT_ADDR4, null, addr, addrLength, v);
        } else if (family == 2 && addrLength <= 16) {
            byte[] padded = new byte[16];
            data.copyTo(addr, padded, 0, addrLength);
            tree.addBytes(DnsFields.OPT_CLIENT_ADDR6, ByteView.of(padded), 0, 16);
        } else if (addrLength > 0) {
            tree.addBytes(DnsFields.OPT_CLIENT_ADDR, data, addr, addrLength);
        }
    }

    private boolean dnskey(Dissection tree, ByteView data, int rd, int rdLength) {
        DnsRdataDnskeyView k = dnskey.wrap(data, rd, rdLength);
        if (k.validate() < 0) {
            return bad(tree, rd, rdLength);
        }
        int flags = k.keyFlags();
        tree.add(DnsFields.DNSKEY_FLAGS, data, rd, 2, flags);
        tree.add(DnsFields.DNSKEY_ZONE_KEY, data, rd, 2, (flags & 0x0100) != 0 ? 1 : 0);
        tree.add(DnsFields.DNSKEY_KEY_REVOKED, data, rd, 2, (flags & 0x0080) != 0 ? 1 : 0);
        tree.add(DnsFields.DNSKEY_SEP, data, rd, 2, (flags & 0x0001) != 0 ? 1 : 0);
        tree.add(DnsFields.DNSKEY_RESERVED, data, rd, 2, flags & 0xFE7E);
        tree.add(DnsFields.DNSKEY_PROTOCOL, data, rd + 2, 1, k.protocol());
        tree.add(DnsFields.DNSKEY_ALGORITHM, data, rd + 3, 1, k.algorithm());
        tree.add(DnsFields.DNSKEY_KEY_ID, data, rd, rdLength, keyTag(data, rd, rdLength));
        tree.addBytes(DnsFields.DNSKEY_PUBLIC_KEY, data, k.publicKeyOffset(), k.publicKeyLength());
        return true;
    }

    /** RFC 4034 appendix B: the key tag over the whole RDATA. */
    static int keyTag(ByteView data, int rd, int rdLength) {
        long ac = 0;
        for (int i = 0; i < rdLength; i++) {
            int b = data.u8(rd + i);
            ac += (i & 1) == 0 ? (long) b << 8 : b;
        }
        ac += ac >> 16 & 0xFFFF;
        return (int) (ac & 0xFFFF);
    }

    private boolean rrsig(Dissection tree, ByteView data, int start, int end, int rd, int rdEnd) {
        if (!need(tree, rd, DnsRdataRrsigHeadView.MIN_LENGTH, end)) {
            return false;
        }
        DnsRdataRrsigHeadView s = rrsig.wrap(data, rd, DnsRdataRrsigHeadView.MIN_LENGTH);
        tree.add(DnsFields.RRSIG_TYPE_COVERED, data, rd, 2, s.typeCovered());
        tree.add(DnsFields.RRSIG_ALGORITHM, data, rd + 2, 1, s.algorithm());
        tree.add(DnsFields.RRSIG_LABELS, data, rd + 3, 1, s.labels());
        tree.add(DnsFields.RRSIG_ORIGINAL_TTL, data, rd + 4, 4, s.originalTtl());
        tree.addTime(DnsFields.RRSIG_EXPIRATION, s.signatureExpiration(), 0);
        tree.addTime(DnsFields.RRSIG_INCEPTION, s.signatureInception(), 0);
        tree.add(DnsFields.RRSIG_KEY_TAG, data, rd + 16, 2, s.keyTag());
        int p = rd + DnsRdataRrsigHeadView.MIN_LENGTH;
        if (!nameField(tree, data, start, end, p, DnsFields.RRSIG_SIGNERS_NAME, null)) {
            return false;
        }
        p += names.encodedLength;
        if (p < rdEnd) {
            tree.addBytes(DnsFields.RRSIG_SIGNATURE, data, p, rdEnd - p);
        }
        return true;
    }

    private boolean nsec3(Dissection tree, ByteView data, int rd, int rdEnd, int end, boolean full) {
        DnsRdataNsec3HeadView n = nsec3.wrap(data, rd, rdEnd - rd);
        if (n.validate() < 0) {
            return bad(tree, rd, rdEnd - rd);
        }
        tree.add(DnsFields.NSEC3_ALGO, data, rd, 1, n.hashAlgorithm());
        tree.add(DnsFields.NSEC3_FLAGS, data, rd + 1, 1, n.nsec3Flags());
        tree.add(DnsFields.NSEC3_OPT_OUT, data, rd + 1, 1, n.nsec3Flags() & 1);
        tree.add(DnsFields.NSEC3_ITERATIONS, data, rd + 2, 2, n.iterations());
        tree.add(DnsFields.NSEC3_SALT_LENGTH, data, rd + 4, 1, n.saltLength());
        tree.addBytes(DnsFields.NSEC3_SALT_VALUE, data, n.saltRegionOffset(), n.saltRegionLength());
        if (!full) {
            return true;
        }
        int p = n.saltRegionOffset() + n.saltRegionLength();
        if (p >= rdEnd) {
            return bad(tree, rd, rdEnd - rd);
        }
        int hashLength = data.u8(p);
        tree.add(DnsFields.NSEC3_HASH_LENGTH, data, p, 1, hashLength);
        if (p + 1 + hashLength > rdEnd) {
            return bad(tree, rd, rdEnd - rd);
        }
        tree.addBytes(DnsFields.NSEC3_HASH_VALUE, data, p + 1, hashLength);
        return bitmap(tree, data, p + 1 + hashLength, rdEnd, end);
    }

    /**
     * An NSEC/NSEC3 type bitmap: each type present becomes a {@code dns.resp.type}, as tshark shows them. As
     * tshark, a window longer than RDATA is read on inside the message (with a diagnostic), byte by byte, and the
     * message ends where the bytes do, after the types of the bytes that were there.
     */
    private boolean bitmap(Dissection tree, ByteView data, int p, int rdEnd, int end) {
        while (p < rdEnd) {
            if (!need(tree, p, DnsTypeBitmapWindowView.MIN_LENGTH, end)) {
                return false;
            }
            DnsTypeBitmapWindowView w = window.wrap(data, p, end - p);
            int base = w.windowBlock() << 8;
            int bits = w.bitmapRegionOffset();
            int length = w.bitmapLength();
            if (bits + length > rdEnd) {
                tree.diagnose(DnsFields.RDATA_BAD, p, Math.min(bits + length, end) - p, "type bitmap runs past RDATA");
            }
            for (int i = 0; i < length; i++) {
                if (!need(tree, bits + i, 1, end)) {
                    return false;
                }
                int b = data.u8(bits + i);
                for (int bit = 0; bit < 8; bit++) {
                    if ((b & 0x80 >>> bit) != 0) {
                        tree.add(DnsFields.RESP_TYPE, data, bits + i, 1, base + i * 8 + bit);
                    }
                }
            }
            p = bits + length;
        }
        return true;
    }

    /**
     * SVCB and HTTPS (RFC 9460). As tshark, each SvcParam moves on by what its value was read as (a port is two
     * bytes whatever its length says; ALPN ids are read while they start inside the value), reading past RDATA
     * inside the message; a read past the message ends it.
     */
    private boolean svcb(Dissection tree, ByteView data, int start, int end, int rd, int rdEnd) {
        if (!need(tree, rd, 2, end)) {
            return false;
        }
        tree.add(DnsFields.SVCB_PRIORITY, data, rd, 2, data.u16(rd));
        if (!nameField(tree, data, start, end, rd + 2, DnsFields.SVCB_TARGET, null)) {
            return false;
        }
        int p = rd + 2 + names.encodedLength;
        while (p < rdEnd) {
            if (!need(tree, p, 4, end)) {
                return false;
            }
            DnsSvcParamView sp = svcParam.wrap(data, p, end - p);
            int key = sp.svcParamKey();
            int len = sp.svcParamLength();
            tree.add(DnsFields.SVCB_PARAM_KEY, data, p, 2, key);
            tree.add(DnsFields.SVCB_PARAM_LENGTH, data, p + 2, 2, len);
            p = svcValue(tree, data, key, sp.svcParamValueOffset(), len, end);
            if (p < 0) {
                return false;
            }
            if (p > rdEnd) {
                tree.diagnose(DnsFields.RDATA_BAD, rdEnd, p - rdEnd, "SvcParam runs past RDATA");
            }
        }
        return true;
    }

    /** One SvcParamValue; returns where the next SvcParam starts, or -1 (with a diagnostic) past the message. */
    private int svcValue(Dissection tree, ByteView data, int key, int v, int len, int end) {
        int valueEnd = v + len;
        switch (key) {
            case 1 -> {
                int q = v;
                while (q < valueEnd) {
                    if (!need(tree, q, 1, end)) {
                        return -1;
                    }
                    int n = data.u8(q);
                    tree.add(DnsFields.SVCB_ALPN_LENGTH, data, q, 1, n);
                    if (!need(tree, q + 1, n, end)) {
                        return -1;
                    }
                    if (tree.records(DnsFields.SVCB_ALPN)) {
                        tree.addString(DnsFields.SVCB_ALPN, data, q + 1, n, ascii(data, q + 1, n));
                    }
                    q += 1 + n;
                }
                return q;
            }
            case 3 -> {
                if (!need(tree, v, 2, end)) {
                    return -1;
                }
                tree.add(DnsFields.SVCB_PORT, data, v, 2, data.u16(v));
                if (len != 2) {
                    tree.diagnose(DnsFields.RDATA_BAD, v, Math.min(len, end - v), "port SvcParam of length " + len);
                }
                return v + 2;
            }
            default -> {
                if (!need(tree, v, len, end)) {
                    return -1;
                }
            }
        }
        switch (key) {
            case 0 -> {
                for (int q = v; q + 2 <= valueEnd; q += 2) {
                    tree.add(DnsFields.SVCB_MANDATORY_KEY, data, q, 2, data.u16(q));
                }
            }
            case 4 -> {
                for (int q = v; q + 4 <= valueEnd; q += 4) {
                    tree.addBytes(DnsFields.SVCB_IPV4HINT, data, q, 4);
                }
            }
            case 5 -> tree.addBytes(DnsFields.SVCB_ECH, data, v, len);
            case 6 -> {
                for (int q = v; q + 16 <= valueEnd; q += 16) {
                    tree.addBytes(DnsFields.SVCB_IPV6HINT, data, q, 16);
                }
            }
            default -> {
                if (len > 0) {
                    tree.addBytes(DnsFields.SVCB_VALUE, data, v, len);
                }
            }
        }
        return valueEnd;
    }

    private static void appendIpv4(StringBuilder out, ByteView data, int at) {
        out.append(data.u8(at)).append('.').append(data.u8(at + 1)).append('.').append(data.u8(at + 2)).append('.')
                .append(data.u8(at + 3));
    }
}
