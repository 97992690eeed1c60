package dev.dissect.net.dns;

import dev.dissect.api.spi.DissectorProvider;
import dev.dissect.api.spi.Registrar;

/**
 * Registers DNS on UDP port 53, mDNS on 5353 and LLMNR on 5355, DNS on other UDP ports by its header
 * ({@link DnsHeuristic}, tshark's {@code dns} heuristic on {@code udp}), and DNS over TCP ({@link DnsTcpDissector})
 * on TCP ports 53 and 5353, as tshark 4.0 does. All share one {@link DnsMessageDissector}; its query tables live in each
 * capture's session, never in a static.
 */
public final class DnsProvider implements DissectorProvider {
    public static final int DNS_PORT = 53;
    public static final int MDNS_PORT = 5353;
    public static final int LLMNR_PORT = 5355;
    private static final String UDP_PORT_TABLE = "udp.port";
    private static final String TCP_PORT_TABLE = "tcp.port";

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
        r.addHeuristic(UDP_PORT_TABLE, new DnsHeuristic(messages));
        DnsTcpDissector tcp = new DnsTcpDissector(messages);
        r.addStream(TCP_PORT_TABLE, DNS_PORT, tcp);
        r.addStream(TCP_PORT_TABLE, MDNS_PORT, tcp);
    }
}
