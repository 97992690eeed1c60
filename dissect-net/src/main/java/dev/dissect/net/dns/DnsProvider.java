package dev.dissect.net.dns;

import dev.dissect.api.spi.DissectorProvider;
import dev.dissect.api.spi.Registrar;

/**
 * Registers DNS on UDP port 53, mDNS on 5353 and LLMNR on 5355. Each registration gets its own
 * {@link DnsMessageDissector} and so its own bounded query table: state lives as long as the registry, never in a
 * static. DNS over TCP (port 53) waits for the stream-dissector SPI: it will be a framer for the two-byte length
 * prefix that calls {@link DnsMessageDissector#dissectMessage} per message.
 */
public final class DnsProvider implements DissectorProvider {
    public static final int DNS_PORT = 53;
    public static final int MDNS_PORT = 5353;
    public static final int LLMNR_PORT = 5355;
    private static final String UDP_PORT_TABLE = "udp.port";

    @Override
    public String id() {
        return "dissect.dns";
    }

    @Override
    public void register(Registrar r) {
        for (DnsFlavor flavor : DnsFlavor.values()) {
            r.protocol(flavor.protocol(), DnsFields.ALL);
        }
        r.diagnostics(DnsFields.DIAGNOSTICS);
        DnsMessageDissector messages = new DnsMessageDissector();
        r.add(UDP_PORT_TABLE, DNS_PORT, new DnsDissector(DnsFlavor.DNS, messages));
        r.add(UDP_PORT_TABLE, MDNS_PORT, new DnsDissector(DnsFlavor.MDNS, messages));
        r.add(UDP_PORT_TABLE, LLMNR_PORT, new DnsDissector(DnsFlavor.LLMNR, messages));
    }
}
