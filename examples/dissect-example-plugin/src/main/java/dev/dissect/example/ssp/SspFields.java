package dev.dissect.example.ssp;

import dev.dissect.api.field.Base;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.DiagnosticGroup;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.FieldType;
import dev.dissect.api.field.Protocol;

/**
 * The Sensor Stream Protocol's protocol, fields and diagnostics: declared once, registered by {@link SspProvider},
 * emitted by {@link SspMessageDissector}. The names are what users type: {@code -e ssp.value},
 * {@code -Y 'ssp.type == 2'}; each description is the last column of {@code dissect -G fields}.
 */
public final class SspFields {
    /** The protocol: {@code ssp} in filters and {@code frame.protocols}, {@code SSP} in the protocol column. */
    public static final Protocol PROTOCOL = new Protocol("ssp", "Sensor Stream Protocol", "SSP");

    public static final FieldDef MAGIC = FieldDef.uint("ssp.magic", "Magic", 2, Base.HEX)
            .describedAs("Always 0x5353 (\"SS\")");
    public static final FieldDef VERSION = FieldDef.uint("ssp.version", "Version", 1, Base.DEC)
            .describedAs("Protocol version; 1 is the only one");
    public static final FieldDef TYPE = FieldDef.uint("ssp.type", "Message type", 1, Base.DEC)
            .describedAs("1 hello, 2 reading, 3 ack, 4 bye");
    public static final FieldDef LENGTH = FieldDef.uint("ssp.length", "Body length", 2, Base.DEC)
            .describedAs("Bytes of body after the 6-byte header");
    public static final FieldDef SENSOR_ID = FieldDef.uint("ssp.sensor_id", "Sensor ID", 4, Base.HEX)
            .describedAs("The sensor's identifier");
    public static final FieldDef INTERVAL = FieldDef.uint("ssp.interval", "Reporting interval (ms)", 2, Base.DEC)
            .describedAs("How often the sensor reports, in milliseconds (hello)");
    public static final FieldDef NAME = FieldDef.string("ssp.name", "Sensor name")
            .describedAs("The sensor's human-readable name (hello)");
    public static final FieldDef SEQUENCE = FieldDef.uint("ssp.seq", "Sequence number", 4, Base.DEC)
            .describedAs("Counts a sensor's readings from 0 (reading, ack)");
    public static final FieldDef TIMESTAMP = FieldDef.absoluteTime("ssp.timestamp", "Measured at")
            .describedAs("When the value was measured, from milliseconds since the epoch (reading)");
    public static final FieldDef QUANTITY = FieldDef.uint("ssp.quantity", "Quantity", 1, Base.DEC)
            .describedAs("1 temperature (degrees Celsius), 2 humidity (percent), 3 pressure (hPa)");
    public static final FieldDef FLAGS = FieldDef.uint("ssp.flags", "Flags", 1, Base.HEX)
            .describedAs("Bit 7 calibrated, bit 6 low battery (reading)");
    public static final FieldDef CALIBRATED = FieldDef.bool("ssp.flags.calibrated", "Calibrated")
            .describedAs("The sensor was calibrated");
    public static final FieldDef LOW_BATTERY = FieldDef.bool("ssp.flags.low_battery", "Low battery")
            .describedAs("The sensor's battery is low");
    public static final FieldDef VALUE = new FieldDef("ssp.value", "Value (thousandths)", FieldType.INT, Base.DEC, 4,
            "The measurement in thousandths of the quantity's unit: 21500 is 21.5 degrees Celsius");
    public static final FieldDef STATUS = FieldDef.uint("ssp.status", "Status", 1, Base.DEC)
            .describedAs("0 stored, 1 duplicate, 2 rejected (ack)");
    public static final FieldDef BODY = FieldDef.bytes("ssp.body", "Undissected body")
            .describedAs("Body bytes of an unknown message type, or after the known fields");

    /** Every field, for {@code Registrar.protocol}. */
    public static final FieldDef[] FIELDS = {MAGIC, VERSION, TYPE, LENGTH, SENSOR_ID, INTERVAL, NAME, SEQUENCE,
        TIMESTAMP, QUANTITY, FLAGS, CALIBRATED, LOW_BATTERY, VALUE, STATUS, BODY};

    public static final DiagnosticDef SHORT = DiagnosticDef.truncated("ssp.short",
            "Shorter than the 6-byte SSP header");
    public static final DiagnosticDef BAD_MAGIC = DiagnosticDef.malformed("ssp.magic.bad",
            "Not an SSP message: the magic is not \"SS\"");
    public static final DiagnosticDef UNKNOWN_VERSION = DiagnosticDef.warning("ssp.version.unknown",
            "Unknown SSP version; the body is not dissected", DiagnosticGroup.UNDECODED);
    public static final DiagnosticDef BODY_TRUNCATED = DiagnosticDef.truncated("ssp.length.bad",
            "Body length goes past the end of the captured bytes");
    public static final DiagnosticDef BODY_TOO_SHORT = DiagnosticDef.malformed("ssp.body.short",
            "Body too short for its message type");
    public static final DiagnosticDef UNKNOWN_TYPE = DiagnosticDef.note("ssp.type.unknown",
            "Unknown message type; the body is kept as bytes", DiagnosticGroup.UNDECODED);

    /** Every diagnostic, for {@code Registrar.diagnostics}. */
    public static final DiagnosticDef[] DIAGNOSTICS = {SHORT, BAD_MAGIC, UNKNOWN_VERSION, BODY_TRUNCATED,
        BODY_TOO_SHORT, UNKNOWN_TYPE};

    private SspFields() {
    }
}
