package dev.dissect.net.dns;

import dev.dissect.net.engine.Limits;
import dev.dissect.net.flow.FrameLinks;

/**
 * What DNS remembers of one capture: the open queries ({@link DnsTransactions}) and, in the first of two passes,
 * the matches found ({@link FrameLinks}, by query frame and id). Kept in the session's {@code SessionStore}, so it is dropped with the
 * session; a DNS dissector used outside an engine keeps one of its own.
 */
final class DnsSessionState {
    final DnsTransactions transactions;
    final FrameLinks responses;

    DnsSessionState(Limits limits) {
        transactions = new DnsTransactions(limits.getInt(DnsLimits.MAX_OPEN_QUERIES));
        responses = new FrameLinks(limits.getInt(DnsLimits.MAX_RESPONSE_MATCHES));
    }
}
