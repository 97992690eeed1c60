package dev.dissect.cli;

import dev.dissect.api.frame.CaptureInterface;
import dev.dissect.api.frame.CaptureSource;
import dev.dissect.api.frame.FrameView;
import dev.dissect.net.capture.Frame;
import dev.dissect.net.capture.PcapWriter;
import dev.dissect.net.capture.PcapngWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code -w FILE}: writes the frames that pass as pcapng (the default) or classic pcap ({@code -F pcap}, or
 * {@code -F nsecpcap} for nanosecond timestamps).
 *
 * <p><b>Interfaces and timestamps are kept.</b> In pcapng each input interface becomes one Interface Description
 * Block (link type, snap length, name, description, timestamp resolution), written before its first frame, and
 * packet comments are kept. A pcap file has one link type: a frame of another link type is an error that
 * suggests pcapng.
 */
final class CaptureOutput implements Closeable {
    private final CaptureSource source;
    private final OutputStream stream;
    private final String format;
    private PcapngWriter pcapng;
    private PcapWriter pcap;
    private int pcapLinkType;
    private final Map<CaptureInterface, Integer> interfaceIds = new HashMap<>();
    private byte[] scratch = new byte[2048];

    /** @param format {@code pcapng}, {@code pcap} or {@code nsecpcap} (checked by {@link #isFormat}) */
    CaptureOutput(CaptureSource source, OutputStream stream, String format) {
        this.source = source;
        this.stream = stream;
        this.format = format;
    }

    static boolean isFormat(String format) {
        return format.equals("pcapng") || format.equals("pcap") || format.equals("nsecpcap");
    }

    void write(FrameView frame) throws IOException {
        CaptureInterface iface = frame instanceof Frame f ? f.captureInterface() : interfaceOf(frame);
        if (format.equals("pcapng")) {
            writePcapng(frame, iface);
        } else {
            writePcap(frame, iface);
        }
    }

    private CaptureInterface interfaceOf(FrameView frame) {
        for (CaptureInterface i : source.interfaces()) {
            if (i.id() == frame.interfaceId()) {
                return i;
            }
        }
        return new CaptureInterface(frame.interfaceId(), frame.linkType(), 0, "", "", 1_000_000_000L);
    }

    private void writePcapng(FrameView frame, CaptureInterface iface) throws IOException {
        if (pcapng == null) {
            pcapng = new PcapngWriter(stream);
            pcapng.startSection(ByteOrder.nativeOrder(), null);
        }
        Integer id = interfaceIds.get(iface);
        if (id == null) {
            PcapngWriter.InterfaceSpec spec = PcapngWriter.InterfaceSpec.of(iface.linkType())
                    .withSnapLength(iface.snapLength()).withTsresol(tsresol(iface.ticksPerSecond()))
                    .withName(iface.name().isEmpty() ? null : iface.name(),
                            iface.description().isEmpty() ? null : iface.description());
            id = pcapng.addInterface(spec);
            interfaceIds.put(iface, id);
        }
        String comment = frame instanceof Frame f && f.hasComment() ? f.comment() : null;
        int length = frame.capturedLength();
        if (scratch.length < length) {
            scratch = new byte[length];
        }
        frame.data().copyTo(0, scratch, 0, length);
        pcapng.writePacket(id, frame.epochSecond(), frame.nanos(), frame.originalLength(), scratch, 0, length,
                comment);
    }

    /** {@code if_tsresol} for a resolution: 10^-n when it is a power of ten, 2^-n for a power of two, else 10^-9. */
    static int tsresol(long ticksPerSecond) {
        long t = 1;
        for (int n = 0; n <= 9; n++, t *= 10) {
            if (t == ticksPerSecond) {
                return n;
            }
        }
        if (Long.bitCount(ticksPerSecond) == 1 && ticksPerSecond > 1) {
            return 0x80 | Long.numberOfTrailingZeros(ticksPerSecond);
        }
        return 9;
    }

    private void writePcap(FrameView frame, CaptureInterface iface) throws IOException {
        if (pcap == null) {
            boolean nanos = format.equals("nsecpcap");
            long snap = iface.snapLength() > 0 ? iface.snapLength() : 262_144;
            pcap = new PcapWriter(stream, frame.linkType(), nanos, snap, ByteOrder.nativeOrder());
            pcapLinkType = frame.linkType();
        } else if (frame.linkType() != pcapLinkType) {
            throw new IOException("frame " + frame.number() + " has link type " + frame.linkType()
                    + " but the pcap file was started with " + pcapLinkType
                    + "; pcap holds one link type, use -F pcapng");
        }
        pcap.write(frame);
    }

    @Override
    public void close() throws IOException {
        if (pcapng == null && pcap == null) {
            // No frame passed: still write a valid, empty file.
            if (format.equals("pcapng")) {
                new PcapngWriter(stream).startSection(ByteOrder.nativeOrder(), null);
            } else {
                CaptureInterface first = source.interfaces().isEmpty() ? null : source.interfaces().get(0);
                new PcapWriter(stream, first != null ? first.linkType() : 1, format.equals("nsecpcap"));
            }
        }
        stream.close();
    }
}
