package dev.dissect.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds TLS records and handshake messages byte by byte, for tests: ClientHello and ServerHello with any
 * extensions, Certificate, alerts, and the record layer around them. Lengths are computed unless a test overrides
 * them to make hostile input ({@link #withU16}, {@link #withU24}).
 *
 * <pre>{@code
 * byte[] hello = TlsMessages.record(22, 0x0301, TlsMessages.clientHello(new ClientHello(0x0303, random, sid,
 *         new int[] {0x1301}, new int[] {0}, List.of(TlsMessages.serverName("example.com")))));
 * }</pre>
 */
public final class TlsMessages {
    private TlsMessages() {
    }

    /** One extension: type and data (the data's length is written by the builder). */
    public record Extension(int type, byte[] data) {
    }

    /** The fields of a ClientHello; {@code extensions} null for none (no length at all, as SSL 3.0). */
    public record ClientHello(int version, byte[] random, byte[] sessionId, int[] cipherSuites,
                              int[] compressionMethods, List<Extension> extensions) {
    }

    /** The fields of a ServerHello (or HelloRetryRequest, by its random). */
    public record ServerHello(int version, byte[] random, byte[] sessionId, int cipherSuite, int compressionMethod,
                              List<Extension> extensions) {
    }

    /** A record: type, version, two-byte length, fragment. */
    public static byte[] record(int contentType, int version, byte[] fragment) {
        Out o = new Out();
        o.u8(contentType).u16(version).u16(fragment.length).bytes(fragment);
        return o.toByteArray();
    }

    /** A handshake message: type, three-byte length, body. */
    public static byte[] handshake(int type, byte[] body) {
        Out o = new Out();
        o.u8(type).u24(body.length).bytes(body);
        return o.toByteArray();
    }

    /** A ClientHello handshake message (header included). */
    public static byte[] clientHello(ClientHello h) {
        Out o = new Out();
        o.u16(h.version()).bytes(h.random());
        o.u8(h.sessionId().length).bytes(h.sessionId());
        o.u16(h.cipherSuites().length * 2);
        for (int s : h.cipherSuites()) {
            o.u16(s);
        }
        o.u8(h.compressionMethods().length);
        for (int m : h.compressionMethods()) {
            o.u8(m);
        }
        if (h.extensions() != null) {
            o.bytes(extensions(h.extensions()));
        }
        return handshake(1, o.toByteArray());
    }

    /** A ServerHello handshake message (header included). */
    public static byte[] serverHello(ServerHello h) {
        Out o = new Out();
        o.u16(h.version()).bytes(h.random());
        o.u8(h.sessionId().length).bytes(h.sessionId());
        o.u16(h.cipherSuite()).u8(h.compressionMethod());
        if (h.extensions() != null) {
            o.bytes(extensions(h.extensions()));
        }
        return handshake(2, o.toByteArray());
    }

    /** A TLS 1.2 Certificate handshake message with these DER certificates. */
    public static byte[] certificate12(List<byte[]> certificates) {
        Out list = new Out();
        for (byte[] c : certificates) {
            list.u24(c.length).bytes(c);
        }
        byte[] l = list.toByteArray();
        Out o = new Out();
        o.u24(l.length).bytes(l);
        return handshake(11, o.toByteArray());
    }

    /** The two-byte length and the extensions. */
    public static byte[] extensions(List<Extension> extensions) {
        Out all = new Out();
        for (Extension e : extensions) {
            all.u16(e.type()).u16(e.data().length).bytes(e.data());
        }
        byte[] body = all.toByteArray();
        Out o = new Out();
        o.u16(body.length).bytes(body);
        return o.toByteArray();
    }

    /** server_name with one host_name. */
    public static Extension serverName(String host) {
        byte[] name = host.getBytes(StandardCharsets.US_ASCII);
        Out o = new Out();
        o.u16(name.length + 3).u8(0).u16(name.length).bytes(name);
        return new Extension(0, o.toByteArray());
    }

    /** application_layer_protocol_negotiation. */
    public static Extension alpn(List<String> protocols) {
        Out list = new Out();
        for (String p : protocols) {
            byte[] b = p.getBytes(StandardCharsets.ISO_8859_1);
            list.u8(b.length).bytes(b);
        }
        byte[] l = list.toByteArray();
        Out o = new Out();
        o.u16(l.length).bytes(l);
        return new Extension(16, o.toByteArray());
    }

    /** A list of two-byte values behind a two-byte length (supported_groups 10, signature_algorithms 13). */
    public static Extension u16List(int type, int[] values) {
        Out o = new Out();
        o.u16(values.length * 2);
        for (int v : values) {
            o.u16(v);
        }
        return new Extension(type, o.toByteArray());
    }

    /** supported_versions as a client sends it (one-byte length). */
    public static Extension supportedVersions(int[] versions) {
        Out o = new Out();
        o.u8(versions.length * 2);
        for (int v : versions) {
            o.u16(v);
        }
        return new Extension(43, o.toByteArray());
    }

    /** ec_point_formats. */
    public static Extension ecPointFormats(int[] formats) {
        Out o = new Out();
        o.u8(formats.length);
        for (int f : formats) {
            o.u8(f);
        }
        return new Extension(11, o.toByteArray());
    }

    /** key_share as a client sends it, one entry per group with a key of {@code keyLength} bytes. */
    public static Extension keyShare(int[] groups, int keyLength) {
        Out entries = new Out();
        for (int g : groups) {
            entries.u16(g).u16(keyLength).bytes(new byte[keyLength]);
        }
        byte[] e = entries.toByteArray();
        Out o = new Out();
        o.u16(e.length).bytes(e);
        return new Extension(51, o.toByteArray());
    }

    /** A copy of {@code bytes} with the two-byte big-endian value at {@code at} replaced (hostile lengths). */
    public static byte[] withU16(byte[] bytes, int at, int value) {
        byte[] b = bytes.clone();
        b[at] = (byte) (value >>> 8);
        b[at + 1] = (byte) value;
        return b;
    }

    /** A copy of {@code bytes} with the three-byte big-endian value at {@code at} replaced. */
    public static byte[] withU24(byte[] bytes, int at, int value) {
        byte[] b = bytes.clone();
        b[at] = (byte) (value >>> 16);
        b[at + 1] = (byte) (value >>> 8);
        b[at + 2] = (byte) value;
        return b;
    }

    /** Splits {@code bytes} into pieces of at most {@code size} bytes (records over several segments). */
    public static List<byte[]> split(byte[] bytes, int size) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += size) {
            byte[] piece = new byte[Math.min(size, bytes.length - i)];
            System.arraycopy(bytes, i, piece, 0, piece.length);
            out.add(piece);
        }
        return out;
    }

    /** A big-endian byte writer. */
    private static final class Out extends ByteArrayOutputStream {
        Out u8(int v) {
            write(v);
            return this;
        }

        Out u16(int v) {
            write(v >>> 8);
            write(v);
            return this;
        }

        Out u24(int v) {
            write(v >>> 16);
            return u16(v);
        }

        Out bytes(byte[] b) {
            write(b, 0, b.length);
            return this;
        }
    }
}
