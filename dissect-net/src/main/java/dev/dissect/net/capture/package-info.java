/**
 * Capture files in and out: {@link dev.dissect.net.capture.Captures#open(java.nio.file.Path)} reads pcap, pcapng and
 * gzip-compressed captures from memory-mapped files or streams; {@link dev.dissect.net.capture.PcapWriter} and
 * {@link dev.dissect.net.capture.PcapngWriter} write them.
 *
 * <p><b>No allocation per frame</b> on a mapped file: one {@link dev.dissect.net.capture.Frame} is re-pointed at each
 * record. <b>A damaged capture yields every complete frame, then one
 * {@link dev.dissect.api.frame.CaptureFormatException}</b> naming the byte offset of the bad record or block.
 *
 * <p>Header layouts are named constants in {@code PcapLayout} and {@code PcapngLayout}, read through
 * {@link dev.dissect.api.buffer.ByteView}; when the views generated from {@code ksy/pcap.ksy} and
 * {@code ksy/pcapng.ksy} exist, the readers switch to them field by field.
 *
 * @since 0.1
 */
package dev.dissect.net.capture;
