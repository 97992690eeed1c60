package dev.dissect.net.ip;

import dev.dissect.api.frame.LinkType;
import dev.dissect.api.spi.DissectorProvider;
import dev.dissect.api.spi.DissectorTable;
import dev.dissect.api.spi.Registrar;
import dev.dissect.net.engine.DissectionEngine;
import dev.dissect.net.link.EtherTypes;
import dev.dissect.net.link.NullLoopbackDissector;

/** Registers IPv4, IPv6 and its extension headers, and AH. */
public final class IpProvider implements DissectorProvider {
    @Override
    public String id() {
        return "dissect.ip";
    }

    @Override
    public void register(Registrar r) {
        DissectorTable protocols = r.table(IpProtocols.TABLE);
        Ipv4Dissector ipv4 = new Ipv4Dissector(protocols);
        Ipv6Dissector ipv6 = new Ipv6Dissector(protocols);
        ipv4.versionSixGoesTo(ipv6, true);
        Ipv4Dissector linkIpv4 = new Ipv4Dissector(protocols); // Wireshark's "ip" version switch (LINKTYPE_IPV4)
        linkIpv4.versionSixGoesTo(ipv6, false);
        Ipv6OptionsDissector hopByHop = Ipv6OptionsDissector.hopByHop(protocols);
        Ipv6OptionsDissector routing = Ipv6OptionsDissector.routing(protocols);
        Ipv6OptionsDissector destination = Ipv6OptionsDissector.destinationOptions(protocols);

        r.protocol(Ipv4Dissector.PROTOCOL, Ipv4Dissector.FIELDS);
        r.protocol(Ipv6Dissector.PROTOCOL, Ipv6Dissector.FIELDS);
        r.protocol(hopByHop.protocol(), hopByHop.fields());
        r.protocol(routing.protocol(), routing.fields());
        r.protocol(destination.protocol(), destination.fields());
        r.protocol(Ipv6FragmentDissector.PROTOCOL, Ipv6FragmentDissector.FIELDS);
        r.protocol(AuthHeaderDissector.PROTOCOL, AuthHeaderDissector.FIELDS);
        r.diagnostics(Ipv4Dissector.DIAGNOSTICS);
        r.diagnostics(Ipv6Dissector.DIAGNOSTICS);
        r.diagnostics(Ipv6OptionsDissector.TRUNCATED, Ipv6OptionsDissector.BAD_OPTION_LENGTH, Ipv6FragmentDissector.TRUNCATED,
                AuthHeaderDissector.BAD_LENGTH);

        r.add(EtherTypes.TABLE, EtherTypes.IPV4, ipv4);
        r.add(EtherTypes.TABLE, EtherTypes.IPV6, ipv6);
        r.add(DissectionEngine.LINK_TYPE_TABLE, LinkType.IPV4, linkIpv4);
        r.add(DissectionEngine.LINK_TYPE_TABLE, LinkType.IPV6, ipv6);
        r.add(NullLoopbackDissector.TABLE, 2, ipv4);
        for (int family : new int[] {24, 28, 30}) {
            r.add(NullLoopbackDissector.TABLE, family, ipv6);
        }
        r.add(IpProtocols.TABLE, 4, ipv4);   // IP in IP
        r.add(IpProtocols.TABLE, 41, ipv6);  // IPv6 in IP
        r.add(IpProtocols.TABLE, IpProtocols.HOP_BY_HOP, hopByHop);
        r.add(IpProtocols.TABLE, IpProtocols.IPV6_ROUTING, routing);
        r.add(IpProtocols.TABLE, IpProtocols.IPV6_DEST_OPTS, destination);
        r.add(IpProtocols.TABLE, IpProtocols.IPV6_FRAGMENT, new Ipv6FragmentDissector(protocols));
        r.add(IpProtocols.TABLE, IpProtocols.AH, new AuthHeaderDissector(protocols));
    }
}
