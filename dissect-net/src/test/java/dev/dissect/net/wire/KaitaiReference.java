package dev.dissect.net.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.buffer.ByteView;
import io.kaitai.struct.ByteBufferKaitaiStream;
import io.kaitai.struct.KaitaiStream;
import io.kaitai.struct.KaitaiStruct;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Compares a generated flyweight view with the Kaitai reference class generated from the same grammar, by
 * reflection: every public getter of the Kaitai class has a same-named getter on the view (a byte array has
 * {@code xOffset()}/{@code xLength()}, a missing optional field has {@code hasX() == false}).
 */
final class KaitaiReference {
    /** Bytes placed before the input in the buffer, so views are tested at a non-zero offset. */
    private static final int LEAD = 3;

    private final Class<?> view;
    private final Class<? extends KaitaiStruct> reference;

    KaitaiReference(Class<?> view, Class<? extends KaitaiStruct> reference) {
        this.view = view;
        this.reference = reference;
    }

    Class<?> view() {
        return view;
    }

    boolean switchedEndian() {
        return wrapMethod().getParameterCount() == 4;
    }

    /** Asserts that view and reference agree on {@code input}: same fields, or both reject it. */
    void assertAgree(byte[] input, boolean bigEndian) throws ReflectiveOperationException {
        KaitaiStruct parsed;
        try {
            parsed = parse(input, bigEndian);
        } catch (RuntimeException e) {
            parsed = null;
        }
        Object v = wrapped(input, bigEndian);
        int validated = (int) view.getMethod("validate").invoke(v);
        if (parsed == null) {
            assertEquals(-1, validated, () -> view.getSimpleName() + " accepts what Kaitai rejects: " + hex(input));
            return;
        }
        assertEquals(parsed._io().pos(), validated, () -> view.getSimpleName() + " consumed bytes for " + hex(input));
        for (Method m : reference.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())
                    || m.getParameterCount() != 0 || m.getName().startsWith("_")) {
                continue;
            }
            compare(m.getName(), m.invoke(parsed), v, input);
        }
    }

    private void compare(String name, Object expected, Object v, byte[] input) throws ReflectiveOperationException {
        String what = view.getSimpleName() + "." + name + " for " + hex(input);
        Method has = find("has" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
        if (expected == null) {
            assertTrue(has != null && !(boolean) has.invoke(v), what + ": Kaitai has no value, the view does");
            return;
        }
        if (has != null) {
            assertTrue((boolean) has.invoke(v), what + ": Kaitai has a value, the view does not");
        }
        if (expected instanceof byte[] bytes) {
            Method offset = find(name + "RegionOffset") != null ? find(name + "RegionOffset") : find(name + "Offset");
            Method length = find(name + "RegionOffset") != null ? find(name + "RegionLength") : find(name + "Length");
            int len = (int) length.invoke(v);
            ByteView buf = (ByteView) view.getMethod(bufferAccessor()).invoke(v);
            assertArrayEquals(bytes, buf.toArray((int) offset.invoke(v), len), what);
            return;
        }
        Object actual = view.getMethod(name).invoke(v);
        if (expected instanceof Boolean b) {
            Object normalized = actual instanceof Number n ? Boolean.valueOf(n.longValue() != 0) : actual;
            assertEquals(b, normalized, what);
        } else if (expected instanceof Number n) {
            assertEquals(n.longValue(), ((Number) actual).longValue(), what);
        } else {
            throw new AssertionError(what + ": no comparison for " + expected.getClass());
        }
    }

    private String bufferAccessor() {
        return find("viewBuffer") != null ? "viewBuffer" : "buffer";
    }

    private Method find(String name) {
        try {
            return view.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private Object wrapped(byte[] input, boolean bigEndian) throws ReflectiveOperationException {
        byte[] padded = new byte[LEAD + input.length + 2];
        Arrays.fill(padded, (byte) 0x5a);
        System.arraycopy(input, 0, padded, LEAD, input.length);
        ByteView buf = new ByteView().wrap(ByteBuffer.wrap(padded), 0, padded.length);
        Object v = view.getConstructor().newInstance();
        Method wrap = wrapMethod();
        return wrap.getParameterCount() == 4 ? wrap.invoke(v, buf, LEAD, input.length, bigEndian)
                : wrap.invoke(v, buf, LEAD, input.length);
    }

    private Method wrapMethod() {
        for (Method m : view.getMethods()) {
            if (m.getName().equals("wrap")) {
                return m;
            }
        }
        throw new IllegalStateException(view + " has no wrap");
    }

    private KaitaiStruct parse(byte[] input, boolean bigEndian) throws ReflectiveOperationException {
        KaitaiStream io = new ByteBufferKaitaiStream(input);
        try {
            for (Constructor<?> c : reference.getConstructors()) {
                Class<?>[] p = c.getParameterTypes();
                if (p.length == 2 && p[1] == boolean.class) {
                    return (KaitaiStruct) c.newInstance(io, bigEndian); // top-level: the big_endian param
                }
            }
            for (Constructor<?> c : reference.getConstructors()) {
                Class<?>[] p = c.getParameterTypes();
                if (p.length == 4 && p[3] == boolean.class) {
                    return (KaitaiStruct) c.newInstance(io, null, null, !bigEndian); // nested: inherited _is_le
                }
            }
            return reference.getConstructor(KaitaiStream.class).newInstance(io);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return view.getSimpleName();
    }
}
