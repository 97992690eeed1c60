package dev.dissect.net.dns;

import static dev.dissect.net.dns.DnsFrames.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.testkit.DnsMessages;
import dev.dissect.testkit.DnsMessages.Part;
import dev.dissect.testkit.DnsMessages.Record;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Messages built byte by byte come back with tshark 4.0's field names, values and info column. */
class DnsDissectorTest {
    private final DnsFrames frames = new DnsFrames();

    @Test
    void queryHeaderFlagsAndQuestion() {
        Dissection d = frames.query(DnsMessages.query(0x5baa).question("rsa.corpus.test", DnsMessages.A)
                .additional(Record.opt(1232, 0)).build());
        assertEquals("eth:ethertype:ip:udp:dns", d.protocolsText().toString());
        assertEquals("DNS", d.protocolColumn());
        assertEquals("0x5baa", field(d, "dns.id"));
        assertEquals("0x0100", field(d, "dns.flags"));
        assertEquals("0", field(d, "dns.flags.response"));
        assertEquals("1", field(d, "dns.flags.recdesired"));
        assertEquals("", field(d, "dns.flags.rcode"));
        assertEquals("rsa.corpus.test", field(d, "dns.qry.name"));
        assertEquals("15", field(d, "dns.qry.name.len"));
        assertEquals("3", field(d, "dns.count.labels"));
        assertEquals("1", field(d, "dns.qry.type"));
        assertEquals("0x0001", field(d, "dns.qry.class"));
        assertEquals("<Root>", field(d, "dns.resp.name"));
        assertEquals("41", field(d, "dns.resp.type"));
        assertEquals("1232", field(d, "dns.rr.udp_payload_size"));
        assertEquals("", field(d, "dns.resp.ttl"));
        assertEquals("Standard query 0x5baa A rsa.corpus.test OPT", d.infoText());
    }

    @Test
    void responseWithCompressionMatchesItsQuery() {
        frames.query(DnsMessages.query(0x5baa).question("rsa.corpus.test", DnsMessages.A).build());
        Dissection d = frames.response(DnsMessages.response(0x5baa).compress(true)
                .question("rsa.corpus.test", DnsMessages.A)
                .answer(Record.cname("rsa.corpus.test", 300, "www.corpus.test"))
                .answer(Record.a("www.corpus.test", 300, "127.0.0.20"))
                .authority(Record.of("corpus.test", DnsMessages.SOA, 60, Part.name("ns1.corpus.test"),
                        Part.name("admin.corpus.test"), Part.u32(7), Part.u32(3600), Part.u32(600), Part.u32(86400),
                        Part.u32(300)))
                .additional(Record.mx("corpus.test", 300, 10, "mail.corpus.test"))
                .additional(Record.txt("corpus.test", 300, "v=spf1 -all", "", "second"))
                .build());
        assertEquals("1", field(d, "dns.flags.response"));
        assertEquals("0", field(d, "dns.flags.rcode"));
        assertEquals("rsa.corpus.test,www.corpus.test,corpus.test,corpus.test,corpus.test",
                field(d, "dns.resp.name"));
        assertEquals("5,1,6,15,16", field(d, "dns.resp.type"));
        assertEquals("www.corpus.test", field(d, "dns.cname"));
        assertEquals("127.0.0.20", field(d, "dns.a"));
        assertEquals("ns1.corpus.test", field(d, "dns.soa.mname"));
        assertEquals("admin.corpus.test", field(d, "dns.soa.rname"));
        assertEquals("300", field(d, "dns.soa.mininum_ttl"));
        assertEquals("10", field(d, "dns.mx.preference"));
        assertEquals("mail.corpus.test", field(d, "dns.mx.mail_exchange"));
        assertEquals("v=spf1 -all,,second", field(d, "dns.txt"));
        assertEquals("1", field(d, "dns.response_to"));
        assertEquals("0.250000000", field(d, "dns.time"));
        assertEquals("Standard query response 0x5baa A rsa.corpus.test CNAME www.corpus.test A 127.0.0.20"
                + " SOA ns1.corpus.test MX 10 mail.corpus.test TXT", d.infoText());
        assertTrue(DnsFrames.diagnostics(d).isEmpty(), DnsFrames.diagnostics(d).toString());
    }

    @Test
    void noSuchNameAndSrvOwnerSplit() {
        Dissection d = frames.response(DnsMessages.response(7).flags(0x8183)
                .question("_sip._udp.corpus.test", DnsMessages.SRV)
                .answer(Record.of("_sip._udp.corpus.test", DnsMessages.SRV, 60, Part.u16(0), Part.u16(5),
                        Part.u16(5060), Part.name("sip.corpus.test")))
                .build());
        assertEquals("3", field(d, "dns.flags.rcode"));
        assertEquals("", field(d, "dns.resp.name"));
        assertEquals("_sip", field(d, "dns.srv.service"));
        assertEquals("_udp", field(d, "dns.srv.proto"));
        assertEquals("corpus.test", field(d, "dns.srv.name"));
        assertEquals("5060", field(d, "dns.srv.port"));
        assertEquals("sip.corpus.test", field(d, "dns.srv.target"));
        assertEquals("Standard query response 0x0007 No such name SRV _sip._udp.corpus.test SRV 0 5 5060"
                + " sip.corpus.test", d.infoText());
    }

    @Test
    void ednsOptionsAndDnssecTypes() {
        byte[] ecs = HexFormat.of().parseHex("0008000700011800c0a801");
        byte[] cookie = HexFormat.of().parseHex("000a00080102030405060708");
        Dissection d = frames.response(DnsMessages.response(1).question("corpus.test", 48)
                .answer(Record.of("corpus.test", 48, 60, Part.u16(0x0101), Part.bytes(new byte[] {3, 13, 1, 2})))
                .answer(Record.of("corpus.test", 43, 60, Part.u16(0x1234), Part.bytes(new byte[] {13, 2, 9, 9})))
                .answer(Record.of("corpus.test", 47, 60, Part.name("a.corpus.test"),
                        Part.bytes(new byte[] {0, 6, 0x40, 0x01, 0, 0, 0, 3})))
                .additional(Record.opt(4096, 0x8000, Part.bytes(ecs), Part.bytes(cookie)))
                .build());
        assertEquals("0x0101", field(d, "dns.dnskey.flags"));
        assertEquals("1", field(d, "dns.dnskey.flags.zone_key"));
        assertEquals("1", field(d, "dns.dnskey.flags.secure_entry_point"));
        assertEquals("0x1234", field(d, "dns.ds.key_id"));
        assertEquals("0909", field(d, "dns.ds.digest"));
        assertEquals("a.corpus.test", field(d, "dns.nsec.next_domain_name"));
        assertEquals("48,43,47,1,15,46,47,41", field(d, "dns.resp.type"));
        assertEquals("1", field(d, "dns.resp.z.do"));
        assertEquals("8,10", field(d, "dns.opt.code"));
        assertEquals("192.168.1.0", field(d, "dns.opt.client.addr4"));
        assertEquals("24", field(d, "dns.opt.client.netmask"));
        assertEquals("0102030405060708", field(d, "dns.opt.cookie.client"));
    }

    @Test
    void httpsRecordWithEverySvcParam() {
        byte[] params = HexFormat.of().parseHex(
                "0000000200010001000302683200030002 01bb 0004000400000001 00050002abcd 0006001000000000000000000000000000000001"
                        .replace(" ", ""));
        Dissection d = frames.response(DnsMessages.response(1).question("svc.test", 65)
                .answer(Record.of("svc.test", 65, 60, Part.u16(1), Part.name(""), Part.bytes(params))).build());
        assertEquals("1", field(d, "dns.svcb.priority"));
        assertEquals("<Root>", field(d, "dns.svcb.target"));
        assertEquals("0,1,3,4,5,6", field(d, "dns.svcb.svcparam.key"));
        assertEquals("1", field(d, "dns.svcb.svcparam.mandatory.key"));
        assertEquals("h2", field(d, "dns.svcb.svcparam.alpn"));
        assertEquals("443", field(d, "dns.svcb.svcparam.port"));
        assertEquals("0.0.0.1", field(d, "dns.svcb.svcparam.ipv4hint.ip"));
        assertEquals("abcd", field(d, "dns.svcb.svcparam.ech"));
        assertEquals("::1", field(d, "dns.svcb.svcparam.ipv6hint.ip"));
    }

    @Test
    void mdnsAndLlmnrAreRecognisedByPort() {
        byte[] mdns = DnsMessages.query(0).flags(0).question("printer.local", 12, 0x8001).build();
        Dissection d = frames.dissect(1, 0, 0, DnsFrames.udp(DnsFrames.CLIENT, DnsFrames.SERVER, 5353, 5353, mdns));
        assertEquals("eth:ethertype:ip:udp:mdns", d.protocolsText().toString());
        assertEquals("MDNS", d.protocolColumn());
        assertEquals("0x0001", field(d, "dns.qry.class"));
        assertEquals("1", field(d, "dns.qry.qu"));
        assertEquals("Standard query 0x0000 PTR printer.local, \"QU\" question", d.infoText());

        byte[] llmnr = DnsMessages.query(9).flags(0).question("host", 1).build();
        d = frames.dissect(1, 0, 0, DnsFrames.udp(DnsFrames.CLIENT, DnsFrames.SERVER, 50000, 5355, llmnr));
        assertEquals("eth:ethertype:ip:udp:llmnr", d.protocolsText().toString());
        assertEquals("LLMNR", d.protocolColumn());
        assertEquals("0", field(d, "dns.flags.tentative"));
        assertEquals("", field(d, "dns.flags.recdesired"));
    }

    @Test
    void oddLabelBytesPrintAsTsharkDoes() {
        byte[] msg = DnsMessages.query(1).question("x", DnsMessages.A).build();
        byte[] label = {7, 'a', '.', 'b', ' ', 'c', 0, (byte) 0xff};
        byte[] name = new byte[label.length + 1];
        System.arraycopy(label, 0, name, 0, label.length);
        byte[] out = new byte[12 + name.length + 4];
        System.arraycopy(msg, 0, out, 0, 12);
        System.arraycopy(name, 0, out, 12, name.length);
        out[out.length - 3] = 1;
        out[out.length - 1] = 1;
        Dissection d = frames.query(out);
        assertEquals("a.b c\\000\uFFFD", field(d, "dns.qry.name"));
        assertEquals("2", field(d, "dns.count.labels"));
    }
}
