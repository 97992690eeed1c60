package dev.dissect.net.ip;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.dissection.FieldFormat;
import dev.dissect.api.field.Base;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.Dissector;
import dev.dissect.api.spi.DissectorTable;
import dev.dissect.net.defrag.IpDefragmenter;
import dev.dissect.net.engine.SessionContext;
import dev.dissect.net.wire.Ipv4OptionView;
import dev.dissect.net.wire.Ipv4View;

/**
 * IPv4 (RFC 791): header, options, and the hand-off by protocol number. The payload ends at the total length
 * (Ethernet padding after it is not passed on). Fragments go to the session's {@link IpDefragmenter}; the frame
 * that completes a datagram dissects the reassembled payload further, with {@code ip.fragment} (the frames),
 * {@code ip.fragment.count} and {@code ip.reassembled.length}. Earlier fragments stay data, as in a one-pass tshark.
 */
public final class Ipv4Dissector implements Dissector {
    public static final Protocol PROTOCOL = new Protocol("ip", "Internet Protocol Version 4", "IPv4");
    public static final FieldDef VERSION = FieldDef.uint("ip.version", "Version", 1, Base.DEC);
    public static final FieldDef HDR_LEN = FieldDef.uint("ip.hdr_len", "Header Length", 1, Base.DEC);
    public static final FieldDef DSFIELD = FieldDef.uint("ip.dsfield", "Differentiated Services Field", 1, Base.HEX);
    public static final FieldDef DSCP = FieldDef.uint("ip.dsfield.dscp", "Differentiated Services Codepoint", 1, Base.DEC);
    public static final FieldDef ECN = FieldDef.uint("ip.dsfield.ecn", "Explicit Congestion Notification", 1, Base.DEC);
    public static final FieldDef LEN = FieldDef.uint("ip.len", "Total Length", 2, Base.DEC);
    public static final FieldDef ID = FieldDef.uint("ip.id", "Identification", 2, Base.HEX);
    public static final FieldDef FLAGS = FieldDef.uint("ip.flags", "Flags", 1, Base.HEX);
    public static final FieldDef FLAGS_RB = FieldDef.bool("ip.flags.rb", "Reserved bit");
    public static final FieldDef FLAGS_DF = FieldDef.bool("ip.flags.df", "Don't fragment");
    public static final FieldDef FLAGS_MF = FieldDef.bool("ip.flags.mf", "More fragments");
    public static final FieldDef FRAG_OFFSET = FieldDef.uint("ip.frag_offset", "Fragment Offset", 2, Base.DEC)
            .describedAs("In units of 8 bytes, as on the wire and as tshark prints it.");
    public static final FieldDef TTL = FieldDef.uint("ip.ttl", "Time to Live", 1, Base.DEC);
    public static final FieldDef PROTO = FieldDef.uint("ip.proto", "Protocol", 1, Base.DEC);
    public static final FieldDef CHECKSUM = FieldDef.uint("ip.checksum", "Header Checksum", 2, Base.HEX);
    public static final FieldDef SRC = FieldDef.ipv4("ip.src", "Source Address");
    public static final FieldDef DST = FieldDef.ipv4("ip.dst", "Destination Address");
    public static final FieldDef ADDR = FieldDef.ipv4("ip.addr", "Source or Destination Address");
    public static final FieldDef OPT_TYPE = FieldDef.uint("ip.opt.type", "Type", 1, Base.DEC);
    public static final FieldDef OPT_LEN = FieldDef.uint("ip.opt.len", "Length", 1, Base.DEC);
    public static final FieldDef FRAGMENT = FieldDef.frameNumber("ip.fragment", "IPv4 Fragment");
    public static final FieldDef FRAGMENT_COUNT = FieldDef.uint("ip.fragment.count", "Fragment count", 4, Base.DEC);
    public static final FieldDef REASSEMBLED_LENGTH = FieldDef.uint("ip.reassembled.length",
            "Reassembled IPv4 length", 4, Base.DEC);
    public static final FieldDef REASSEMBLED_IN = FieldDef.frameNumber("ip.reassembled_in", "Reassembled IPv4 in frame")
            .describedAs("Only in the second of two passes (tshark -2), on the fragments before the last.");
    public static final FieldDef FRAGMENT_OVERLAP = FieldDef.bool("ip.fragment.overlap", "Fragment overlap");
    public static final FieldDef FRAGMENT_OVERLAP_CONFLICT = FieldDef.bool("ip.fragment.overlap.conflict",
            "Conflicting data in fragment overlap");
    static final FieldDef[] FIELDS = {VERSION, HDR_LEN, DSFIELD, DSCP, ECN, LEN, ID, FLAGS, FLAGS_RB, FLAGS_DF,
            FLAGS_MF, FRAG_OFFSET, TTL, PROTO, CHECKSUM, SRC, DST, ADDR, OPT_TYPE, OPT_LEN, FRAGMENT, FRAGMENT_COUNT,
            REASSEMBLED_LENGTH, REASSEMBLED_IN, FRAGMENT_OVERLAP, FRAGMENT_OVERLAP_CONFLICT};

    public static final DiagnosticDef TRUNCATED = DiagnosticDef.truncated("ip.truncated",
            "Header runs past the captured data");
    public static final DiagnosticDef BAD_VERSION = DiagnosticDef.malformed("ip.version.bad",
            "IPv4 version field is not 4");
    public static final DiagnosticDef BAD_HEADER_LENGTH = DiagnosticDef.malformed("ip.hdr_len.bad",
            "Bogus IP header length (must be at least 20)");
    public static final DiagnosticDef BAD_TOTAL_LENGTH = DiagnosticDef.malformed("ip.len.bad",
            "Bogus IP length (less than the header length)");
    public static final DiagnosticDef BAD_OPTION = DiagnosticDef.malformed("ip.opt.len.bad",
            "Option length runs past the options");
    static final DiagnosticDef[] DIAGNOSTICS = {TRUNCATED, BAD_VERSION, BAD_HEADER_LENGTH, BAD_TOTAL_LENGTH,
            BAD_OPTION};

    private static final int OPTION_END = 0;
    private static final int OPTION_NOP = 1;
    private static final int OPTION_LSRR = 131;
    private static final int OPTION_SSRR = 137;

    private final Ipv4View view = new Ipv4View();
    private final Ipv4OptionView option = new Ipv4OptionView();
    private final DissectorTable protocols;
    private Ipv6Dissector ipv6;

    Ipv4Dissector(DissectorTable protocols) {
        this.protocols = protocols;
    }

    private boolean versionOfVersionSix;

    /**
     * Where a version-6 packet goes (Wireshark's ip dissector hands it to IPv6 rather than failing).
     *
     * @param showVersion whether this layer also records {@code ip.version} before handing over. Wireshark's
     *                    IPv4 dissector (EtherType 0x0800, loopback family 2, IP in IP) records it, then IPv6 again:
     *                    {@code 6,6}. Its version switch for LINKTYPE_IPV4 hands over without a field: {@code 6}.
     */
    void versionSixGoesTo(Ipv6Dissector dissector, boolean showVersion) {
        this.ipv6 = dissector;
        this.versionOfVersionSix = showVersion;
    }

    @Override
    public Protocol protocol() {
        return PROTOCOL;
    }

    @Override
    public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
        Dissection tree = ctx.tree();
        tree.setProtocolColumn(PROTOCOL.shortName());
        int layer = tree.beginLayer(PROTOCOL, offset, Math.min(length, Ipv4View.MIN_LENGTH));
        if (length > 0 && ipv6 != null && data.u8(offset) >>> 4 == 6) {
            if (versionOfVersionSix) {
                tree.add(VERSION, data, offset, 1, 6); // tshark shows it from both layers
            }
            ctx.handOffTo(ipv6, offset, length); // as Wireshark's ip dissector does with a version-6 packet
            return;
        }
        if (length < Ipv4View.MIN_LENGTH) {
            truncatedHeader(tree, data, offset, length);
            tree.diagnose(TRUNCATED, offset, length, length + " of " + Ipv4View.MIN_LENGTH + " bytes");
            return;
        }
        Ipv4View ip = view.wrap(data, offset, length);
        tree.add(VERSION, data, offset, 1, ip.version());
        if (ip.version() != 4) {
            tree.diagnose(BAD_VERSION, offset, 1, "version " + ip.version());
            return;
        }
        int headerLength = ip.ihl() * 4;
        tree.add(HDR_LEN, data, offset, 1, headerLength);
        if (headerLength < Ipv4View.MIN_LENGTH) {
            tree.diagnose(BAD_HEADER_LENGTH, offset, 1, headerLength + " bytes");
            return;
        }
        int ds = ip.dsfield();
        tree.add(DSFIELD, data, offset + Ipv4View.DSFIELD_OFFSET, 1, ds);
        tree.add(DSCP, data, offset + Ipv4View.DSFIELD_OFFSET, 1, ds >>> 2);
        tree.add(ECN, data, offset + Ipv4View.DSFIELD_OFFSET, 1, ds & 3);
        int totalLength = ip.totalLength();
        // TCP segmentation offload writes 0 here; Wireshark then shows (and uses) what is there.
        tree.add(LEN, data, offset + Ipv4View.TOTAL_LENGTH_OFFSET, 2, totalLength == 0 ? length : totalLength);
        if (totalLength != 0 && totalLength < headerLength) {
            tree.diagnose(BAD_TOTAL_LENGTH, offset + Ipv4View.TOTAL_LENGTH_OFFSET, 2,
                    totalLength + " < header length " + headerLength);
            return; // Wireshark stops here too
        }
        tree.add(ID, data, offset + Ipv4View.IDENTIFICATION_OFFSET, 2, ip.identification());
        int flags = ip.flags();
        int flagsAt = offset + Ipv4View.FLAGS_OFFSET;
        tree.add(FLAGS, data, flagsAt, 1, flags);
        tree.add(FLAGS_RB, data, flagsAt, 1, flags >>> 2 & 1);
        tree.add(FLAGS_DF, data, flagsAt, 1, flags >>> 1 & 1);
        tree.add(FLAGS_MF, data, flagsAt, 1, flags & 1);
        int fragOffset = ip.fragOffset();
        tree.add(FRAG_OFFSET, data, flagsAt, 2, fragOffset);
        tree.add(TTL, data, offset + Ipv4View.TTL_OFFSET, 1, ip.ttl());
        int proto = ip.protocol();
        tree.add(PROTO, data, offset + Ipv4View.PROTOCOL_OFFSET, 1, proto);
        tree.add(CHECKSUM, data, offset + Ipv4View.HEADER_CHECKSUM_OFFSET, 2, ip.headerChecksum());
        int srcAt = offset + Ipv4View.SRC_ADDR_OFFSET;
        int dstAt = offset + Ipv4View.DST_ADDR_OFFSET;
        tree.addBytes(SRC, data, srcAt, 4);
        tree.addBytes(ADDR, data, srcAt, 4);
        int finalDstAt = finalDestination(data, offset, Math.min(headerLength, length), dstAt);
        tree.addBytes(DST, data, finalDstAt, 4);
        tree.addBytes(ADDR, data, finalDstAt, 4);
        SessionContext session = ctx instanceof SessionContext sc ? sc : null;
        if (session != null) {
            // The final destination, as Wireshark's conversations (and tcp.stream) take it from ip.dst.
            session.session().endpoints().ipv4(data, srcAt, finalDstAt, tree);
        }
        if (headerLength > length) {
            tree.diagnose(TRUNCATED, offset, length, "header " + headerLength + " bytes, " + length + " captured");
            return;
        }
        tree.setLayerLength(layer, headerLength);
        if (headerLength > Ipv4View.MIN_LENGTH) {
            dissectOptions(tree, data, ip.optionsOffset(), ip.optionsLength());
        }
        int reported = Math.max(length, ctx.reportedLength());
        if (totalLength == 0) {
            totalLength = reported;
        }
        int payload = offset + headerLength;
        int payloadLength = Math.min(totalLength, length) - headerLength;
        // A total length beyond what the layer below reported is cut to it (Wireshark: "exceeds packet length").
        int payloadReported = Math.min(totalLength, reported) - headerLength;
        if ((flags & 1) != 0 || fragOffset != 0) {
            if (payloadLength < totalLength - headerLength) {
                // Not all of the fragment was captured (measured against the header's total length, even one
                // beyond what the frame reported): Wireshark does not try to reassemble, and dissects what there
                // is of a first fragment, telling the next layer that it is a fragment.
                if (fragOffset == 0) {
                    if ((flags & 1) != 0 && session != null) {
                        session.session().markFragmented();
                    }
                    ctx.handOff(protocols, proto, payload, payloadLength, payloadReported);
                    return;
                }
            } else if (session != null) {
                IpDefragmenter defrag = session.session().defragmenter();
                ByteView whole = defrag.add(4, data, srcAt, dstAt, proto, ip.identification(), fragOffset * 8,
                        (flags & 1) != 0, data, payload, payloadLength, ctx.frame().number(),
                        ctx.frame().epochSecond() * 1_000_000_000L + ctx.frame().nanos());
                defrag.record(tree, whole, FRAGMENT_OVERLAP, FRAGMENT_OVERLAP_CONFLICT, FRAGMENT, FRAGMENT_COUNT,
                        REASSEMBLED_LENGTH, REASSEMBLED_IN);
                if (whole != null) {
                    session.handOff(protocols, proto, whole, 0, whole.length());
                    return;
                }
                if (defrag.lastDropped() && fragOffset == 0) {
                    // A first fragment that cannot join its datagram (it runs past the length a last fragment
                    // fixed): Wireshark dissects what it carries.
                    ctx.handOff(protocols, proto, payload, payloadLength, payloadReported);
                    return;
                }
            }
            tree.info().setLength(0);
            tree.info().append("Fragmented IP protocol (proto=").append(IpProtocols.name(proto)).append(' ')
                    .append(proto).append(", off=").append(fragOffset * 8).append(", ID=");
            FieldFormat.appendHexDigits(tree.info(), ip.identification(), 4);
            tree.info().append(')');
            ctx.handOffToData(payload, payloadLength);
            return;
        }
        ctx.handOff(protocols, proto, payload, payloadLength, payloadReported);
    }

    /**
     * Where the datagram's final destination is: the last address of a loose or strict source route whose route
     * is not yet used up (RFC 791 3.1), which Wireshark shows as {@code ip.dst}; else the header's destination.
     */
    private static int finalDestination(ByteView data, int offset, int headerEnd, int dstAt) {
        int at = offset + Ipv4View.MIN_LENGTH;
        int end = offset + headerEnd;
        while (at < end) {
            int kind = data.u8(at);
            if (kind == OPTION_END) {
                break;
            }
            if (kind == OPTION_NOP) {
                at++;
                continue;
            }
            if (at + 1 >= end) {
                break;
            }
            int len = data.u8(at + 1);
            if (len < 2 || at + len > end) {
                break;
            }
            if ((kind == OPTION_LSRR || kind == OPTION_SSRR) && len >= 7 && (len - 3) % 4 == 0
                    && data.u8(at + 2) <= len) {
                return at + len - 4;
            }
            at += len;
        }
        return dstAt;
    }

    /** As Wireshark: every field of a cut header whose bytes were captured, in order, then nothing more. */
    private static void truncatedHeader(Dissection tree, ByteView data, int offset, int length) {
        if (length < 1) {
            return;
        }
        int first = data.u8(offset);
        tree.add(VERSION, data, offset, 1, first >>> 4);
        if ((first >>> 4) != 4) {
            return;
        }
        tree.add(HDR_LEN, data, offset, 1, (first & 0xF) * 4);
        if (length > Ipv4View.DSFIELD_OFFSET) {
            int ds = data.u8(offset + Ipv4View.DSFIELD_OFFSET);
            tree.add(DSFIELD, data, offset + Ipv4View.DSFIELD_OFFSET, 1, ds);
            tree.add(DSCP, data, offset + Ipv4View.DSFIELD_OFFSET, 1, ds >>> 2);
            tree.add(ECN, data, offset + Ipv4View.DSFIELD_OFFSET, 1, ds & 3);
        }
        if (length >= Ipv4View.TOTAL_LENGTH_OFFSET + 2) {
            tree.add(LEN, data, offset + Ipv4View.TOTAL_LENGTH_OFFSET, 2,
                    data.u16(offset + Ipv4View.TOTAL_LENGTH_OFFSET));
        }
        if (length >= Ipv4View.IDENTIFICATION_OFFSET + 2) {
            tree.add(ID, data, offset + Ipv4View.IDENTIFICATION_OFFSET, 2,
                    data.u16(offset + Ipv4View.IDENTIFICATION_OFFSET));
        }
        int flagsAt = offset + Ipv4View.FLAGS_OFFSET;
        if (length >= Ipv4View.FLAGS_OFFSET + 2) {
            int word = data.u16(flagsAt);
            int flags = word >>> 13;
            tree.add(FLAGS, data, flagsAt, 1, flags);
            tree.add(FLAGS_RB, data, flagsAt, 1, flags >>> 2 & 1);
            tree.add(FLAGS_DF, data, flagsAt, 1, flags >>> 1 & 1);
            tree.add(FLAGS_MF, data, flagsAt, 1, flags & 1);
            tree.add(FRAG_OFFSET, data, flagsAt, 2, word & 0x1FFF);
        }
        if (length > Ipv4View.TTL_OFFSET) {
            tree.add(TTL, data, offset + Ipv4View.TTL_OFFSET, 1, data.u8(offset + Ipv4View.TTL_OFFSET));
        }
        if (length > Ipv4View.PROTOCOL_OFFSET) {
            tree.add(PROTO, data, offset + Ipv4View.PROTOCOL_OFFSET, 1, data.u8(offset + Ipv4View.PROTOCOL_OFFSET));
        }
        if (length >= Ipv4View.HEADER_CHECKSUM_OFFSET + 2) {
            tree.add(CHECKSUM, data, offset + Ipv4View.HEADER_CHECKSUM_OFFSET, 2,
                    data.u16(offset + Ipv4View.HEADER_CHECKSUM_OFFSET));
        }
        if (length >= Ipv4View.SRC_ADDR_OFFSET + 4) {
            tree.addBytes(SRC, data, offset + Ipv4View.SRC_ADDR_OFFSET, 4);
            tree.addBytes(ADDR, data, offset + Ipv4View.SRC_ADDR_OFFSET, 4);
        }
    }

    private void dissectOptions(Dissection tree, ByteView data, int start, int length) {
        int end = start + length;
        int at = start;
        while (at < end) {
            Ipv4OptionView opt = option.wrap(data, at, end - at);
            int size = opt.validate();
            int kind = opt.kind();
            tree.add(OPT_TYPE, data, at, 1, kind);
            if (size < 0) {
                tree.diagnose(BAD_OPTION, at, end - at, "option " + kind);
                return;
            }
            if (kind == OPTION_END) {
                return;
            }
            if (kind != OPTION_NOP) {
                if (opt.len() < 2) {
                    tree.diagnose(BAD_OPTION, at, 2, "option " + kind + " length " + opt.len());
                    return;
                }
                tree.add(OPT_LEN, data, at + 1, 1, opt.len());
            }
            at += size;
        }
    }
}
