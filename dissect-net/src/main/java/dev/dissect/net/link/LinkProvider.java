package dev.dissect.net.link;

import dev.dissect.api.frame.LinkType;
import dev.dissect.api.spi.DissectorProvider;
import dev.dissect.api.spi.DissectorTable;
import dev.dissect.api.spi.Registrar;
import dev.dissect.net.engine.DissectionEngine;

/** Registers the link layers: Ethernet, LLC, VLAN, Linux cooked capture v1/v2, BSD loopback and raw IP. */
public final class LinkProvider implements DissectorProvider {
    @Override
    public String id() {
        return "dissect.link";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(EthernetDissector.PROTOCOL, EthernetDissector.FIELDS);
        r.protocol(EtherTypes.ETHERTYPE);
        r.protocol(LlcDissector.PROTOCOL, LlcDissector.FIELDS);
        r.protocol(VlanDissector.VLAN, VlanDissector.VLAN_FIELDS);
        r.protocol(VlanDissector.IEEE8021AD, VlanDissector.IEEE8021AD_FIELDS);
        r.protocol(LinuxCookedFields.PROTOCOL, LinuxCookedFields.FIELDS);
        r.protocol(NullLoopbackDissector.PROTOCOL, NullLoopbackDissector.FIELDS);
        r.protocol(RawIpDissector.PROTOCOL);
        r.protocol(CiscoFabricPathDissector.PROTOCOL, CiscoFabricPathDissector.FIELDS);
        r.diagnostics(EthernetDissector.TRUNCATED, LlcDissector.TRUNCATED, VlanDissector.TRUNCATED,
                LinuxCookedFields.TRUNCATED, NullLoopbackDissector.TRUNCATED, CiscoFabricPathDissector.TRUNCATED);

        DissectorTable etherTypes = r.table(EtherTypes.TABLE);
        DissectorTable families = r.table(NullLoopbackDissector.TABLE);
        LlcDissector llc = new LlcDissector(etherTypes);
        String link = DissectionEngine.LINK_TYPE_TABLE;
        CiscoFabricPathDissector fabricPath = new CiscoFabricPathDissector();
        EthernetDissector ethernet = new EthernetDissector(etherTypes, llc, fabricPath);
        fabricPath.innerFrames(ethernet);
        r.add(link, LinkType.ETHERNET, ethernet);
        r.add("ip.proto", 143, ethernet); // Ethernet in IPv6 (RFC 8986 segment routing)
        r.add(link, LinkType.LINUX_SLL, new LinuxSllDissector(etherTypes, llc));
        r.add(link, LinkType.LINUX_SLL2, new LinuxSll2Dissector(etherTypes, llc));
        r.add(link, LinkType.NULL, new NullLoopbackDissector(families, etherTypes, true));
        r.add(link, LinkType.LOOP, new NullLoopbackDissector(families, etherTypes, false));
        RawIpDissector raw = new RawIpDissector(etherTypes);
        // LINKTYPE_IPV4 and LINKTYPE_IPV6 go straight to IP (IpProvider registers them): tshark shows no raw layer.
        for (int type : new int[] {LinkType.RAW, LinkType.RAW_OPENBSD}) {
            r.add(link, type, raw);
        }
        VlanDissector vlan = VlanDissector.customerTag(etherTypes, llc);
        r.add(EtherTypes.TABLE, EtherTypes.VLAN, vlan);
        r.add(EtherTypes.TABLE, EtherTypes.QINQ_OLD, vlan);
        r.add(EtherTypes.TABLE, EtherTypes.QINQ, VlanDissector.serviceTag(etherTypes, llc));
    }
}
