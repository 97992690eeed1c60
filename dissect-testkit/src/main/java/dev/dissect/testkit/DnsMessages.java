package dev.dissect.testkit;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds DNS messages (RFC 1035 section 4) byte by byte, independently of the dissector, with or without name
 * compression, so a test can state what it put in and check what dissection finds.
 *
 * <pre>{@code
 * byte[] msg = DnsMessages.response(0x5baa).compress(true)
 *         .question("rsa.corpus.test", DnsMessages.A)
 *         .answer(DnsMessages.Record.a("rsa.corpus.test", 300, "127.0.0.20"))
 *         .build();
 * }</pre>
 *
 * <p>Names are dotted text; {@code ""} is the root. Compression (when on) points every name suffix already
 * written, in questions, owners and the names inside CNAME/NS/PTR/MX/SOA/SRV RDATA, at its first occurrence.
 *
 * @since 0.1
 */
public final class DnsMessages {
    public static final int A = 1;
    public static final int NS = 2;
    public static final int CNAME = 5;
    public static final int SOA = 6;
    public static final int PTR = 12;
    public static final int MX = 15;
    public static final int TXT = 16;
    public static final int AAAA = 28;
    public static final int SRV = 33;
    public static final int OPT = 41;
    public static final int IN = 1;

    private DnsMessages() {
    }

    /** A recursive standard query (flags 0x0100). */
    public static Builder query(int id) {
        return new Builder(id, 0x0100);
    }

    /** A standard response (flags 0x8180: response, recursion desired and available). */
    public static Builder response(int id) {
        return new Builder(id, 0x8180);
    }

    /** A name without compression: length-prefixed labels and the root byte. */
    public static byte[] name(String dotted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!dotted.isEmpty()) {
            for (String label : dotted.split("\\.", -1)) {
                byte[] b = label.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                out.write(b.length);
                out.write(b, 0, b.length);
            }
        }
        out.write(0);
        return out.toByteArray();
    }

    /** One piece of RDATA: raw bytes, or a name (which compression may shorten). */
    public record Part(byte[] bytes, String name) {
        public static Part bytes(byte[] b) {
            return new Part(b, null);
        }

        public static Part name(String n) {
            return new Part(null, n);
        }

        public static Part u16(int v) {
            return new Part(new byte[] {(byte) (v >>> 8), (byte) v}, null);
        }

        public static Part u32(long v) {
            return new Part(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v}, null);
        }
    }

    /** A resource record; RDATA as parts. */
    public record Record(String name, int type, int rrClass, long ttl, List<Part> rdata) {
        public static Record of(String name, int type, long ttl, Part... rdata) {
            return new Record(name, type, IN, ttl, List.of(rdata));
        }

        public static Record a(String name, long ttl, String dotted) {
            String[] q = dotted.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                b[i] = (byte) Integer.parseInt(q[i]);
            }
            return of(name, A, ttl, Part.bytes(b));
        }

        public static Record cname(String name, long ttl, String target) {
            return of(name, CNAME, ttl, Part.name(target));
        }

        public static Record mx(String name, long ttl, int preference, String exchange) {
            return of(name, MX, ttl, Part.u16(preference), Part.name(exchange));
        }

        /** TXT with one character string per argument (each up to 255 bytes). */
        public static Record txt(String name, long ttl, String... strings) {
            Part[] parts = new Part[strings.length];
            for (int i = 0; i < strings.length; i++) {
                byte[] s = strings[i].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                byte[] b = new byte[s.length + 1];
                b[0] = (byte) s.length;
                System.arraycopy(s, 0, b, 1, s.length);
                parts[i] = Part.bytes(b);
            }
            return of(name, TXT, ttl, parts);
        }

        /** An EDNS0 OPT record: root owner, UDP payload size as class, flags (DO is 0x8000) as TTL. */
        public static Record opt(int udpPayloadSize, int flags, Part... options) {
            return new Record("", OPT, udpPayloadSize, flags & 0xFFFFL, List.of(options));
        }
    }

    /** Accumulates sections; {@link #build()} writes the message. */
    public static final class Builder {
        private final int id;
        private int flags;
        private boolean compress;
        private final List<Object[]> questions = new ArrayList<>();
        private final List<List<Record>> sections = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());

        private Builder(int id, int flags) {
            this.id = id;
            this.flags = flags;
        }

        public Builder flags(int value) {
            this.flags = value;
            return this;
        }

        public Builder compress(boolean on) {
            this.compress = on;
            return this;
        }

        public Builder question(String name, int type) {
            return question(name, type, IN);
        }

        public Builder question(String name, int type, int qclass) {
            questions.add(new Object[] {name, type, qclass});
            return this;
        }

        public Builder answer(Record r) {
            sections.get(0).add(r);
            return this;
        }

        public Builder authority(Record r) {
            sections.get(1).add(r);
            return this;
        }

        public Builder additional(Record r) {
            sections.get(2).add(r);
            return this;
        }

        public byte[] build() {
            Out out = new Out(compress);
            out.u16(id);
            out.u16(flags);
            out.u16(questions.size());
            for (List<Record> s : sections) {
                out.u16(s.size());
            }
            for (Object[] q : questions) {
                out.name((String) q[0]);
                out.u16((Integer) q[1]);
                out.u16((Integer) q[2]);
            }
            for (List<Record> s : sections) {
                for (Record r : s) {
                    out.name(r.name());
                    out.u16(r.type());
                    out.u16(r.rrClass());
                    out.u32(r.ttl());
                    int lengthAt = out.size();
                    out.u16(0);
                    int start = out.size();
                    for (Part p : r.rdata()) {
                        if (p.bytes() != null) {
                            out.bytes(p.bytes());
                        } else {
                            out.name(p.name());
                        }
                    }
                    out.patch16(lengthAt, out.size() - start);
                }
            }
            return out.toByteArray();
        }
    }

    private static final class Out extends ByteArrayOutputStream {
        private final boolean compress;
        private final Map<String, Integer> written = new HashMap<>();

        Out(boolean compress) {
            this.compress = compress;
        }

        void u16(int v) {
            write(v >>> 8);
            write(v);
        }

        void u32(long v) {
            u16((int) (v >>> 16));
            u16((int) v);
        }

        void bytes(byte[] b) {
            write(b, 0, b.length);
        }

        void patch16(int at, int v) {
            buf[at] = (byte) (v >>> 8);
            buf[at + 1] = (byte) v;
        }

        void name(String dotted) {
            String rest = dotted;
            while (!rest.isEmpty()) {
                Integer at = compress ? written.get(rest.toLowerCase()) : null;
                if (at != null) {
                    u16(0xC000 | at);
                    return;
                }
                if (size() < 0x3FFF) {
                    written.putIfAbsent(rest.toLowerCase(), size());
                }
                int dot = rest.indexOf('.');
                String label = dot < 0 ? rest : rest.substring(0, dot);
                byte[] b = label.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                write(b.length);
                bytes(b);
                rest = dot < 0 ? "" : rest.substring(dot + 1);
            }
            write(0);
        }
    }
}
