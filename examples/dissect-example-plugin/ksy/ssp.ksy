meta:
  id: ssp_message
  title: Sensor Stream Protocol message
  endian: be
  license: CC0-1.0
doc: |
  One message of the Sensor Stream Protocol (SSP), a small telemetry protocol made up
  for dissect's plugin guide. Sensors send readings to a collector over TCP (a stream
  of length-prefixed messages) or UDP (one message per datagram); the collector
  acknowledges them. Every message is a 6-byte header and a body of `body_length` bytes
  whose layout depends on `msg_type`:

    1 hello    sensor id, reporting interval, name
    2 reading  sensor id, sequence number, timestamp, quantity, flags, value
    3 ack      sequence number acknowledged, status
    4 bye      empty body
doc-ref: docs/writing-a-dissector.md
seq:
  - id: magic
    contents: [0x53, 0x53]
    doc: The two bytes "SS".
  - id: version
    type: u1
    doc: Protocol version; this grammar describes version 1.
  - id: msg_type
    type: u1
    doc: What the body holds (enum msg_type; kept an integer so the switch cases are plain numbers).
  - id: body_length
    type: u2
    doc: Bytes of body after this 6-byte header.
  - id: body
    size: body_length
    type:
      switch-on: msg_type
      cases:
        1: ssp_hello
        2: ssp_reading
        3: ssp_ack
    doc: The message body; types other than 1 to 3 are opaque bytes.
enums:
  msg_type:
    1: hello
    2: reading
    3: ack
    4: bye
types:
  ssp_hello:
    doc: A sensor introduces itself.
    seq:
      - id: sensor_id
        type: u4
        doc: The sensor's identifier, unique per collector.
      - id: interval_ms
        type: u2
        doc: How often the sensor reports, in milliseconds.
      - id: name_length
        type: u1
        doc: Bytes of name.
      - id: name
        size: name_length
        doc: Human-readable name, ASCII.
  ssp_reading:
    doc: One measurement.
    seq:
      - id: sensor_id
        type: u4
        doc: The sensor that measured.
      - id: sequence
        type: u4
        doc: Counts readings of this sensor from 0; the collector acknowledges it.
      - id: timestamp_ms
        type: u8
        doc: When the value was measured, in milliseconds since the Unix epoch.
      - id: quantity
        type: u1
        enum: quantity
        doc: What was measured.
      - id: calibrated
        type: b1
        doc: Set when the sensor was calibrated.
      - id: low_battery
        type: b1
        doc: Set when the sensor's battery is low.
      - id: reserved
        type: b6
        doc: Zero in version 1.
      - id: value
        type: s4
        doc: The measurement in thousandths of the quantity's unit (millidegrees Celsius, ...).
    enums:
      quantity:
        1: temperature
        2: humidity
        3: pressure
  ssp_ack:
    doc: The collector acknowledges a reading.
    seq:
      - id: sequence
        type: u4
        doc: The reading's sequence number.
      - id: status
        type: u1
        doc: 0 stored, 1 duplicate, 2 rejected.
