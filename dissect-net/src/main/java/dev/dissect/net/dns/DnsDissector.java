package dev.dissect.net.dns;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.Dissector;

/**
 * DNS, mDNS or LLMNR over UDP: the whole datagram is one message ({@link DnsMessageDissector}). Registered on
 * {@code udp.port} 53 ({@code dns}), 5353 ({@code mdns}) and 5355 ({@code llmnr}), as in tshark.
 *
 * @see DnsProvider
 */
public final class DnsDissector implements Dissector {
    private final DnsFlavor flavor;
    private final DnsMessageDissector messages;

    /** A dissector of {@code flavor} that shares {@code messages} (and its query table) with its siblings. */
    public DnsDissector(DnsFlavor flavor, DnsMessageDissector messages) {
        this.flavor = flavor;
        this.messages = messages;
    }

    @Override
    public Protocol protocol() {
        return flavor.protocol();
    }

    @Override
    public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
        messages.dissectMessage(ctx, data, offset, length, flavor);
    }
}
