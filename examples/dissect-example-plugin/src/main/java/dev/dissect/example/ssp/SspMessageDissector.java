package dev.dissect.example.ssp;

import static dev.dissect.example.ssp.SspFields.BAD_MAGIC;
import static dev.dissect.example.ssp.SspFields.BODY;
import static dev.dissect.example.ssp.SspFields.BODY_TOO_SHORT;
import static dev.dissect.example.ssp.SspFields.BODY_TRUNCATED;
import static dev.dissect.example.ssp.SspFields.CALIBRATED;
import static dev.dissect.example.ssp.SspFields.FLAGS;
import static dev.dissect.example.ssp.SspFields.INTERVAL;
import static dev.dissect.example.ssp.SspFields.LENGTH;
import static dev.dissect.example.ssp.SspFields.LOW_BATTERY;
import static dev.dissect.example.ssp.SspFields.NAME;
import static dev.dissect.example.ssp.SspFields.PROTOCOL;
import static dev.dissect.example.ssp.SspFields.QUANTITY;
import static dev.dissect.example.ssp.SspFields.SENSOR_ID;
import static dev.dissect.example.ssp.SspFields.SEQUENCE;
import static dev.dissect.example.ssp.SspFields.SHORT;
import static dev.dissect.example.ssp.SspFields.STATUS;
import static dev.dissect.example.ssp.SspFields.TIMESTAMP;
import static dev.dissect.example.ssp.SspFields.TYPE;
import static dev.dissect.example.ssp.SspFields.UNKNOWN_TYPE;
import static dev.dissect.example.ssp.SspFields.UNKNOWN_VERSION;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.example.ssp.wire.SspAckView;
import dev.dissect.example.ssp.wire.SspHelloView;
import dev.dissect.example.ssp.wire.SspMessageView;
import dev.dissect.example.ssp.wire.SspReadingView;

/**
 * Dissects one SSP message into a frame's record: one {@code ssp} layer with its fields, the info column, and
 * diagnostics for whatever is wrong. Shared by the UDP ({@link SspDissector}) and TCP ({@link SspStreamDissector})
 * dissectors, which differ only in how they find where a message starts and ends.
 *
 * <pre>
 *  0      2         3      4              6
 *  +------+---------+------+--------------+------------------------+
 *  | "SS" | version | type | body length  | body (body length)     |
 *  +------+---------+------+--------------+------------------------+
 * </pre>
 *
 * <p>The layout comes from {@code ksy/ssp.ksy} through the generated views; this class decides what the bytes
 * mean. <b>Never throws on bad bytes</b>: every length is checked ({@code validate()}) before a getter is used.
 * <b>Allocates nothing</b> per message except the info text, which is built only when wanted. The views are
 * scratch, re-wrapped on each call: one instance per dissector, used by one thread at a time.
 */
final class SspMessageDissector {
    static final int HEADER_LENGTH = SspMessageView.MIN_LENGTH;
    static final int MAGIC = 0x5353;
    static final int VERSION = 1;

    private final SspMessageView message = new SspMessageView();
    private final SspHelloView hello = new SspHelloView();
    private final SspReadingView reading = new SspReadingView();
    private final SspAckView ack = new SspAckView();

    /** True if {@code [offset, offset + length)} starts like an SSP message: magic, version 1, a known type. */
    static boolean looksLikeSsp(ByteView data, int offset, int length) {
        if (length < HEADER_LENGTH || data.u16(offset) != MAGIC
                || data.u8(offset + SspMessageView.VERSION_OFFSET) != VERSION) {
            return false;
        }
        int type = data.u8(offset + SspMessageView.MSG_TYPE_OFFSET);
        return type >= SspMessageView.MsgType.HELLO && type <= SspMessageView.MsgType.BYE;
    }

    /**
     * Dissects the message at {@code offset}, reading at most {@code available} bytes.
     *
     * @return the message's length (header and body), or -1 if it is broken and the rest cannot be placed
     */
    int dissect(Dissection tree, ByteView data, int offset, int available) {
        boolean first = tree.findLayer(PROTOCOL.filterName()) == Dissection.NONE;
        tree.setProtocolColumn(PROTOCOL.shortName());
        int layer = tree.beginLayer(PROTOCOL, offset, available);
        StringBuilder info = null;
        if (tree.infoWanted()) {
            info = tree.info();
            if (first) {
                info.setLength(0);
            } else {
                info.append(", ");
            }
        }
        if (available < HEADER_LENGTH) {
            tree.diagnose(SHORT, offset, available, available + " bytes");
            appendInfo(info, "Truncated");
            return -1;
        }
        message.wrap(data, offset, available);
        tree.add(SspFields.MAGIC, data, offset, 2, data.u16(offset));
        if (data.u16(offset) != MAGIC) {
            tree.diagnose(BAD_MAGIC, offset, 2, null);
            appendInfo(info, "Not SSP");
            return -1;
        }
        int version = message.version();
        int type = message.msgType();
        int bodyLength = message.bodyLength();
        tree.add(SspFields.VERSION, data, offset + SspMessageView.VERSION_OFFSET, 1, version);
        tree.add(TYPE, data, offset + SspMessageView.MSG_TYPE_OFFSET, 1, type);
        tree.add(LENGTH, data, offset + SspMessageView.BODY_LENGTH_OFFSET, 2, bodyLength);
        if (message.validate() < 0) {
            tree.diagnose(BODY_TRUNCATED, offset + SspMessageView.BODY_LENGTH_OFFSET, 2,
                    "body length " + bodyLength + " > " + (available - HEADER_LENGTH) + " bytes left");
            appendInfo(info, "Truncated");
            return -1;
        }
        int total = HEADER_LENGTH + bodyLength;
        tree.setLayerLength(layer, total);
        int body = message.bodyRegionOffset();
        if (version != VERSION) {
            tree.diagnose(UNKNOWN_VERSION, offset + SspMessageView.VERSION_OFFSET, 1, "version " + version);
            tree.addBytes(BODY, data, body, bodyLength);
            appendInfo(info, "Version ");
            if (info != null) {
                info.append(version);
            }
            return total;
        }
        int used = switch (type) {
            case SspMessageView.MsgType.HELLO -> hello(tree, info, data, body, bodyLength);
            case SspMessageView.MsgType.READING -> reading(tree, info, data, body, bodyLength);
            case SspMessageView.MsgType.ACK -> ack(tree, info, data, body, bodyLength);
            case SspMessageView.MsgType.BYE -> {
                appendInfo(info, "Bye");
                yield 0;
            }
            default -> {
                tree.diagnose(UNKNOWN_TYPE, offset + SspMessageView.MSG_TYPE_OFFSET, 1, "type " + type);
                appendInfo(info, "Unknown type");
                yield 0;
            }
        };
        if (used < bodyLength) {
            tree.addBytes(BODY, data, body + used, bodyLength - used);
        }
        return total;
    }

    /** @return body bytes dissected; 0 (and a diagnostic) if the body is too short for a hello */
    private int hello(Dissection tree, StringBuilder info, ByteView data, int body, int bodyLength) {
        int used = hello.wrap(data, body, bodyLength).validate();
        if (used < 0) {
            return tooShort(tree, info, "Hello", body, bodyLength);
        }
        tree.add(SENSOR_ID, data, body + SspHelloView.SENSOR_ID_OFFSET, 4, hello.sensorId());
        tree.add(INTERVAL, data, body + SspHelloView.INTERVAL_MS_OFFSET, 2, hello.intervalMs());
        tree.addBytes(NAME, data, hello.nameRegionOffset(), hello.nameRegionLength());
        if (info != null) {
            info.append("Hello sensor=");
            hex8(info, hello.sensorId());
            info.append(" name=");
            for (int i = 0; i < hello.nameRegionLength(); i++) {
                info.append((char) data.u8(hello.nameRegionOffset() + i));
            }
        }
        return used;
    }

    private int reading(Dissection tree, StringBuilder info, ByteView data, int body, int bodyLength) {
        int used = reading.wrap(data, body, bodyLength).validate();
        if (used < 0) {
            return tooShort(tree, info, "Reading", body, bodyLength);
        }
        long millis = reading.timestampMs();
        tree.add(SENSOR_ID, data, body + SspReadingView.SENSOR_ID_OFFSET, 4, reading.sensorId());
        tree.add(SEQUENCE, data, body + SspReadingView.SEQUENCE_OFFSET, 4, reading.sequence());
        tree.addTime(TIMESTAMP, Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000);
        tree.add(QUANTITY, data, body + SspReadingView.QUANTITY_OFFSET, 1, reading.quantity());
        tree.add(FLAGS, data, body + SspReadingView.CALIBRATED_OFFSET, 1, data.u8(body + SspReadingView.CALIBRATED_OFFSET));
        tree.add(CALIBRATED, data, body + SspReadingView.CALIBRATED_OFFSET, 1, reading.calibrated());
        tree.add(LOW_BATTERY, data, body + SspReadingView.LOW_BATTERY_OFFSET, 1, reading.lowBattery());
        tree.add(SspFields.VALUE, data, body + SspReadingView.VALUE_OFFSET, 4, reading.value());
        if (info != null) {
            info.append("Reading sensor=");
            hex8(info, reading.sensorId());
            info.append(" seq=").append(reading.sequence()).append(' ').append(quantityName(reading.quantity()))
                    .append('=');
            thousandths(info, reading.value());
        }
        return used;
    }

    private int ack(Dissection tree, StringBuilder info, ByteView data, int body, int bodyLength) {
        int used = ack.wrap(data, body, bodyLength).validate();
        if (used < 0) {
            return tooShort(tree, info, "Ack", body, bodyLength);
        }
        tree.add(SEQUENCE, data, body + SspAckView.SEQUENCE_OFFSET, 4, ack.sequence());
        tree.add(STATUS, data, body + SspAckView.STATUS_OFFSET, 1, ack.status());
        if (info != null) {
            info.append("Ack seq=").append(ack.sequence()).append(" status=").append(ack.status());
        }
        return used;
    }

    private static int tooShort(Dissection tree, StringBuilder info, String what, int body, int bodyLength) {
        tree.diagnose(BODY_TOO_SHORT, body, bodyLength, what + " body of " + bodyLength + " bytes");
        appendInfo(info, what);
        return 0;
    }

    private static String quantityName(int quantity) {
        return switch (quantity) {
            case SspMessageView.Quantity.TEMPERATURE -> "temperature";
            case SspMessageView.Quantity.HUMIDITY -> "humidity";
            case SspMessageView.Quantity.PRESSURE -> "pressure";
            default -> "quantity" + quantity;
        };
    }

    /** {@code 0x} and eight hex digits, as {@code ssp.sensor_id} prints. */
    private static void hex8(StringBuilder out, long value) {
        out.append("0x");
        for (int shift = 28; shift >= 0; shift -= 4) {
            out.append(Character.forDigit((int) (value >>> shift) & 0xF, 16));
        }
    }

    /** {@code 21500} as {@code 21.500}, {@code -5} as {@code -0.005}. */
    private static void thousandths(StringBuilder out, int value) {
        long v = value;
        if (v < 0) {
            out.append('-');
            v = -v;
        }
        long frac = v % 1000;
        out.append(v / 1000).append('.');
        if (frac < 100) {
            out.append('0');
        }
        if (frac < 10) {
            out.append('0');
        }
        out.append(frac);
    }

    private static void appendInfo(StringBuilder info, String text) {
        if (info != null) {
            info.append(text);
        }
    }
}
