package dev.dissect.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.codegen.FormatModel.FieldModel;
import dev.dissect.codegen.FormatModel.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KsyReaderTest {
    private static final GeneratorOptions OPTIONS = new GeneratorOptions(Path.of("ksy"), Path.of("out"), "p");

    @Test
    void buildsTheModel() {
        FormatModel m = KsyReader.parse("t.ksy", """
                meta: {id: t, endian: be}
                doc: A test.
                seq:
                  - {id: a, type: b4}
                  - {id: b, type: b4}
                  - {id: c, type: u4le}
                  - {id: d, size: a * 4, if: b > 1}
                  - {id: e, size-eos: true}
                instances:
                  f: {value: a * 4}
                types:
                  t_item:
                    seq:
                      - {id: x, type: s2}
                enums:
                  colour: {1: red, 0x10: blue}
                """);
        assertEquals("t", m.id());
        assertEquals(List.of("t", "t_item"), m.types().stream().map(FormatModel.TypeModel::id).toList());
        List<FieldModel> seq = m.types().get(0).seq();
        assertEquals(Kind.BITS, seq.get(0).kind());
        assertEquals(FormatModel.ByteOrder.LITTLE, seq.get(2).order());
        assertEquals(new Expr.Binary(">", new Expr.Ref("b"), new Expr.Num(1)), seq.get(3).condition());
        assertTrue(seq.get(4).sizeEos());
        assertNull(seq.get(3).contents());
        assertEquals("blue", m.enums().get("colour").get(16L));
    }

    @Test
    void parsesExpressionsWithKaitaiPrecedence() {
        assertEquals(ExprParser.parse("(a + (2 * 3)) < 4 and not c or d ? e : f"),
                ExprParser.parse("a + 2 * 3 < 4 and not c or d ? e : f"));
        assertEquals(new Expr.Binary("|", new Expr.Ref("a"), new Expr.Binary("&", new Expr.Num(0xff),
                new Expr.Binary("<<", new Expr.Ref("b"), new Expr.Num(2)))), ExprParser.parse("a | 0xff & b << 2"));
        assertEquals(new Expr.IoSize(), ExprParser.parse("_io.size"));
    }

    @Test
    void translatesExpressionsToLongArithmetic() {
        FormatModel m = KsyReader.parse("t.ksy", """
                meta: {id: t, endian: be}
                seq:
                  - {id: n, type: u1}
                  - {id: body, size: (4 - n % 4) % 4}
                instances:
                  odd: {value: n % 2 == 1 and not (n > 100)}
                  total: {value: '_io.size - (n < 3 ? n : 3) * 2'}
                """);
        String java = new FlyweightEmitter(OPTIONS).emit(m).get(0).text();
        assertTrue(java.contains("Math.floorMod((4L - Math.floorMod(n(), 4L)), 4L)"), java);
        assertTrue(java.contains("public boolean odd()"), java);
        assertTrue(java.contains("public int total()"), java);
        assertTrue(java.startsWith("/* Generated from ksy/t.ksy. Do not edit. */"), java);
    }

    @Test
    void rejectsUnsupportedFeaturesNamingFileAndAttribute() {
        KsyException str = assertThrows(KsyException.class, () -> KsyReader.parse("s.ksy", """
                meta: {id: s}
                seq:
                  - {id: name, type: str, size: 4, encoding: ASCII}
                """));
        assertTrue(str.getMessage().startsWith("s.ksy: /seq/0/encoding: unsupported attribute"), str.getMessage());
        KsyException pos = assertThrows(KsyException.class, () -> KsyReader.parse("p.ksy", """
                meta: {id: p}
                instances:
                  x: {pos: 4, type: u1}
                """));
        assertTrue(pos.getMessage().startsWith("p.ksy: /instances/x/pos: unsupported attribute"), pos.getMessage());
        KsyException bits = assertThrows(KsyException.class, () -> KsyReader.parse("b.ksy", """
                meta: {id: b}
                seq:
                  - {id: x, type: b3}
                  - {id: y, type: u1}
                """));
        assertTrue(bits.getMessage().contains("/seq/1: bit fields before 'y' end unaligned"), bits.getMessage());
        KsyException expr = assertThrows(KsyException.class, () -> KsyReader.parse("e.ksy", """
                meta: {id: e}
                seq:
                  - {id: x, size: _root.y}
                """));
        assertTrue(expr.getMessage().startsWith("e.ksy: /seq/0/size: unsupported character '.'"), expr.getMessage());
        KsyException userType = assertThrows(KsyException.class, () -> KsyReader.parse("u.ksy", """
                meta: {id: u}
                seq:
                  - {id: x, type: u_item}
                types:
                  u_item: {seq: [{id: y, type: u1}]}
                """));
        assertTrue(userType.getMessage().contains("needs size or size-eos"), userType.getMessage());
    }

    @Test
    void switchOnSizedTypesAndRepeatsAreRegions() {
        FormatModel m = KsyReader.parse("r.ksy", """
                meta: {id: r, endian: le}
                seq:
                  - {id: kind, type: u1}
                  - {id: body, size: 4, type: {switch-on: kind, cases: {1: r_one}}}
                  - {id: items, type: r_one, repeat: eos}
                  - {id: magic, contents: [0xca, 0xfe]}
                types:
                  r_one: {seq: [{id: v, type: u2}]}
                """);
        List<FieldModel> seq = m.types().get(0).seq();
        assertEquals(Kind.REGION, seq.get(1).kind());
        assertTrue(seq.get(2).sizeEos());
        String java = new FlyweightEmitter(OPTIONS).emit(m).get(1).text();
        assertTrue(java.contains("return buf.u16le(offset + V_OFFSET);"), java);
    }
}
