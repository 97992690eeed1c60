package dev.dissect.api.frame;

/**
 * An interface a capture was recorded on (pcap's global header, pcapng's Interface Description Block).
 *
 * @param id           index of the interface as frames refer to it ({@link FrameView#interfaceId()})
 * @param linkType     link type ({@link LinkType})
 * @param snapLength   the maximum bytes captured per frame, 0 if unlimited or unknown
 * @param name         {@code if_name}, or the empty string
 * @param description  {@code if_description}, or the empty string
 * @param ticksPerSecond timestamp resolution: 1,000,000 for microseconds, 1,000,000,000 for nanoseconds
 * @since 0.1
 */
public record CaptureInterface(int id, int linkType, long snapLength, String name, String description,
                               long ticksPerSecond) {
}
