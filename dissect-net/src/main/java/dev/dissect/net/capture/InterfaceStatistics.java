package dev.dissect.net.capture;

import dev.dissect.api.frame.CaptureInterface;

/**
 * Counters from a pcapng Interface Statistics Block. A counter the block does not carry is -1.
 *
 * @param captureInterface the interface counted
 * @param epochSecond      when the counters were taken: seconds since the Unix epoch
 * @param nanos            nanoseconds within {@code epochSecond}
 * @param received         {@code isb_ifrecv}: packets the interface received
 * @param dropped          {@code isb_ifdrop}: packets the interface dropped for lack of resources
 * @param filterAccepted   {@code isb_filteraccept}: packets the capture filter accepted
 * @param osDropped        {@code isb_osdrop}: packets the operating system dropped
 * @param userDelivered    {@code isb_usrdeliv}: packets delivered to the capturing program
 * @since 0.1
 */
public record InterfaceStatistics(CaptureInterface captureInterface, long epochSecond, int nanos, long received,
                                  long dropped, long filterAccepted, long osDropped, long userDelivered) {
}
