package dev.dissect.tls.ladder;

import dev.dissect.api.flow.FlowKey;
import dev.dissect.tls.cert.CertificateParseException;
import dev.dissect.tls.cert.ChainVerdict;
import dev.dissect.tls.cert.CheckKind;
import dev.dissect.tls.cert.Outcome;
import dev.dissect.tls.cert.ParsedCertificate;
import dev.dissect.tls.connection.HandshakeEvent;
import dev.dissect.tls.connection.TlsAlert;
import dev.dissect.tls.connection.TlsConnection;
import dev.dissect.tls.decrypt.CipherSuite;
import dev.dissect.tls.decrypt.CipherSuites;
import dev.dissect.tls.decrypt.KeyExchange;
import dev.dissect.tls.record.AlertDescriptions;
import dev.dissect.tls.record.TlsVersions;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Turns what {@link LadderBuilder} kept of one connection, and its {@link TlsConnection}, into a {@link Ladder}. */
final class LadderAssembly {
    private static final int SUITES_SHOWN = 3;

    private final long stream;
    private final List<FrameFacts> entries;
    private final boolean dropped;
    private final TlsConnection tls;
    private final List<FrameFacts> dns;
    private final LadderFacts facts;

    private byte[] clientAddress;
    private int clientPort;
    private long startNanos;
    private final boolean[] changedCipherSpec = new boolean[2];
    private final int[] finishedSeen = new int[2];
    private boolean applicationDataSeen;
    private int[] keyShareGroups = new int[0];

    /** One part of an arrow before parts are joined. */
    private record Item(String label, Phase phase, List<Annotation> annotations) {
    }

    LadderAssembly(long stream, List<FrameFacts> entries, boolean dropped, TlsConnection tls, List<FrameFacts> dns,
                   LadderFacts facts) {
        this.stream = stream;
        this.entries = entries;
        this.dropped = dropped;
        this.tls = tls;
        this.dns = dns;
        this.facts = facts;
    }

    Ladder ladder() {
        FrameFacts first = entries.get(0);
        FlowKey flow = tls == null ? null : tls.flow();
        byte[] serverAddress;
        int serverPort;
        if (flow != null) {
            clientAddress = flow.clientAddress();
            clientPort = flow.clientPort();
            serverAddress = flow.serverAddress();
            serverPort = flow.serverPort();
        } else {
            boolean synAck = (first.flags & (FrameFacts.SYN | FrameFacts.ACK)) == (FrameFacts.SYN | FrameFacts.ACK);
            clientAddress = synAck ? first.dst : first.src;
            clientPort = synAck ? first.dstPort : first.srcPort;
            serverAddress = synAck ? first.src : first.dst;
            serverPort = synAck ? first.srcPort : first.dstPort;
        }
        List<FrameFacts> lookup = LadderBuilder.lookup(dns, clientAddress, serverAddress, first);
        String serverName = tls != null && tls.serverName() != null ? tls.serverName()
                : lookup.isEmpty() ? null : lookup.get(lookup.size() - 1).queryName;
        List<Participant> participants = new ArrayList<>(3);
        if (!lookup.isEmpty()) {
            FrameFacts answer = lookup.get(lookup.size() - 1);
            participants.add(new Participant(Role.DNS_SERVER, LadderBuilder.address(answer.src), answer.srcPort, null));
        }
        participants.add(new Participant(Role.CLIENT, LadderBuilder.address(clientAddress), clientPort, null));
        participants.add(new Participant(Role.SERVER, LadderBuilder.address(serverAddress), serverPort, serverName));
        startNanos = LadderBuilder.nanosOf(lookup.isEmpty() ? first : lookup.get(0));

        List<LadderMessage> messages = new ArrayList<>();
        for (FrameFacts m : lookup) {
            messages.add(dnsMessage(m));
        }
        for (FrameFacts e : entries) {
            tcpMessages(e, messages);
        }
        String title = "tcp.stream " + stream + ": " + participants.get(participants.size() - 2).endpoint() + " -> "
                + participants.get(participants.size() - 1).endpoint() + (serverName == null ? "" : " (" + serverName + ")")
                + (dropped ? " (arrows after " + LadderBuilder.MAX_ENTRIES + " left out)" : "");
        return new Ladder(stream, title, participants, messages);
    }

    // ---------------------------------------------------------------- DNS

    private LadderMessage dnsMessage(FrameFacts m) {
        List<Annotation> a = new ArrayList<>();
        String label;
        String type = dnsType(m.queryType);
        if (!m.response) {
            label = "Query " + type + " " + m.queryName;
            a.add(new Annotation(Annotation.Kind.DNS, String.format("id 0x%04x", m.dnsId)));
            return message(m, Role.CLIENT, Role.DNS_SERVER, Phase.DNS, label, a);
        }
        if (m.rcode != 0) {
            label = "Response " + rcode(m.rcode);
        } else if (m.answers.isEmpty()) {
            label = "Response " + type + ": no address";
        } else {
            label = "Response " + type + " " + m.answers.get(0)
                    + (m.answers.size() > 1 ? " (+" + (m.answers.size() - 1) + ")" : "");
        }
        a.add(new Annotation(Annotation.Kind.DNS, m.queryName));
        a.add(new Annotation(Annotation.Kind.DNS, String.format("id 0x%04x", m.dnsId)));
        return message(m, Role.DNS_SERVER, Role.CLIENT, Phase.DNS, label, a);
    }

    private static String dnsType(int t) {
        return switch (t) {
            case 1 -> "A";
            case 28 -> "AAAA";
            case 5 -> "CNAME";
            case 64 -> "SVCB";
            case 65 -> "HTTPS";
            default -> "type " + t;
        };
    }

    private static String rcode(int r) {
        return switch (r) {
            case 1 -> "FORMERR";
            case 2 -> "SERVFAIL";
            case 3 -> "NXDOMAIN";
            case 4 -> "NOTIMP";
            case 5 -> "REFUSED";
            default -> "rcode " + r;
        };
    }

    // ---------------------------------------------------------------- TCP and TLS

    private void tcpMessages(FrameFacts e, List<LadderMessage> out) {
        boolean fromClient = e.srcPort == clientPort && java.util.Arrays.equals(e.src, clientAddress);
        Role from = fromClient ? Role.CLIENT : Role.SERVER;
        Role to = fromClient ? Role.SERVER : Role.CLIENT;
        if (e.control() || e.bareAck()) {
            Phase phase = (e.flags & (FrameFacts.FIN | FrameFacts.RST)) != 0 ? Phase.TEARDOWN : Phase.TCP_HANDSHAKE;
            out.add(message(e, from, to, phase, flags(e.flags), tcpAnnotations(e)));
            return;
        }
        if (!fromClient && e.has(e.handshakeTypes, 2)) {
            keyShareGroups = e.keyShareGroups;
        }
        List<Item> items = tlsItems(e, fromClient);
        if (items.isEmpty()) {
            List<Annotation> a = tcpAnnotations(e);
            out.add(message(e, from, to, Phase.APPLICATION_DATA, "TCP payload", a));
            return;
        }
        // Consecutive items of one phase share an arrow; a new phase starts a new arrow for the same frame.
        int i = 0;
        boolean firstArrow = true;
        while (i < items.size()) {
            Phase phase = items.get(i).phase();
            StringJoiner label = new StringJoiner(", ");
            List<Annotation> a = new ArrayList<>();
            if (firstArrow) {
                a.addAll(tcpAnnotations(e));
            }
            for (; i < items.size() && items.get(i).phase() == phase; i++) {
                label.add(items.get(i).label());
                a.addAll(items.get(i).annotations());
            }
            out.add(message(e, from, to, phase, label.toString(), a));
            firstArrow = false;
        }
    }

    private List<Item> tlsItems(FrameFacts e, boolean fromClient) {
        List<Item> items = new ArrayList<>();
        int side = fromClient ? 0 : 1;
        boolean decryptedHandshake = false;
        if (tls != null) {
            for (HandshakeEvent ev : tls.timeline()) {
                if (ev.frame() < e.firstFrame || ev.frame() > e.lastFrame || ev.fromServer() == fromClient) {
                    continue;
                }
                Item item = item(ev, e, side);
                decryptedHandshake |= isTls13() && !item.label().endsWith("Hello") && item.phase() == Phase.TLS_HANDSHAKE
                        && !item.label().equals("ChangeCipherSpec") && !item.label().equals("HelloRetryRequest");
                items.add(item);
            }
        }
        if (e.inferredHandshakeRecords > 0 && !decryptedHandshake) {
            List<Annotation> a = new ArrayList<>();
            if (fromClient) {
                a.add(note("encrypted; type inferred (first encrypted record)"));
                finished(a, false);
                items.add(new Item("Finished", Phase.TLS_HANDSHAKE, a));
            } else {
                a.add(note("encrypted: " + e.inferredHandshakeRecords + " record" + plural(e.inferredHandshakeRecords)
                        + "; types inferred"));
                finished(a, true);
                items.add(new Item(tls != null && tls.resumed() ? "EncryptedExtensions ... Finished"
                        : "EncryptedExtensions, Certificate, CertificateVerify, Finished", Phase.TLS_HANDSHAKE, a));
            }
            finishedSeen[side]++;
        }
        if (e.applicationRecords > 0) {
            applicationDataSeen = true;
            List<Annotation> a = new ArrayList<>();
            a.add(new Annotation(Annotation.Kind.DATA, e.applicationRecords + " encrypted record"
                    + plural(e.applicationRecords)));
            items.add(new Item("Application Data", Phase.APPLICATION_DATA, a));
        }
        return items;
    }

    private Item item(HandshakeEvent ev, FrameFacts e, int side) {
        String message = ev.message();
        List<Annotation> a = new ArrayList<>();
        if (message.startsWith("Alert") || message.equals("Encrypted Alert")) {
            for (TlsAlert alert : tls.alerts()) {
                if (alert.frame() == ev.frame() && alert.fromServer() == ev.fromServer()) {
                    a.add(new Annotation(Annotation.Kind.ALERT, alert.encrypted() ? "encrypted"
                            : AlertDescriptions.level(alert.level()) + ": "
                            + AlertDescriptions.description(alert.description())));
                    break;
                }
            }
            boolean after = applicationDataSeen || finishedSeen[0] > 0 && finishedSeen[1] > 0;
            return new Item("Alert", after ? Phase.TEARDOWN : Phase.TLS_HANDSHAKE, a);
        }
        if (message.equals("Change Cipher Spec")) {
            changedCipherSpec[side] = true;
            if (isTls13()) {
                a.add(note("compatibility only (RFC 8446 D.4)"));
            }
            return new Item("ChangeCipherSpec", Phase.TLS_HANDSHAKE, a);
        }
        if (message.equals("Encrypted Handshake Message")) {
            if (!isTls13() && changedCipherSpec[side] && finishedSeen[side] == 0) {
                finishedSeen[side]++;
                a.add(note("encrypted"));
                finished(a, side == 1);
                return new Item("Finished", Phase.TLS_HANDSHAKE, a);
            }
            a.add(note("encrypted"));
            return new Item("Encrypted handshake message", Phase.TLS_HANDSHAKE, a);
        }
        String label = message.replace(" ", "");
        switch (label) {
            case "ClientHello" -> clientHello(e, a);
            case "ServerHello", "HelloRetryRequest" -> serverHello(a);
            case "Certificate" -> {
                if (side == 1) {
                    certificate(e, a);
                }
            }
            case "ClientKeyExchange" -> {
                String kx = clientKeyExchange();
                if (kx != null) {
                    a.add(new Annotation(Annotation.Kind.KEY_EXCHANGE, kx));
                }
            }
            case "Finished" -> {
                finishedSeen[side]++;
                finished(a, side == 1);
            }
            default -> {
            }
        }
        return new Item(label, Phase.TLS_HANDSHAKE, a);
    }

    private void clientHello(FrameFacts e, List<Annotation> a) {
        List<String> versions = new ArrayList<>();
        for (int v : e.supportedVersions) {
            if (!grease(v)) {
                versions.add(TlsVersions.displayName(v));
            }
        }
        if (!versions.isEmpty()) {
            a.add(new Annotation(Annotation.Kind.TLS_VERSION, "offers " + String.join(", ", versions)));
        } else if (tls.clientVersion() >= 0) {
            a.add(new Annotation(Annotation.Kind.TLS_VERSION, "offers " + TlsVersions.displayName(tls.clientVersion())));
        }
        if (tls.serverName() != null) {
            a.add(new Annotation(Annotation.Kind.SNI, "SNI " + tls.serverName()));
        }
        List<String> suites = new ArrayList<>();
        for (int s : e.suites) {
            if (!grease(s) && s != 0x00ff) {
                CipherSuite known = CipherSuites.find(s);
                suites.add(known == null ? String.format("0x%04x", s) : known.name());
            }
        }
        if (!suites.isEmpty()) {
            a.add(new Annotation(Annotation.Kind.SUITES_OFFERED, suites.size() + " suite" + plural(suites.size()) + ": "
                    + String.join(", ", suites.subList(0, Math.min(SUITES_SHOWN, suites.size())))
                    + (suites.size() > SUITES_SHOWN ? ", ..." : "")));
        }
        List<String> groups = new ArrayList<>();
        for (int g : e.keyShareGroups) {
            if (!grease(g)) {
                groups.add(groupName(g));
            }
        }
        if (!groups.isEmpty()) {
            a.add(new Annotation(Annotation.Kind.KEY_EXCHANGE, "key share " + String.join(", ", groups)));
        }
        if (!tls.alpnOffered().isEmpty()) {
            a.add(new Annotation(Annotation.Kind.ALPN, "ALPN " + String.join(", ", tls.alpnOffered())));
        }
    }

    private void serverHello(List<Annotation> a) {
        if (tls.version() >= 0) {
            a.add(new Annotation(Annotation.Kind.TLS_VERSION, TlsVersions.displayName(tls.version())));
        }
        if (tls.cipherSuite() >= 0) {
            a.add(new Annotation(Annotation.Kind.SUITE_CHOSEN, suiteName(tls.cipherSuite())));
        }
        String kx = keyExchange();
        if (kx != null) {
            a.add(new Annotation(Annotation.Kind.KEY_EXCHANGE, kx));
        }
        if (tls.alpnChosen() != null) {
            a.add(new Annotation(Annotation.Kind.ALPN, "ALPN " + tls.alpnChosen()));
        }
        if (tls.helloRetryRequest()) {
            a.add(note("after HelloRetryRequest"));
        }
        if (tls.resumption() != null) {
            a.add(note("resumed (" + tls.resumption() + ")"));
        }
    }

    private void certificate(FrameFacts e, List<Annotation> a) {
        List<byte[]> certificates = tls.certificates();
        if (!certificates.isEmpty()) {
            try {
                ParsedCertificate leaf = ParsedCertificate.parse(certificates.get(0));
                a.add(new Annotation(Annotation.Kind.CERTIFICATE, leaf.subject()
                        + (certificates.size() > 1 ? " (+" + (certificates.size() - 1) + " in chain)" : "")));
            } catch (CertificateParseException ex) {
                a.add(new Annotation(Annotation.Kind.CERTIFICATE, "unparsable certificate"));
            }
        }
        ChainVerdict verdict = facts.chainVerdict(tls);
        if (verdict != null) {
            StringJoiner why = new StringJoiner(", ", " (", ")").setEmptyValue("");
            for (CheckKind k : CheckKind.values()) {
                Outcome o = verdict.outcome(k);
                if (o != Outcome.PASS && o != Outcome.SKIPPED) {
                    why.add(k.fieldSuffix() + " " + o.text());
                }
            }
            a.add(new Annotation(Annotation.Kind.VALIDATION, "chain " + verdict.verdict().text() + why));
        } else if (e.verdict != null) {
            a.add(new Annotation(Annotation.Kind.VALIDATION, "chain " + e.verdict));
        }
    }

    private void finished(List<Annotation> a, boolean fromServer) {
        Boolean verified = tls == null ? null : facts.finishedVerified(tls, fromServer);
        if (verified != null) {
            a.add(new Annotation(Annotation.Kind.FINISHED, verified ? "verify_data verified" : "verify_data MISMATCH"));
        }
    }

    private String keyExchange() {
        if (isTls13()) {
            String group = keyShareGroups.length == 0 ? null : groupName(keyShareGroups[0]);
            String psk = tls.pskAccepted() ? "PSK" : null;
            if (group == null) {
                return psk;
            }
            String kind = (keyShareGroups[0] >= 256 && keyShareGroups[0] <= 260 ? "DHE " : "ECDHE ") + group;
            return psk == null ? kind : psk + " + " + kind;
        }
        CipherSuite suite = CipherSuites.find(tls.cipherSuite());
        if (suite == null) {
            return null;
        }
        KeyExchange kx = suite.keyExchange();
        return switch (kx) {
            case RSA -> "RSA key transport";
            case ECDHE_RSA -> "ECDHE, RSA signature";
            case ECDHE_ECDSA -> "ECDHE, ECDSA signature";
            case DHE_RSA -> "DHE, RSA signature";
            case DHE_DSS -> "DHE, DSS signature";
            default -> kx.name().replace('_', ' ');
        };
    }

    private String clientKeyExchange() {
        if (tls == null) {
            return null;
        }
        CipherSuite suite = CipherSuites.find(tls.cipherSuite());
        if (suite == null) {
            return null;
        }
        return switch (suite.keyExchange()) {
            case RSA -> "pre-master secret encrypted to the server's RSA key";
            case ECDHE_RSA, ECDHE_ECDSA, ECDHE_PSK -> "client's ECDHE public key";
            case DHE_RSA, DHE_DSS, DHE_PSK -> "client's DH public value";
            default -> null;
        };
    }

    private boolean isTls13() {
        return tls != null && TlsVersions.isTls13(tls.version());
    }

    // ---------------------------------------------------------------- small pieces

    private List<Annotation> tcpAnnotations(FrameFacts e) {
        List<Annotation> a = new ArrayList<>(4);
        if (e.hasSeq) {
            a.add(new Annotation(Annotation.Kind.TCP_SEQ, "Seq=" + e.seq));
        }
        if ((e.flags & FrameFacts.ACK) != 0) {
            a.add(new Annotation(Annotation.Kind.TCP_ACK, "Ack=" + e.ack));
        }
        if (e.len > 0) {
            a.add(new Annotation(Annotation.Kind.TCP_LEN, "Len=" + e.len));
        }
        if (e.firstFrame != e.lastFrame) {
            a.add(new Annotation(Annotation.Kind.FRAMES, e.runFrames + " frames: " + e.firstFrame + "-" + e.lastFrame));
        }
        return a;
    }

    private LadderMessage message(FrameFacts f, Role from, Role to, Phase phase, String label, List<Annotation> a) {
        return new LadderMessage(f.frame, f.firstFrame, f.lastFrame, LadderBuilder.nanosOf(f) - startNanos, from, to, phase,
                label, a);
    }

    /** Wireshark's order and names: {@code SYN, ACK}; {@code FIN, PSH, ACK}. */
    static String flags(int flags) {
        String[] names = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
        StringJoiner j = new StringJoiner(", ");
        for (int bit = 0; bit < names.length; bit++) {
            if ((flags & 1 << bit) != 0) {
                j.add(names[bit]);
            }
        }
        return j.length() == 0 ? "<none>" : j.toString();
    }

    private static Annotation note(String text) {
        return new Annotation(Annotation.Kind.NOTE, text);
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }

    private static boolean grease(int v) {
        return (v & 0x0f0f) == 0x0a0a && (v >> 8) == (v & 0xff);
    }

    private static String suiteName(int id) {
        CipherSuite s = CipherSuites.find(id);
        return s == null ? String.format("0x%04x", id) : s.name() + String.format(" (0x%04x)", id);
    }

    private static String groupName(int g) {
        return switch (g) {
            case 23 -> "secp256r1";
            case 24 -> "secp384r1";
            case 25 -> "secp521r1";
            case 29 -> "x25519";
            case 30 -> "x448";
            case 256 -> "ffdhe2048";
            case 257 -> "ffdhe3072";
            case 258 -> "ffdhe4096";
            case 259 -> "ffdhe6144";
            case 260 -> "ffdhe8192";
            case 0x11ec -> "X25519MLKEM768";
            case 0x6399 -> "X25519Kyber768Draft00";
            default -> String.format("0x%04x", g);
        };
    }
}
