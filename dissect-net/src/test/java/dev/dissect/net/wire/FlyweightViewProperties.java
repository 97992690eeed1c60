package dev.dissect.net.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dissect.net.wire.kaitai.Dns;
import dev.dissect.net.wire.kaitai.Ethernet;
import dev.dissect.net.wire.kaitai.IpAuthHeader;
import dev.dissect.net.wire.kaitai.Ipv4;
import dev.dissect.net.wire.kaitai.Ipv6;
import dev.dissect.net.wire.kaitai.Ipv6ExtHeader;
import dev.dissect.net.wire.kaitai.Ipv6Fragment;
import dev.dissect.net.wire.kaitai.LinuxSll;
import dev.dissect.net.wire.kaitai.LinuxSll2;
import dev.dissect.net.wire.kaitai.Llc;
import dev.dissect.net.wire.kaitai.NullLoopback;
import dev.dissect.net.wire.kaitai.Pcap;
import dev.dissect.net.wire.kaitai.Pcapng;
import dev.dissect.net.wire.kaitai.Tcp;
import dev.dissect.net.wire.kaitai.TlsHandshake;
import dev.dissect.net.wire.kaitai.TlsRecord;
import dev.dissect.net.wire.kaitai.Udp;
import dev.dissect.net.wire.kaitai.CiscoFabricPath;
import dev.dissect.net.wire.kaitai.Vlan;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Every generated flyweight agrees with the Kaitai reference parser generated from the same grammar: on every
 * field, on the number of bytes consumed, or both reject the input.
 */
class FlyweightViewProperties {

    static final List<KaitaiReference> VIEWS = List.of(
            new KaitaiReference(EthernetView.class, Ethernet.class),
            new KaitaiReference(LlcView.class, Llc.class),
            new KaitaiReference(LlcSnapView.class, Llc.LlcSnap.class),
            new KaitaiReference(VlanView.class, Vlan.class),
            new KaitaiReference(CiscoFabricPathView.class, CiscoFabricPath.class),
            new KaitaiReference(LinuxSllView.class, LinuxSll.class),
            new KaitaiReference(LinuxSll2View.class, LinuxSll2.class),
            new KaitaiReference(NullLoopbackView.class, NullLoopback.class),
            new KaitaiReference(Ipv4View.class, Ipv4.class),
            new KaitaiReference(Ipv4OptionView.class, Ipv4.Ipv4Option.class),
            new KaitaiReference(Ipv6View.class, Ipv6.class),
            new KaitaiReference(Ipv6ExtHeaderView.class, Ipv6ExtHeader.class),
            new KaitaiReference(Ipv6FragmentView.class, Ipv6Fragment.class),
            new KaitaiReference(IpAuthHeaderView.class, IpAuthHeader.class),
            new KaitaiReference(TcpView.class, Tcp.class),
            new KaitaiReference(TcpOptionView.class, Tcp.TcpOption.class),
            new KaitaiReference(TcpOptionMssView.class, Tcp.TcpOptionMss.class),
            new KaitaiReference(TcpOptionWscaleView.class, Tcp.TcpOptionWscale.class),
            new KaitaiReference(TcpOptionTimestampView.class, Tcp.TcpOptionTimestamp.class),
            new KaitaiReference(TcpOptionSackBlockView.class, Tcp.TcpOptionSackBlock.class),
            new KaitaiReference(UdpView.class, Udp.class),
            new KaitaiReference(DnsView.class, Dns.class),
            new KaitaiReference(DnsQuestionTailView.class, Dns.DnsQuestionTail.class),
            new KaitaiReference(DnsRrFixedView.class, Dns.DnsRrFixed.class),
            new KaitaiReference(DnsCharacterStringView.class, Dns.DnsCharacterString.class),
            new KaitaiReference(DnsRdataSoaTailView.class, Dns.DnsRdataSoaTail.class),
            new KaitaiReference(DnsRdataMxHeadView.class, Dns.DnsRdataMxHead.class),
            new KaitaiReference(DnsRdataSrvHeadView.class, Dns.DnsRdataSrvHead.class),
            new KaitaiReference(DnsRdataNaptrHeadView.class, Dns.DnsRdataNaptrHead.class),
            new KaitaiReference(DnsRdataCaaView.class, Dns.DnsRdataCaa.class),
            new KaitaiReference(DnsOptOptionView.class, Dns.DnsOptOption.class),
            new KaitaiReference(DnsOptClientSubnetView.class, Dns.DnsOptClientSubnet.class),
            new KaitaiReference(DnsSvcParamView.class, Dns.DnsSvcParam.class),
            new KaitaiReference(DnsRdataDsView.class, Dns.DnsRdataDs.class),
            new KaitaiReference(DnsRdataDnskeyView.class, Dns.DnsRdataDnskey.class),
            new KaitaiReference(DnsRdataRrsigHeadView.class, Dns.DnsRdataRrsigHead.class),
            new KaitaiReference(DnsRdataNsec3HeadView.class, Dns.DnsRdataNsec3Head.class),
            new KaitaiReference(DnsTypeBitmapWindowView.class, Dns.DnsTypeBitmapWindow.class),
            new KaitaiReference(DnsRdataTlsaView.class, Dns.DnsRdataTlsa.class),
            new KaitaiReference(DnsRdataSshfpView.class, Dns.DnsRdataSshfp.class),
            new KaitaiReference(PcapView.class, Pcap.class),
            new KaitaiReference(PcapRecordView.class, Pcap.PcapRecord.class),
            new KaitaiReference(PcapngView.class, Pcapng.class),
            new KaitaiReference(PcapngShbView.class, Pcapng.PcapngShb.class),
            new KaitaiReference(PcapngIdbView.class, Pcapng.PcapngIdb.class),
            new KaitaiReference(PcapngEpbView.class, Pcapng.PcapngEpb.class),
            new KaitaiReference(PcapngSpbView.class, Pcapng.PcapngSpb.class),
            new KaitaiReference(PcapngPbView.class, Pcapng.PcapngPb.class),
            new KaitaiReference(PcapngNrbRecordView.class, Pcapng.PcapngNrbRecord.class),
            new KaitaiReference(PcapngIsbView.class, Pcapng.PcapngIsb.class),
            new KaitaiReference(PcapngDsbView.class, Pcapng.PcapngDsb.class),
            new KaitaiReference(PcapngCustomView.class, Pcapng.PcapngCustom.class),
            new KaitaiReference(PcapngOptionView.class, Pcapng.PcapngOption.class),
            new KaitaiReference(TlsRecordView.class, TlsRecord.class),
            new KaitaiReference(TlsAlertView.class, TlsRecord.TlsAlert.class),
            new KaitaiReference(TlsSslv2ClientHelloView.class, TlsRecord.TlsSslv2ClientHello.class),
            new KaitaiReference(TlsHandshakeView.class, TlsHandshake.class),
            new KaitaiReference(TlsCertificate12View.class, TlsHandshake.TlsCertificate12.class),
            new KaitaiReference(TlsCertificate13View.class, TlsHandshake.TlsCertificate13.class),
            new KaitaiReference(TlsCertificateEntry12View.class, TlsHandshake.TlsCertificateEntry12.class),
            new KaitaiReference(TlsCertificateEntry13View.class, TlsHandshake.TlsCertificateEntry13.class),
            new KaitaiReference(TlsCertificateRequest12View.class, TlsHandshake.TlsCertificateRequest12.class),
            new KaitaiReference(TlsCertificateRequest13View.class, TlsHandshake.TlsCertificateRequest13.class),
            new KaitaiReference(TlsCertificateStatusView.class, TlsHandshake.TlsCertificateStatus.class),
            new KaitaiReference(TlsClientHelloView.class, TlsHandshake.TlsClientHello.class),
            new KaitaiReference(TlsDheParamsView.class, TlsHandshake.TlsDheParams.class),
            new KaitaiReference(TlsDigitallySignedView.class, TlsHandshake.TlsDigitallySigned.class),
            new KaitaiReference(TlsEcdheParamsView.class, TlsHandshake.TlsEcdheParams.class),
            new KaitaiReference(TlsExtensionView.class, TlsHandshake.TlsExtension.class),
            new KaitaiReference(TlsExtensionsView.class, TlsHandshake.TlsExtensions.class),
            new KaitaiReference(TlsKeyShareEntryView.class, TlsHandshake.TlsKeyShareEntry.class),
            new KaitaiReference(TlsKeyUpdateView.class, TlsHandshake.TlsKeyUpdate.class),
            new KaitaiReference(TlsNewSessionTicket12View.class, TlsHandshake.TlsNewSessionTicket12.class),
            new KaitaiReference(TlsNewSessionTicket13View.class, TlsHandshake.TlsNewSessionTicket13.class),
            new KaitaiReference(TlsOpaque16View.class, TlsHandshake.TlsOpaque16.class),
            new KaitaiReference(TlsOpaque8View.class, TlsHandshake.TlsOpaque8.class),
            new KaitaiReference(TlsPskIdentityView.class, TlsHandshake.TlsPskIdentity.class),
            new KaitaiReference(TlsServerHelloView.class, TlsHandshake.TlsServerHello.class),
            new KaitaiReference(TlsServerNameView.class, TlsHandshake.TlsServerName.class),
            new KaitaiReference(TlsU16ListView.class, TlsHandshake.TlsU16List.class),
            new KaitaiReference(TlsU8ListView.class, TlsHandshake.TlsU8List.class));

    /**
     * The "tiny builder": sets the length fields of variable-size formats to small values, so that most inputs
     * are valid headers and the comparison reaches the fields after them. {@code (bytes, small value, big-endian)}.
     */
    private static final Map<Class<?>, Builder> BUILDERS = Map.ofEntries(
            Map.entry(Ipv4View.class, (b, n, be) -> b[0] = (byte) (0x45 + n % 4)),
            Map.entry(Ipv4OptionView.class, (b, n, be) -> b[1] = (byte) (2 + n % 6)),
            Map.entry(TcpView.class, (b, n, be) -> b[12] = (byte) ((5 + n % 4) << 4 | b[12] & 0x0f)),
            Map.entry(TcpOptionView.class, (b, n, be) -> b[1] = (byte) (2 + n % 6)),
            Map.entry(Ipv6ExtHeaderView.class, (b, n, be) -> b[1] = (byte) (n % 3)),
            Map.entry(IpAuthHeaderView.class, (b, n, be) -> b[1] = (byte) (1 + n % 4)),
            Map.entry(DnsRrFixedView.class, (b, n, be) -> put(b, 8, 2, n % 9, be)),
            Map.entry(DnsCharacterStringView.class, (b, n, be) -> b[0] = (byte) (n % 9)),
            Map.entry(DnsRdataCaaView.class, (b, n, be) -> b[1] = (byte) (n % 9)),
            Map.entry(DnsOptOptionView.class, (b, n, be) -> put(b, 2, 2, n % 9, be)),
            Map.entry(DnsSvcParamView.class, (b, n, be) -> put(b, 2, 2, n % 9, be)),
            Map.entry(DnsRdataNsec3HeadView.class, (b, n, be) -> b[4] = (byte) (n % 9)),
            Map.entry(DnsTypeBitmapWindowView.class, (b, n, be) -> b[1] = (byte) (n % 9)),
            Map.entry(PcapngView.class, (b, n, be) -> put(b, 4, 4, 12 + 4L * (n % 6), be)),
            Map.entry(PcapngEpbView.class, (b, n, be) -> put(b, 12, 4, n % 9, be)),
            Map.entry(PcapngPbView.class, (b, n, be) -> put(b, 12, 4, n % 9, be)),
            Map.entry(PcapngDsbView.class, (b, n, be) -> put(b, 4, 4, n % 9, be)),
            Map.entry(PcapngNrbRecordView.class, (b, n, be) -> put(b, 2, 2, n % 9, be)),
            Map.entry(PcapngOptionView.class, (b, n, be) -> put(b, 2, 2, n % 9, be)),
            Map.entry(TlsRecordView.class, (b, n, be) -> put(b, 3, 2, n % 9, true)),
            Map.entry(TlsHandshakeView.class, (b, n, be) -> put(b, 1, 3, n % 9, true)),
            Map.entry(TlsClientHelloView.class, (b, n, be) -> {
                put(b, 34, 1, 0, true);
                put(b, 35, 2, 2 * (n % 3), true);
            }),
            Map.entry(TlsServerHelloView.class, (b, n, be) -> put(b, 34, 1, n % 3, true)),
            Map.entry(TlsExtensionView.class, (b, n, be) -> put(b, 2, 2, n % 9, true)),
            Map.entry(TlsExtensionsView.class, (b, n, be) -> put(b, 0, 2, n % 9, true)),
            Map.entry(TlsCertificateEntry12View.class, (b, n, be) -> put(b, 0, 3, n % 9, true)),
            Map.entry(TlsCertificate12View.class, (b, n, be) -> put(b, 0, 3, n % 9, true)),
            Map.entry(TlsKeyShareEntryView.class, (b, n, be) -> put(b, 2, 2, n % 9, true)),
            Map.entry(TlsU16ListView.class, (b, n, be) -> put(b, 0, 2, n % 9, true)),
            Map.entry(TlsDigitallySignedView.class, (b, n, be) -> put(b, 2, 2, n % 9, true)));

    interface Builder {
        void build(byte[] bytes, int small, boolean bigEndian);
    }

    record Case(KaitaiReference view, byte[] bytes, boolean bigEndian) {
        @Override
        public String toString() {
            return view + " " + KaitaiReference.hex(bytes) + (bigEndian ? " BE" : " LE");
        }
    }

    @Property(tries = 3000)
    void arbitraryBytesAgreeOrBothReject(@ForAll("arbitraryInputs") Case c) throws Exception {
        c.view().assertAgree(c.bytes(), c.bigEndian());
    }

    @Property(tries = 3000)
    void builtHeadersAgree(@ForAll("builtInputs") Case c) throws Exception {
        c.view().assertAgree(c.bytes(), c.bigEndian());
    }

    @Provide
    Arbitrary<Case> arbitraryInputs() {
        return Combinators.combine(Arbitraries.of(VIEWS), Arbitraries.bytes().array(byte[].class).ofMaxSize(72),
                Arbitraries.of(true, false)).as(Case::new);
    }

    @Provide
    Arbitrary<Case> builtInputs() {
        return Combinators.combine(Arbitraries.of(VIEWS), Arbitraries.integers().between(0, 40),
                Arbitraries.bytes().array(byte[].class).ofSize(128), Arbitraries.integers().between(0, 255),
                Arbitraries.of(true, false)).as((view, extra, noise, small, be) -> {
                    byte[] bytes = new byte[Math.max(minLength(view), 2) + extra];
                    System.arraycopy(noise, 0, bytes, 0, bytes.length);
                    Builder builder = BUILDERS.get(view.view());
                    if (builder != null) {
                        builder.build(bytes, small, be);
                    }
                    return new Case(view, bytes, be);
                });
    }

    @Test
    void everyGeneratedViewIsCompared() throws IOException, URISyntaxException {
        Path classes = Path.of(EthernetView.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/dissect/net/wire");
        TreeSet<String> generated;
        try (Stream<Path> files = Files.list(classes)) {
            generated = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith("View.class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        TreeSet<String> compared = VIEWS.stream().map(v -> v.view().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(generated, compared);
    }

    private static int minLength(KaitaiReference view) {
        try {
            return view.view().getField("MIN_LENGTH").getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void put(byte[] b, int at, int width, long value, boolean bigEndian) {
        if (at + width > b.length) {
            return;
        }
        for (int i = 0; i < width; i++) {
            int shift = 8 * (bigEndian ? width - 1 - i : i);
            b[at + i] = (byte) (value >>> shift);
        }
    }

}
