package dev.dissect.net.transport;

import dev.dissect.api.spi.DissectorProvider;
import dev.dissect.api.spi.Registrar;
import dev.dissect.net.ip.IpProtocols;
import dev.dissect.net.reassembly.ReassemblyFields;

/** Registers TCP and UDP, and declares their port tables. */
public final class TransportProvider implements DissectorProvider {
    @Override
    public String id() {
        return "dissect.transport";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(TcpDissector.PROTOCOL, TcpDissector.FIELDS);
        r.protocol(TcpDissector.PROTOCOL, ReassemblyFields.FIELDS);
        r.protocol(UdpDissector.PROTOCOL, UdpDissector.FIELDS);
        r.diagnostics(TcpDissector.DIAGNOSTICS);
        r.diagnostics(ReassemblyFields.DIAGNOSTICS);
        r.diagnostics(UdpDissector.DIAGNOSTICS);
        r.add(IpProtocols.TABLE, IpProtocols.TCP, new TcpDissector(r.table(TcpDissector.TABLE)));
        r.add(IpProtocols.TABLE, IpProtocols.UDP, new UdpDissector(r.table(UdpDissector.TABLE)));
    }
}
