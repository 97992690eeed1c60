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
        r.protocol(VlanDissector.PROTOCOL, VlanDissector.FIELDS);
        r.protocol(LinuxCookedFields.PROTOCOL, LinuxCookedFields.FIELDS);
        r.protocol(NullLoopbackDissector.PROTOCOL, NullLoopbackDissector.FIELDS);
        r.protocol(RawIpDissector.PROTOCOL);
        r.diagnostics(EthernetDissector.TRUNCATED, LlcDissector.TRUNCATED, VlanDissector.TRUNCATED,
                LinuxCookedFields.TRUNCATED, NullLoopbackDissector.TRUNCATED);

        DissectorTable etherTypes = r.table(EtherTypes.TABLE);
        DissectorTable families = r.table(NullLoopbackDissector.TABLE);
        LlcDissector llc = new LlcDissector(etherTypes);
        String link = DissectionEngine.LINK_TYPE_TABLE;
        r.add(link, LinkType.ETHERNET, new EthernetDissector(etherTypes, llc));
        r.add(link, LinkType.LINUX_SLL, new LinuxSllDissector(etherTypes, llc));
        r.add(link, LinkType.LINUX_SLL2, new LinuxSll2Dissector(etherTypes, llc));
        r.add(link, LinkType.NULL, new NullLoopbackDissector(families, true));
        r.add(link, LinkType.LOOP, new NullLoopbackDissector(families, false));
        RawIpDissector raw = new RawIpDissector(etherTypes);
        for (int type : new int[] {LinkType.RAW, LinkType.RAW_OPENBSD, LinkType.IPV4, LinkType.IPV6}) {
            r.add(link, type, raw);
        }
        VlanDissector vlan = new VlanDissector(etherTypes, llc);
        for (int tpid : new int[] {EtherTypes.VLAN, EtherTypes.QINQ, EtherTypes.QINQ_OLD}) {
            r.add(EtherTypes.TABLE, tpid, vlan);
        }
    }
}
