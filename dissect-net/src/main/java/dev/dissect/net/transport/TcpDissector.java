package dev.dissect.net.transport;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.Base;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.Dissector;
import dev.dissect.api.spi.DissectorTable;
import dev.dissect.api.stream.StreamDissector;
import dev.dissect.net.engine.DissectionSession;
import dev.dissect.net.engine.SessionContext;
import dev.dissect.net.reassembly.TcpFlow;
import dev.dissect.net.reassembly.TcpReassembler;
import dev.dissect.net.reassembly.TcpSegmentResult;
import dev.dissect.net.wire.TcpOptionMssView;
import dev.dissect.net.wire.TcpOptionSackBlockView;
import dev.dissect.net.wire.TcpOptionTimestampView;
import dev.dissect.net.wire.TcpOptionView;
import dev.dissect.net.wire.TcpOptionWscaleView;
import dev.dissect.net.wire.TcpView;

/**
 * The TCP header and its options (RFC 9293, 7323, 2018), with tshark's per-flow view of them when the engine has
 * a session: {@code tcp.stream}, relative {@code tcp.seq}/{@code tcp.ack}/{@code tcp.nxtseq} and SACK edges, the
 * scaled {@code tcp.window_size}, {@code tcp.analysis.*} flags, and the payload handed to the flow's stream
 * dissector through the {@link TcpReassembler}. Without a session (a bare {@link DissectionContext}) only the
 * header is dissected and numbers stay raw.
 */
public final class TcpDissector implements Dissector {
    public static final Protocol PROTOCOL = new Protocol("tcp", "Transmission Control Protocol", "TCP");
    public static final FieldDef SRCPORT = FieldDef.uint("tcp.srcport", "Source Port", 2, Base.DEC);
    public static final FieldDef DSTPORT = FieldDef.uint("tcp.dstport", "Destination Port", 2, Base.DEC);
    public static final FieldDef PORT = FieldDef.uint("tcp.port", "Source or Destination Port", 2, Base.DEC);
    public static final FieldDef SEQ_RAW = FieldDef.uint("tcp.seq_raw", "Sequence Number (raw)", 4, Base.DEC);
    public static final FieldDef ACK_RAW = FieldDef.uint("tcp.ack_raw", "Acknowledgment number (raw)", 4, Base.DEC);
    public static final FieldDef HDR_LEN = FieldDef.uint("tcp.hdr_len", "Header Length", 1, Base.DEC);
    public static final FieldDef FLAGS = FieldDef.uint("tcp.flags", "Flags", 2, Base.HEX);
    public static final FieldDef FLAGS_RES = FieldDef.bool("tcp.flags.res", "Reserved");
    public static final FieldDef FLAGS_AE = FieldDef.bool("tcp.flags.ae", "Accurate ECN");
    public static final FieldDef FLAGS_CWR = FieldDef.bool("tcp.flags.cwr", "Congestion Window Reduced");
    public static final FieldDef FLAGS_ECE = FieldDef.bool("tcp.flags.ece", "ECN-Echo");
    public static final FieldDef FLAGS_URG = FieldDef.bool("tcp.flags.urg", "Urgent");
    public static final FieldDef FLAGS_ACK = FieldDef.bool("tcp.flags.ack", "Acknowledgment");
    public static final FieldDef FLAGS_PUSH = FieldDef.bool("tcp.flags.push", "Push");
    public static final FieldDef FLAGS_RESET = FieldDef.bool("tcp.flags.reset", "Reset");
    public static final FieldDef FLAGS_SYN = FieldDef.bool("tcp.flags.syn", "Syn");
    public static final FieldDef FLAGS_FIN = FieldDef.bool("tcp.flags.fin", "Fin");
    public static final FieldDef WINDOW_SIZE_VALUE = FieldDef.uint("tcp.window_size_value", "Window", 2, Base.DEC);
    public static final FieldDef CHECKSUM = FieldDef.uint("tcp.checksum", "Checksum", 2, Base.HEX);
    public static final FieldDef URGENT_POINTER = FieldDef.uint("tcp.urgent_pointer", "Urgent Pointer", 2, Base.DEC);
    public static final FieldDef OPTION_KIND = FieldDef.uint("tcp.option_kind", "Kind", 1, Base.DEC);
    public static final FieldDef OPTION_LEN = FieldDef.uint("tcp.option_len", "Length", 1, Base.DEC);
    public static final FieldDef MSS_VAL = FieldDef.uint("tcp.options.mss_val", "MSS Value", 2, Base.DEC);
    public static final FieldDef WSCALE_SHIFT = FieldDef.uint("tcp.options.wscale.shift", "Shift count", 1, Base.DEC);
    public static final FieldDef WSCALE_MULTIPLIER = FieldDef.uint("tcp.options.wscale.multiplier", "Multiplier", 2, Base.DEC);
    public static final FieldDef SACK_PERM = FieldDef.bytes("tcp.options.sack_perm", "TCP SACK Permitted Option");
    public static final FieldDef SACK_LE = FieldDef.uint("tcp.options.sack_le", "left edge", 4, Base.DEC);
    public static final FieldDef SACK_RE = FieldDef.uint("tcp.options.sack_re", "right edge", 4, Base.DEC);
    public static final FieldDef TSVAL = FieldDef.uint("tcp.options.timestamp.tsval", "Timestamp value", 4, Base.DEC);
    public static final FieldDef TSECR = FieldDef.uint("tcp.options.timestamp.tsecr", "Timestamp echo reply", 4, Base.DEC);
    public static final FieldDef LEN = FieldDef.uint("tcp.len", "TCP Segment Len", 4, Base.DEC);
    public static final FieldDef PAYLOAD = FieldDef.bytes("tcp.payload", "TCP payload");
    public static final FieldDef STREAM = FieldDef.uint("tcp.stream", "Stream index", 4, Base.DEC);
    public static final FieldDef SEQ = FieldDef.uint("tcp.seq", "Sequence Number", 4, Base.DEC)
            .describedAs("Relative to the direction's initial sequence number, as tshark's default.");
    public static final FieldDef NXTSEQ = FieldDef.uint("tcp.nxtseq", "Next Sequence Number", 4, Base.DEC);
    public static final FieldDef ACK_NUM = FieldDef.uint("tcp.ack", "Acknowledgment Number", 4, Base.DEC);
    public static final FieldDef WINDOW_SIZE = FieldDef.uint("tcp.window_size", "Calculated window size", 4,
            Base.DEC);
    public static final FieldDef WINDOW_SIZE_SCALEFACTOR = new FieldDef("tcp.window_size_scalefactor",
            "Window size scaling factor", dev.dissect.api.field.FieldType.INT, Base.DEC, 4,
            "-1 unknown (no SYN seen), -2 no scaling used.");
    public static final FieldDef ANALYSIS_FLAGS = FieldDef.label("tcp.analysis.flags", "TCP Analysis Flags");
    public static final FieldDef ANALYSIS_RETRANSMISSION = FieldDef.label("tcp.analysis.retransmission",
            "This frame is a (suspected) retransmission");
    public static final FieldDef ANALYSIS_FAST_RETRANSMISSION = FieldDef.label(
            "tcp.analysis.fast_retransmission", "This frame is a (suspected) fast retransmission");
    public static final FieldDef ANALYSIS_SPURIOUS_RETRANSMISSION = FieldDef.label(
            "tcp.analysis.spurious_retransmission", "This frame is a (suspected) spurious retransmission");
    public static final FieldDef ANALYSIS_OUT_OF_ORDER = FieldDef.label("tcp.analysis.out_of_order",
            "This frame is a (suspected) out-of-order segment");
    public static final FieldDef ANALYSIS_LOST_SEGMENT = FieldDef.label("tcp.analysis.lost_segment",
            "Previous segment(s) not captured (common at capture start)");
    public static final FieldDef ANALYSIS_DUPLICATE_ACK = FieldDef.label("tcp.analysis.duplicate_ack",
            "Duplicate ACK");
    public static final FieldDef ANALYSIS_DUPLICATE_ACK_NUM = FieldDef.uint("tcp.analysis.duplicate_ack_num",
            "Duplicate ACK #", 4, Base.DEC);
    public static final FieldDef ANALYSIS_DUPLICATE_ACK_FRAME = FieldDef.frameNumber(
            "tcp.analysis.duplicate_ack_frame", "Duplicate to the ACK in frame");
    public static final FieldDef ANALYSIS_ZERO_WINDOW = FieldDef.label("tcp.analysis.zero_window",
            "TCP Zero Window segment");
    public static final FieldDef ANALYSIS_ZERO_WINDOW_PROBE = FieldDef.label("tcp.analysis.zero_window_probe",
            "TCP Zero Window Probe");
    public static final FieldDef ANALYSIS_KEEP_ALIVE = FieldDef.label("tcp.analysis.keep_alive",
            "TCP keep-alive segment");
    public static final FieldDef ANALYSIS_WINDOW_UPDATE = FieldDef.label("tcp.analysis.window_update",
            "TCP window update");
    public static final FieldDef ANALYSIS_KEEP_ALIVE_ACK = FieldDef.label("tcp.analysis.keep_alive_ack",
            "ACK to a TCP keep-alive segment");
    public static final FieldDef ANALYSIS_REUSED_PORTS = FieldDef.label("tcp.analysis.reused_ports",
            "A new tcp session is started with the same ports as an earlier session in this trace");
    public static final FieldDef ANALYSIS_ACKS_FRAME = FieldDef.frameNumber("tcp.analysis.acks_frame",
            "This is an ACK to the segment in frame");
    public static final FieldDef ANALYSIS_ACK_RTT = FieldDef.relativeTime("tcp.analysis.ack_rtt",
            "The RTT to ACK the segment was");
    public static final FieldDef ANALYSIS_INITIAL_RTT = FieldDef.relativeTime("tcp.analysis.initial_rtt",
            "iRTT");
    static final FieldDef[] FIELDS = {SRCPORT, DSTPORT, PORT, STREAM, SEQ, SEQ_RAW, NXTSEQ, ACK_NUM, ACK_RAW,
            HDR_LEN, FLAGS, FLAGS_RES, FLAGS_AE, FLAGS_CWR, FLAGS_ECE, FLAGS_URG, FLAGS_ACK, FLAGS_PUSH, FLAGS_RESET,
            FLAGS_SYN, FLAGS_FIN, WINDOW_SIZE_VALUE, WINDOW_SIZE, WINDOW_SIZE_SCALEFACTOR, CHECKSUM, URGENT_POINTER,
            OPTION_KIND, OPTION_LEN, MSS_VAL, WSCALE_SHIFT, WSCALE_MULTIPLIER, SACK_PERM, SACK_LE, SACK_RE, TSVAL,
            TSECR, LEN, PAYLOAD, ANALYSIS_FLAGS, ANALYSIS_RETRANSMISSION, ANALYSIS_FAST_RETRANSMISSION,
            ANALYSIS_SPURIOUS_RETRANSMISSION,
            ANALYSIS_OUT_OF_ORDER, ANALYSIS_LOST_SEGMENT, ANALYSIS_DUPLICATE_ACK, ANALYSIS_DUPLICATE_ACK_NUM,
            ANALYSIS_DUPLICATE_ACK_FRAME, ANALYSIS_ZERO_WINDOW, ANALYSIS_ZERO_WINDOW_PROBE, ANALYSIS_KEEP_ALIVE,
            ANALYSIS_WINDOW_UPDATE, ANALYSIS_KEEP_ALIVE_ACK, ANALYSIS_REUSED_PORTS, ANALYSIS_ACKS_FRAME, ANALYSIS_ACK_RTT,
            ANALYSIS_INITIAL_RTT};
    /** Table name, keyed by port. */
    public static final String TABLE = "tcp.port";

    public static final DiagnosticDef TRUNCATED = DiagnosticDef.truncated("tcp.truncated",
            "Header runs past the captured data");
    public static final DiagnosticDef BAD_HEADER_LENGTH = DiagnosticDef.malformed("tcp.hdr_len.bad",
            "Bogus TCP header length (must be at least 20)");
    public static final DiagnosticDef BAD_OPTION = DiagnosticDef.malformed("tcp.option.len.invalid",
            "Option length is invalid or runs past the header");
    static final DiagnosticDef[] DIAGNOSTICS = {TRUNCATED, BAD_HEADER_LENGTH, BAD_OPTION};

    static final int FIN = 0x001;
    static final int SYN = 0x002;
    static final int RST = 0x004;
    static final int PSH = 0x008;
    static final int ACK = 0x010;
    static final int URG = 0x020;
    static final int ECE = 0x040;
    static final int CWR = 0x080;
    static final int AE = 0x100;

    private static final int KIND_EOL = 0;
    private static final int KIND_NOP = 1;
    private static final int KIND_MSS = 2;
    private static final int KIND_WSCALE = 3;
    private static final int KIND_SACK_PERM = 4;
    private static final int KIND_SACK = 5;
    private static final int KIND_TIMESTAMP = 8;

    private final TcpView view = new TcpView();
    private final TcpOptionView option = new TcpOptionView();
    private final TcpOptionMssView mss = new TcpOptionMssView();
    private final TcpOptionWscaleView wscale = new TcpOptionWscaleView();
    private final TcpOptionTimestampView timestamp = new TcpOptionTimestampView();
    private final TcpOptionSackBlockView sackBlock = new TcpOptionSackBlockView();
    private final DissectorTable ports;

    TcpDissector(DissectorTable ports) {
        this.ports = ports;
    }

    @Override
    public Protocol protocol() {
        return PROTOCOL;
    }

    @Override
    public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
        Dissection tree = ctx.tree();
        tree.setProtocolColumn(PROTOCOL.shortName());
        int layer = tree.beginLayer(PROTOCOL, offset, Math.min(length, TcpView.MIN_LENGTH));
        if (length < TcpView.MIN_LENGTH) {
            // As Wireshark: each port whose bytes were captured, then stop (the rest is read before it is shown).
            if (length >= TcpView.SRC_PORT_OFFSET + 2) {
                tree.add(SRCPORT, data, offset, 2, data.u16(offset + TcpView.SRC_PORT_OFFSET));
            }
            if (length >= TcpView.DST_PORT_OFFSET + 2) {
                tree.add(DSTPORT, data, offset + 2, 2, data.u16(offset + TcpView.DST_PORT_OFFSET));
            }
            tree.diagnose(TRUNCATED, offset, length, length + " of " + TcpView.MIN_LENGTH + " bytes");
            return;
        }
        TcpView tcp = view.wrap(data, offset, length);
        int src = tcp.srcPort();
        int dst = tcp.dstPort();
        tree.add(SRCPORT, data, offset, 2, src);
        tree.add(DSTPORT, data, offset + 2, 2, dst);
        tree.add(PORT, data, offset, 2, src);
        tree.add(PORT, data, offset + 2, 2, dst);
        int headerLength = tcp.dataOffset() * 4;
        int flags = tcp.flags();
        long seqRaw = tcp.seqNum();
        long ackRaw = tcp.ackNum();
        // tcp.len comes from the reported length (what IP said), not from what the capture kept.
        int reported = Math.max(length, ctx.reportedLength());
        boolean bogus = headerLength < TcpView.MIN_LENGTH;
        boolean shortSegment = !bogus && headerLength > reported; // Wireshark's "Short segment": no tcp.len
        boolean headerOk = !bogus && !shortSegment;
        int segmentLength = reported - headerLength;
        int payloadLength = headerOk ? Math.max(0, Math.min(length - headerLength, segmentLength)) : 0;

        SessionContext session = ctx instanceof SessionContext s && s.session().endpoints().valid() ? s : null;
        // Wireshark's th_have_seglen: the segment's length is known unless the header is cut short or IP handed on
        // a fragment it did not reassemble. Sequence analysis runs exactly then, a bogus header length included
        // (Wireshark checks that only afterwards).
        boolean lengthKnown = !shortSegment && (session == null || !session.session().fragmented());
        TcpReassembler reassembler = null;
        TcpFlow flow = null;
        TcpSegmentResult r = null;
        if (session != null) {
            DissectionSession ds = session.session();
            reassembler = ds.tcp();
            int shift = (flags & SYN) != 0 && headerOk
                    ? windowScaleShift(data, tcp.optionsOffset(), Math.min(headerLength, length) - TcpView.MIN_LENGTH)
                    : -1;
            flow = reassembler.segment(ds.endpoints(), ctx.frame(), tree, src, dst, flags, seqRaw, ackRaw,
                    tcp.window(), shift, segmentLength, lengthKnown);
            tree.add(STREAM, null, 0, 0, reassembler.result().streamIndex);
            if (lengthKnown) {
                r = reassembler.result();
            }
            if (!headerOk || !lengthKnown) {
                flow = null;
            }
        }
        if (lengthKnown) {
            tree.add(LEN, data, offset, 0, segmentLength);
        }
        tree.add(SEQ, data, offset + TcpView.SEQ_NUM_OFFSET, 4, r != null ? r.seq : seqRaw);
        tree.add(SEQ_RAW, data, offset + TcpView.SEQ_NUM_OFFSET, 4, seqRaw);
        if (bogus) {
            // Wireshark gives up here: nothing after the header length.
            tree.add(HDR_LEN, data, offset + TcpView.DATA_OFFSET_OFFSET, 1, headerLength);
            tree.diagnose(BAD_HEADER_LENGTH, offset + TcpView.DATA_OFFSET_OFFSET, 1, headerLength + " bytes");
            return;
        }
        if (r != null) {
            tree.add(NXTSEQ, null, 0, 0, r.nextSeq);
        }
        tree.add(ACK_NUM, data, offset + TcpView.ACK_NUM_OFFSET, 4, r != null ? r.ack : ackRaw);
        tree.add(ACK_RAW, data, offset + TcpView.ACK_NUM_OFFSET, 4, ackRaw);
        tree.add(HDR_LEN, data, offset + TcpView.DATA_OFFSET_OFFSET, 1, headerLength);
        addFlags(tree, data, offset + TcpView.DATA_OFFSET_OFFSET, flags);
        tree.add(WINDOW_SIZE_VALUE, data, offset + TcpView.WINDOW_OFFSET, 2, tcp.window());
        if (r != null) {
            tree.add(WINDOW_SIZE, data, offset + TcpView.WINDOW_OFFSET, 2, r.windowSize);
            if (r.scaleFactor != TcpSegmentResult.SCALE_NOT_SHOWN) {
                tree.add(WINDOW_SIZE_SCALEFACTOR, null, 0, 0, r.scaleFactor);
            }
        } else if (session != null) {
            tree.add(WINDOW_SIZE, data, offset + TcpView.WINDOW_OFFSET, 2, tcp.window());
        }
        tree.add(CHECKSUM, data, offset + TcpView.CHECKSUM_OFFSET, 2, tcp.checksum());
        tree.add(URGENT_POINTER, data, offset + TcpView.URGENT_POINTER_OFFSET, 2, tcp.urgentPointer());
        if (headerLength > length) {
            // Options as far as they were captured (Wireshark shows each until the bytes run out), then stop.
            tree.diagnose(TRUNCATED, offset, length, "header " + headerLength + " bytes, " + length + " available");
            dissectOptions(tree, data, tcp.optionsOffset(), headerLength - TcpView.MIN_LENGTH, offset + length, null,
                    r);
            if (tree.infoWanted()) {
                StringBuilder info = tree.info();
                info.setLength(0);
                info.append(src).append(" \u2192 ").append(dst).append(' ');
                appendFlagNames(info, flags);
            }
            if (r != null) {
                addAnalysis(tree, r);
            }
            return;
        }
        tree.setLayerLength(layer, headerLength);

        // The info column is the dearest part of TCP; build it only when a summary line will show it.
        StringBuilder info = tree.infoWanted() ? tree.info() : null;
        if (info != null) {
            info.setLength(0);
            if (r != null) {
                appendAnalysisPrefix(info, r);
            }
            info.append(src).append(" \u2192 ").append(dst).append(' ');
            appendFlagNames(info, flags);
            info.append(" Seq=").append(r != null ? r.seq : seqRaw);
            if ((flags & ACK) != 0) {
                info.append(" Ack=").append(r != null ? r.ack : ackRaw);
            }
            info.append(" Win=").append(r != null ? r.windowSize : tcp.window()).append(" Len=")
                    .append(segmentLength);
        }
        if (headerLength > TcpView.MIN_LENGTH) {
            int optionsLength = tcp.optionsLength();
            dissectOptions(tree, data, tcp.optionsOffset(), optionsLength, tcp.optionsOffset() + optionsLength, info,
                    r);
        }
        if (r != null) {
            addAnalysis(tree, r);
        }
        if (payloadLength > 0) {
            tree.addBytes(PAYLOAD, data, offset + headerLength, payloadLength);
        }
        if (flow != null) {
            if (!flow.dissectorChosen() && payloadLength > 0) {
                flow.chooseDissector(session.chooseStream(ports, src, dst, data, offset + headerLength,
                        payloadLength));
            }
            StreamDissector stream = flow.dissector();
            if (stream != null) {
                int before = tree.layerCount();
                reassembler.deliver(flow, data, offset + headerLength, payloadLength, seqRaw, ackRaw, flags);
                if (info != null && payloadLength > 0 && tree.layerCount() == before) {
                    info.append(" [TCP segment of a reassembled PDU]");
                }
                return;
            }
        }
        if (payloadLength > 0) {
            ctx.handOffByPorts(ports, src, dst, offset + headerLength, payloadLength);
        }
    }

    /** tshark's bracketed analysis notes at the start of the info column. */
    private static void appendAnalysisPrefix(StringBuilder info, TcpSegmentResult r) {
        if (r.has(TcpSegmentResult.REUSED_PORTS)) {
            info.append("[TCP Port numbers reused] ");
        }
        if (r.has(TcpSegmentResult.FAST_RETRANSMISSION)) {
            info.append("[TCP Fast Retransmission] ");
        } else if (r.has(TcpSegmentResult.SPURIOUS_RETRANSMISSION)) {
            info.append("[TCP Spurious Retransmission] ");
        } else if (r.has(TcpSegmentResult.RETRANSMISSION)) {
            info.append("[TCP Retransmission] ");
        }
        if (r.has(TcpSegmentResult.OUT_OF_ORDER)) {
            info.append("[TCP Out-Of-Order] ");
        }
        if (r.has(TcpSegmentResult.LOST_SEGMENT)) {
            info.append("[TCP Previous segment not captured] ");
        }
        if (r.has(TcpSegmentResult.ZERO_WINDOW_PROBE)) {
            info.append("[TCP ZeroWindowProbe] ");
        }
        if (r.has(TcpSegmentResult.ZERO_WINDOW)) {
            info.append("[TCP ZeroWindow] ");
        }
        if (r.has(TcpSegmentResult.KEEP_ALIVE)) {
            info.append("[TCP Keep-Alive] ");
        }
        if (r.has(TcpSegmentResult.WINDOW_UPDATE)) {
            info.append("[TCP Window Update] ");
        }
        if (r.has(TcpSegmentResult.KEEP_ALIVE_ACK)) {
            info.append("[TCP Keep-Alive ACK] ");
        }
        if (r.has(TcpSegmentResult.DUPLICATE_ACK)) {
            info.append("[TCP Dup ACK ").append(r.dupAckFrame).append('#').append(r.dupAckNum).append("] ");
        }
    }

    private static void addAnalysis(Dissection tree, TcpSegmentResult r) {
        if (r.acksFrame != 0) {
            tree.add(ANALYSIS_ACKS_FRAME, null, 0, 0, r.acksFrame);
            tree.addTime(ANALYSIS_ACK_RTT, r.ackRttNanos / 1_000_000_000L, (int) (r.ackRttNanos % 1_000_000_000L));
        }
        if (r.analysis == 0) {
            return;
        }
        tree.add(ANALYSIS_FLAGS, null, 0, 0, 1);
        addFlag(tree, r, TcpSegmentResult.RETRANSMISSION, ANALYSIS_RETRANSMISSION);
        addFlag(tree, r, TcpSegmentResult.SPURIOUS_RETRANSMISSION, ANALYSIS_SPURIOUS_RETRANSMISSION);
        addFlag(tree, r, TcpSegmentResult.FAST_RETRANSMISSION, ANALYSIS_FAST_RETRANSMISSION);
        addFlag(tree, r, TcpSegmentResult.OUT_OF_ORDER, ANALYSIS_OUT_OF_ORDER);
        addFlag(tree, r, TcpSegmentResult.LOST_SEGMENT, ANALYSIS_LOST_SEGMENT);
        addFlag(tree, r, TcpSegmentResult.ZERO_WINDOW, ANALYSIS_ZERO_WINDOW);
        addFlag(tree, r, TcpSegmentResult.ZERO_WINDOW_PROBE, ANALYSIS_ZERO_WINDOW_PROBE);
        addFlag(tree, r, TcpSegmentResult.KEEP_ALIVE, ANALYSIS_KEEP_ALIVE);
        addFlag(tree, r, TcpSegmentResult.WINDOW_UPDATE, ANALYSIS_WINDOW_UPDATE);
        addFlag(tree, r, TcpSegmentResult.KEEP_ALIVE_ACK, ANALYSIS_KEEP_ALIVE_ACK);
        addFlag(tree, r, TcpSegmentResult.REUSED_PORTS, ANALYSIS_REUSED_PORTS);
        if (r.has(TcpSegmentResult.DUPLICATE_ACK)) {
            // Wireshark adds the flag twice: under the analysis flags, and again with the duplicate's number.
            tree.add(ANALYSIS_DUPLICATE_ACK, null, 0, 0, 1);
            tree.add(ANALYSIS_DUPLICATE_ACK, null, 0, 0, 1);
            tree.add(ANALYSIS_DUPLICATE_ACK_NUM, null, 0, 0, r.dupAckNum);
            tree.add(ANALYSIS_DUPLICATE_ACK_FRAME, null, 0, 0, r.dupAckFrame);
        }
    }

    private static void addFlag(Dissection tree, TcpSegmentResult r, int flag, FieldDef def) {
        if (r.has(flag)) {
            tree.add(def, null, 0, 0, 1);
        }
    }

    /** The window-scale option's shift in a SYN's options, or -1; malformed options end the search. */
    private int windowScaleShift(ByteView data, int start, int length) {
        int end = start + length;
        for (int at = start; at < end; ) {
            TcpOptionView opt = option.wrap(data, at, end - at);
            int size = opt.validate();
            if (size <= 0 || opt.kind() == KIND_EOL) {
                return -1;
            }
            if (opt.kind() == KIND_WSCALE && opt.hasLen() && opt.bodyLength() == TcpOptionWscaleView.MIN_LENGTH) {
                return wscale.wrap(data, opt.bodyOffset(), opt.bodyLength()).shift();
            }
            at += size;
        }
        return -1;
    }

    private static void addFlags(Dissection tree, ByteView data, int at, int flags) {
        tree.add(FLAGS, data, at, 2, flags);
        tree.add(FLAGS_RES, data, at, 1, flags >>> 9 & 7);
        tree.add(FLAGS_AE, data, at, 1, flags >>> 8 & 1);
        tree.add(FLAGS_CWR, data, at + 1, 1, flags >>> 7 & 1);
        tree.add(FLAGS_ECE, data, at + 1, 1, flags >>> 6 & 1);
        tree.add(FLAGS_URG, data, at + 1, 1, flags >>> 5 & 1);
        tree.add(FLAGS_ACK, data, at + 1, 1, flags >>> 4 & 1);
        tree.add(FLAGS_PUSH, data, at + 1, 1, flags >>> 3 & 1);
        tree.add(FLAGS_RESET, data, at + 1, 1, flags >>> 2 & 1);
        tree.add(FLAGS_SYN, data, at + 1, 1, flags >>> 1 & 1);
        tree.add(FLAGS_FIN, data, at + 1, 1, flags & 1);
    }

    /** tshark's bracketed flag list, for example {@code [SYN, ACK]}, in its order. */
    static void appendFlagNames(StringBuilder out, int flags) {
        out.append('[');
        int mark = out.length();
        appendFlag(out, mark, flags, FIN, "FIN");
        appendFlag(out, mark, flags, SYN, "SYN");
        appendFlag(out, mark, flags, RST, "RST");
        appendFlag(out, mark, flags, PSH, "PSH");
        appendFlag(out, mark, flags, ACK, "ACK");
        appendFlag(out, mark, flags, URG, "URG");
        appendFlag(out, mark, flags, ECE, "ECE");
        appendFlag(out, mark, flags, CWR, "CWR");
        appendFlag(out, mark, flags, AE, "AE");
        if (out.length() == mark) {
            out.append("<None>");
        }
        out.append(']');
    }

    private static void appendFlag(StringBuilder out, int mark, int flags, int bit, String name) {
        if ((flags & bit) != 0) {
            if (out.length() > mark) {
                out.append(", ");
            }
            out.append(name);
        }
    }

    /**
     * Options as fields, and into {@code info} unless it is null (no summary line wanted).
     *
     * @param length   the options' length as the header gives it
     * @param captured where the captured bytes end: before {@code start + length} when the header was cut. As
     *                 Wireshark, options are read against the header's length and shown until the bytes run out,
     *                 the option they run out in with each of its fields that was captured.
     */
    private void dissectOptions(Dissection tree, ByteView data, int start, int length, int captured,
                                StringBuilder info, TcpSegmentResult r) {
        int declaredEnd = start + length;
        int end = Math.min(declaredEnd, captured);
        int at = start;
        while (at < end) {
            TcpOptionView opt = option.wrap(data, at, end - at);
            int size = opt.validate();
            int kind = opt.kind();
            if (size < 0 && end < declaredEnd && opt.hasLen() && at + 1 < end && opt.len() >= 2
                    && at + opt.len() <= declaredEnd) {
                cutOption(tree, data, at, kind, opt.len(), end, r);
                return;
            }
            if (size < 0 || (opt.hasLen() && opt.len() < 2)) {
                // As Wireshark: an option whose length is missing, too short or past the end gets no kind field.
                tree.diagnose(BAD_OPTION, at, end - at, "option kind " + kind);
                return;
            }
            tree.add(OPTION_KIND, data, at, 1, kind);
            if (opt.hasLen()) {
                tree.add(OPTION_LEN, data, at + 1, 1, opt.len());
            }
            int body = opt.hasLen() ? opt.bodyOffset() : at + 1;
            int bodyLength = opt.hasLen() ? opt.bodyLength() : 0;
            switch (kind) {
                case KIND_EOL -> {
                    // What follows End of Option List is padding: Wireshark shows each zero byte as another EOL
                    // and stops at the first other byte ("Non-zero header padding").
                    for (int p = at + 1; p < end; p++) {
                        if (data.u8(p) != 0) {
                            return;
                        }
                        tree.add(OPTION_KIND, data, p, 1, KIND_EOL);
                    }
                    return;
                }
                case KIND_MSS -> {
                    if (bodyLength == TcpOptionMssView.MIN_LENGTH) {
                        int value = mss.wrap(data, body, bodyLength).mss();
                        tree.add(MSS_VAL, data, body, 2, value);
                        if (info != null) {
                            info.append(" MSS=").append(value);
                        }
                    } else {
                        tree.diagnose(BAD_OPTION, at, size, "MSS length " + opt.len());
                    }
                }
                case KIND_WSCALE -> {
                    if (bodyLength == TcpOptionWscaleView.MIN_LENGTH) {
                        int shift = wscale.wrap(data, body, bodyLength).shift();
                        tree.add(WSCALE_SHIFT, data, body, 1, shift);
                        tree.add(WSCALE_MULTIPLIER, data, body, 1, shift > 14 ? 1L << 14 : 1L << shift);
                        if (info != null) {
                            info.append(" WS=").append(shift > 14 ? 1 << 14 : 1 << shift);
                        }
                    } else {
                        tree.diagnose(BAD_OPTION, at, size, "window scale length " + opt.len());
                    }
                }
                case KIND_SACK_PERM -> {
                    tree.addBytes(SACK_PERM, data, at, size);
                    if (info != null) {
                        info.append(" SACK_PERM");
                    }
                }
                case KIND_SACK -> dissectSack(tree, data, at, body, bodyLength, size, info, r);
                case KIND_TIMESTAMP -> {
                    if (bodyLength == TcpOptionTimestampView.MIN_LENGTH) {
                        TcpOptionTimestampView ts = timestamp.wrap(data, body, bodyLength);
                        tree.add(TSVAL, data, body, 4, ts.tsval());
                        tree.add(TSECR, data, body + 4, 4, ts.tsecr());
                        if (info != null) {
                            info.append(" TSval=").append(ts.tsval()).append(" TSecr=").append(ts.tsecr());
                        }
                    } else {
                        tree.diagnose(BAD_OPTION, at, size, "timestamp length " + opt.len());
                    }
                }
                default -> {
                    // NOP and options we do not parse: kind and length are recorded above.
                }
            }
            at += size;
        }
    }

    /** An option that the header's length holds but the capture cut: kind, length and each whole field captured. */
    private static void cutOption(Dissection tree, ByteView data, int at, int kind, int len, int end,
                                  TcpSegmentResult r) {
        tree.add(OPTION_KIND, data, at, 1, kind);
        tree.add(OPTION_LEN, data, at + 1, 1, len);
        int body = at + 2;
        if (kind == KIND_MSS && len - 2 == TcpOptionMssView.MIN_LENGTH && body + 2 <= end) {
            tree.add(MSS_VAL, data, body, 2, data.u16(body));
        } else if (kind == KIND_TIMESTAMP && len - 2 == TcpOptionTimestampView.MIN_LENGTH && body + 4 <= end) {
            tree.add(TSVAL, data, body, 4, data.u32(body));
        } else if (kind == KIND_SACK && (len - 2) % TcpOptionSackBlockView.MIN_LENGTH == 0) {
            long base = r != null && r.peerBaseSet ? r.peerBase : 0;
            for (int edge = body; edge + 4 <= end; edge += 4) {
                tree.add((edge - body) % 8 == 0 ? SACK_LE : SACK_RE, data, edge, 4, (data.u32(edge) - base)
                        & 0xFFFF_FFFFL);
            }
        }
    }

    /** SACK blocks; edges are relative to the peer's base sequence number when analysis knows it, as tshark's. */
    private void dissectSack(Dissection tree, ByteView data, int at, int body, int bodyLength, int size,
                             StringBuilder info, TcpSegmentResult r) {
        if (bodyLength % TcpOptionSackBlockView.MIN_LENGTH != 0) {
            tree.diagnose(BAD_OPTION, at, size, "SACK length " + (bodyLength + 2));
            return;
        }
        for (int b = body; b < body + bodyLength; b += TcpOptionSackBlockView.MIN_LENGTH) {
            TcpOptionSackBlockView block = sackBlock.wrap(data, b, TcpOptionSackBlockView.MIN_LENGTH);
            long left = block.leftEdge();
            long right = block.rightEdge();
            if (r != null && r.peerBaseSet) {
                left = (left - r.peerBase) & 0xFFFF_FFFFL;
                right = (right - r.peerBase) & 0xFFFF_FFFFL;
            }
            tree.add(SACK_LE, data, b, 4, left);
            tree.add(SACK_RE, data, b + 4, 4, right);
            if (info != null) {
                info.append(" SLE=").append(left).append(" SRE=").append(right);
            }
        }
    }
}
