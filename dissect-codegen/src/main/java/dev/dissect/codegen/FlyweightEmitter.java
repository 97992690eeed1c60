package dev.dissect.codegen;

import dev.dissect.codegen.FormatModel.ByteOrder;
import dev.dissect.codegen.FormatModel.FieldModel;
import dev.dissect.codegen.FormatModel.InstanceModel;
import dev.dissect.codegen.FormatModel.Kind;
import dev.dissect.codegen.FormatModel.TypeModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link FormatModel} into Java sources: one flyweight view class per type, named {@code <Id>View}.
 *
 * <p><b>Output is deterministic:</b> the same grammar gives the same bytes. <b>Views allocate nothing:</b>
 * {@code wrap} stores three values, getters read the buffer at offsets that are constants or computed from the
 * grammar's expressions, {@code validate} checks every field against the window without throwing.
 */
public final class FlyweightEmitter {
    private static final Set<String> WINDOW_ACCESSORS = Set.of("buffer", "offset", "length");

    /** A generated source file: simple class name and text. */
    public record JavaSource(String className, String text) {
    }

    /** One slot of the layout: a single field, or a run of bit fields read together. */
    private record Slot(List<FieldModel> fields, String start, boolean constantStart) {
        FieldModel first() {
            return fields.get(0);
        }
    }

    private final GeneratorOptions options;

    public FlyweightEmitter(GeneratorOptions options) {
        this.options = options;
    }

    /** Emits one view per type of {@code model}, the top-level type first. */
    public List<JavaSource> emit(FormatModel model) {
        List<JavaSource> out = new ArrayList<>();
        for (TypeModel type : model.types()) {
            TypeEmitter t = new TypeEmitter(model, type, type == model.types().get(0));
            out.add(new JavaSource(t.className, t.emit()));
        }
        return out;
    }

    static String camel(String id, boolean upperFirst) {
        StringBuilder sb = new StringBuilder();
        boolean upper = upperFirst;
        for (char c : id.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    static String constant(String id) {
        return id.toUpperCase(Locale.ROOT);
    }

    private final class TypeEmitter {
        private final FormatModel model;
        private final TypeModel type;
        private final boolean topLevel;
        private final String className;
        private final boolean switched;
        private final Map<String, JavaExpr.Symbol> symbols = new LinkedHashMap<>();
        private final List<Slot> slots = new ArrayList<>();
        private final StringBuilder out = new StringBuilder();
        private final String windowPrefix;
        private int fixedPrefix = -1;

        TypeEmitter(FormatModel model, TypeModel type, boolean topLevel) {
            this.model = model;
            this.type = type;
            this.topLevel = topLevel;
            this.className = camel(type.id(), true) + "View";
            this.switched = model.byteOrder() == ByteOrder.SWITCHED;
            boolean clash = type.seq().stream().anyMatch(f -> WINDOW_ACCESSORS.contains(camel(f.id(), false)))
                    || type.instances().stream().anyMatch(i -> WINDOW_ACCESSORS.contains(camel(i.id(), false)));
            this.windowPrefix = clash ? "view" : "";
            layout();
        }

        /** Groups the seq into slots (consecutive bit fields form one run) and names every field for expressions. */
        private void layout() {
            if (switched && topLevel) {
                symbols.put(model.endianParam(), new JavaExpr.Symbol("bigEndian", true, false));
            }
            Slot run = null;
            for (FieldModel f : type.seq()) {
                if (f.kind() == Kind.BITS && run != null) {
                    run.fields().add(f);
                } else {
                    Slot slot = new Slot(new ArrayList<>(List.of(f)), "", false);
                    slots.add(slot);
                    run = f.kind() == Kind.BITS ? slot : null;
                }
                addSymbol(f);
            }
            for (InstanceModel i : type.instances()) {
                JavaExpr.Code code = new JavaExpr(model.fileName(), "/instances/" + i.id(), symbols).translate(i.value());
                symbols.put(i.id(), new JavaExpr.Symbol(camel(i.id(), false) + "()", code.bool(), code.wide()));
            }
        }

        private void addSymbol(FieldModel f) {
            boolean bool = f.kind() == Kind.BITS && f.width() == 1;
            String getter = camel(f.id(), false) + "()";
            symbols.put(f.id(), new JavaExpr.Symbol(bool ? "(" + getter + " != 0)" : getter, bool, isWide(f)));
        }

        private boolean isWide(FieldModel f) {
            return f.kind() == Kind.INT && (f.width() == 8 || f.width() == 4 && !f.signed())
                    || f.kind() == Kind.BITS && f.width() >= 32;
        }

        private Integer fixedSize(FieldModel f) {
            return switch (f.kind()) {
                case INT -> f.width();
                case BITS -> f.width() / 8;
                case REGION -> f.contents() != null ? Integer.valueOf(f.contents().length)
                        : f.size() instanceof Expr.Num n ? Integer.valueOf((int) n.value()) : null;
            };
        }

        String emit() {
            // Starts and spans: constants up to the first variable-size or conditional slot, then methods.
            List<String> spans = new ArrayList<>();
            int constPos = 0;
            boolean constant = true;
            for (int i = 0; i < slots.size(); i++) {
                Slot s = slots.get(i);
                String start;
                if (constant) {
                    start = Integer.toString(constPos);
                } else {
                    Slot prev = slots.get(i - 1);
                    String prevStart = prev.constantStart() ? prev.start() : camel(prev.first().id(), false) + "Start()";
                    start = prevStart + " + " + spans.get(i - 1);
                }
                slots.set(i, new Slot(s.fields(), start, constant));
                Integer fixed = slotFixedSize(s);
                String span = fixed != null ? fixed + "L" : sizeMethod(s.first());
                if (s.first().condition() != null) {
                    span = "(" + condition(s.first()) + " ? " + span + " : 0L)";
                }
                spans.add(span);
                if (constant) {
                    if (fixed == null || s.first().condition() != null) {
                        constant = false;
                    } else {
                        constPos += fixed;
                    }
                }
                if (!constant && fixedPrefix < 0) {
                    fixedPrefix = constPos;
                }
            }
            if (fixedPrefix < 0) {
                fixedPrefix = constPos;
            }
            header();
            classDoc();
            out.append("public final class ").append(className).append(" {\n");
            constants();
            enums();
            out.append("    private ByteView buf = EMPTY;\n    private int offset;\n    private int length;\n");
            if (switched) {
                out.append("    private boolean bigEndian;\n");
            }
            out.append('\n');
            wrap();
            validate(spans);
            for (int i = 0; i < slots.size(); i++) {
                slotAccessors(slots.get(i), spans.get(i));
            }
            for (InstanceModel inst : type.instances()) {
                instance(inst);
            }
            window();
            out.append("}\n");
            return out.toString();
        }

        private Integer slotFixedSize(Slot s) {
            if (s.first().kind() == Kind.BITS) {
                int bits = s.fields().stream().mapToInt(FieldModel::width).sum();
                return bits / 8;
            }
            return fixedSize(s.first());
        }

        private String startMethod(Slot s) {
            return s.constantStart() || s.start().matches("\\d+") ? s.start() : camel(s.first().id(), false) + "Start()";
        }

        private String sizeMethod(FieldModel f) {
            return camel(f.id(), false) + "Size()";
        }

        private String condition(FieldModel f) {
            return new JavaExpr(model.fileName(), where(f) + "/if", symbols).bool(f.condition()).java();
        }

        private String where(FieldModel f) {
            return (topLevel ? "" : "/types/" + type.id()) + "/seq/" + type.seq().indexOf(f);
        }

        private void header() {
            out.append("/* Generated from ksy/").append(model.fileName()).append(". Do not edit. */\n");
            out.append("package ").append(options.javaPackage()).append(";\n\n");
            out.append("import dev.dissect.api.buffer.ByteView;\n\n");
        }

        private void classDoc() {
            out.append("/**\n");
            String doc = type.doc().isEmpty() ? "Flyweight view of {@code " + type.id() + "}." : javadoc(type.doc());
            for (String line : doc.split("\n")) {
                out.append(" * ").append(line).append('\n');
            }
            out.append(" *\n * <p><b>Allocates nothing:</b> {@link #wrap} re-points the view; getters are absolute and"
                    + " read the buffer directly. Values are valid until the next {@code wrap}; call {@link #validate()}"
                    + " before trusting getters on untrusted input.\n");
            if (switched) {
                out.append(" * <b>The byte order is chosen when wrapping</b> (the grammar's {@code endian} switch).\n");
            }
            if (!type.docRef().isEmpty()) {
                out.append(" *\n * <p>Reference: ").append(javadoc(type.docRef())).append("\n");
            }
            out.append(" *\n * <pre>\n * offset  size  field\n");
            for (Slot s : slots) {
                if (!s.constantStart()) {
                    out.append(" * (then variable-size fields: ");
                    out.append(String.join(", ", slots.subList(slots.indexOf(s), slots.size()).stream()
                            .flatMap(x -> x.fields().stream()).map(FieldModel::id).toList()));
                    out.append(")\n");
                    break;
                }
                Integer size = slotFixedSize(s);
                for (FieldModel f : s.fields()) {
                    String width = f.kind() == Kind.BITS ? f.width() + "b" : size == null ? "var" : size.toString();
                    out.append(String.format(Locale.ROOT, " * %6s  %4s  %s%n", s.start(), width, f.id()));
                }
            }
            out.append(" * </pre>\n *\n * <p>Generated from {@code ksy/").append(model.fileName()).append("}.\n */\n");
        }

        private void constants() {
            out.append("    private static final ByteView EMPTY = new ByteView();\n\n");
            out.append("    /** Bytes of the fixed prefix, up to the first variable-size or conditional field. */\n");
            out.append("    public static final int MIN_LENGTH = ").append(fixedPrefix).append(";\n");
            for (Slot s : slots) {
                if (s.constantStart()) {
                    for (FieldModel f : s.fields()) {
                        out.append("    /** Offset of {@code ").append(f.id()).append("} from the start of the view. */\n");
                        out.append("    public static final int ").append(constant(f.id())).append("_OFFSET = ")
                                .append(s.start()).append(";\n");
                    }
                }
                FieldModel f = s.first();
                if (f.contents() != null) {
                    out.append("    private static final byte[] ").append(constant(f.id())).append("_CONTENTS = {");
                    for (int i = 0; i < f.contents().length; i++) {
                        out.append(i == 0 ? "" : ", ").append(f.contents()[i]);
                    }
                    out.append("};\n");
                }
            }
            out.append('\n');
        }

        private void enums() {
            if (!topLevel) {
                return;
            }
            for (Map.Entry<String, Map<Long, String>> e : model.enums().entrySet()) {
                out.append("    /** Values of the grammar's {@code ").append(e.getKey()).append("} enum. */\n");
                String name = camel(e.getKey(), true);
                out.append("    public static final class ").append(name).append(" {\n");
                out.append("        private ").append(name).append("() {\n        }\n\n");
                for (Map.Entry<Long, String> v : e.getValue().entrySet()) {
                    long value = v.getKey();
                    boolean isInt = value == (int) value;
                    out.append("        public static final ").append(isInt ? "int " : "long ")
                            .append(constant(v.getValue())).append(" = ")
                            .append(value < 0 ? Long.toString(value) : "0x" + Long.toHexString(value))
                            .append(isInt ? "" : "L").append(";\n");
                }
                out.append("    }\n\n");
            }
        }

        private void wrap() {
            String params = "ByteView buf, int offset, int length" + (switched ? ", boolean bigEndian" : "");
            out.append("    /** Points this view at {@code [offset, offset + length)} of {@code buf}")
                    .append(switched ? ", read in the given byte order" : "")
                    .append("; allocates nothing, checks nothing (see {@link #validate()}). */\n");
            out.append("    public ").append(className).append(" wrap(").append(params).append(") {\n");
            out.append("        this.buf = buf;\n        this.offset = offset;\n        this.length = length;\n");
            if (switched) {
                out.append("        this.bigEndian = bigEndian;\n");
            }
            out.append("        return this;\n    }\n\n");
        }

        private void validate(List<String> spans) {
            out.append("    /**\n     * Returns the number of bytes the fields occupy if every field fits in the window, every size is\n"
                    + "     * non-negative and every fixed content matches; otherwise -1. Never throws.\n     */\n");
            out.append("    public int validate() {\n");
            out.append("        if (offset < 0 || length < 0 || (long) offset + length > buf.length()) {\n"
                    + "            return -1;\n        }\n");
            out.append("        if (length < MIN_LENGTH) {\n            return -1;\n        }\n");
            out.append("        long pos = MIN_LENGTH;\n");
            for (int i = 0; i < slots.size(); i++) {
                Slot s = slots.get(i);
                FieldModel f = s.first();
                String indent = "        ";
                if (s.constantStart() && f.condition() == null && slotFixedSize(s) != null
                        && f.contents() == null
                        && Integer.parseInt(s.start()) < fixedPrefix) {
                    continue; // inside the fixed prefix, checked by MIN_LENGTH
                }
                out.append(indent).append("// ").append(String.join(", ", s.fields().stream().map(FieldModel::id).toList()))
                        .append('\n');
                if (f.condition() != null && f.kind() != Kind.BITS) {
                    out.append(indent).append("if (").append(condition(f)).append(") {\n");
                    indent += "    ";
                }
                Integer fixed = slotFixedSize(s);
                if (f.kind() == Kind.REGION && f.sizeEos()) {
                    out.append(indent).append("pos = length;\n");
                } else {
                    String size = fixed != null ? fixed.toString() : sizeMethod(f);
                    if (s.constantStart() && f.condition() == null && Integer.parseInt(s.start()) < fixedPrefix) {
                        // contents inside the fixed prefix: bounds already checked
                        out.append(indent).append("if (!buf.bytesEqual(offset + ").append(s.start()).append(", ")
                                .append(constant(f.id())).append("_CONTENTS)) {\n").append(indent)
                                .append("    return -1;\n").append(indent).append("}\n");
                        continue;
                    }
                    out.append(indent).append("long ").append(camel(f.id(), false)).append("Span = ").append(size)
                            .append(";\n");
                    out.append(indent).append("if (").append(camel(f.id(), false)).append("Span < 0 || pos + ")
                            .append(camel(f.id(), false)).append("Span > length) {\n").append(indent)
                            .append("    return -1;\n").append(indent).append("}\n");
                    if (f.contents() != null) {
                        out.append(indent).append("if (!buf.bytesEqual(offset + (int) pos, ").append(constant(f.id()))
                                .append("_CONTENTS)) {\n").append(indent).append("    return -1;\n").append(indent)
                                .append("}\n");
                    }
                    out.append(indent).append("pos += ").append(camel(f.id(), false)).append("Span;\n");
                }
                if (f.condition() != null && f.kind() != Kind.BITS) {
                    out.append("        }\n");
                }
            }
            out.append("        return (int) pos;\n    }\n\n");
        }

        private void slotAccessors(Slot s, String span) {
            FieldModel first = s.first();
            String startName = camel(first.id(), false) + "Start";
            if (!s.constantStart()) {
                out.append("    private long ").append(startName).append("() {\n        return ").append(s.start())
                        .append(";\n    }\n\n");
            }
            String rel = s.constantStart() ? constant(first.id()) + "_OFFSET" : "(int) " + startName + "()";
            if (first.kind() != Kind.BITS && first.kind() != Kind.INT && first.contents() == null) {
                out.append("    private long ").append(sizeMethod(first)).append(" {\n        return ");
                if (first.sizeEos()) {
                    out.append("length - ").append(s.constantStart() ? rel : startName + "()");
                } else {
                    out.append(new JavaExpr(model.fileName(), where(first) + "/size", symbols).integer(first.size()).java());
                }
                out.append(";\n    }\n\n");
            }
            if (first.condition() != null) {
                doc(first.doc(), "True if {@code " + first.id() + "} is present (its {@code if} holds).");
                out.append("    public boolean has").append(camel(first.id(), true)).append("() {\n        return ")
                        .append(condition(first)).append(";\n    }\n\n");
            }
            switch (first.kind()) {
                case INT -> intGetter(first, rel);
                case BITS -> bitGetters(s, rel);
                case REGION -> region(first, rel, span);
            }
        }

        private void intGetter(FieldModel f, String rel) {
            String at = "offset + " + rel;
            String be;
            String le;
            String javaType = isWide(f) ? "long" : "int";
            switch (f.width()) {
                case 1 -> {
                    be = f.signed() ? "buf.s8(" + at + ")" : "buf.u8(" + at + ")";
                    le = be;
                }
                case 2 -> {
                    be = (f.signed() ? "(short) " : "") + "buf.u16(" + at + ")";
                    le = (f.signed() ? "(short) " : "") + "buf.u16le(" + at + ")";
                }
                case 4 -> {
                    be = (f.signed() ? "buf.s32(" : "buf.u32(") + at + ")";
                    le = (f.signed() ? "buf.s32le(" : "buf.u32le(") + at + ")";
                }
                default -> {
                    be = "buf.u64(" + at + ")";
                    le = "buf.u64le(" + at + ")";
                }
            }
            String read = switch (f.order()) {
                case BIG -> be;
                case LITTLE -> le;
                case SWITCHED -> be.equals(le) ? be : "bigEndian ? " + be + " : " + le;
            };
            doc(f.doc(), null);
            out.append("    public ").append(javaType).append(' ').append(camel(f.id(), false)).append("() {\n")
                    .append("        return ").append(read).append(";\n    }\n\n");
        }

        private void bitGetters(Slot s, String rel) {
            int bits = s.fields().stream().mapToInt(FieldModel::width).sum();
            int bytes = bits / 8;
            String read = switch (bytes) {
                case 1 -> "buf.u8(offset + " + rel + ")";
                case 2 -> "buf.u16(offset + " + rel + ")";
                case 3 -> "buf.u24(offset + " + rel + ")";
                case 4 -> "buf.u32(offset + " + rel + ")";
                case 8 -> "buf.u64(offset + " + rel + ")";
                default -> throw new KsyException(model.fileName(), where(s.first()),
                        "a run of bit fields spanning " + bytes + " bytes is unsupported (1, 2, 3, 4 or 8)");
            };
            int used = 0;
            for (FieldModel f : s.fields()) {
                int shift = bits - used - f.width();
                used += f.width();
                String mask = f.width() == 64 ? "-1L" : "0x" + Long.toHexString((1L << f.width()) - 1) + "L";
                String javaType = isWide(f) ? "long" : "int";
                doc(f.doc(), null);
                out.append("    public ").append(javaType).append(' ').append(camel(f.id(), false)).append("() {\n")
                        .append("        return ").append(javaType.equals("int") ? "(int) " : "").append("((")
                        .append(bytes == 8 || bytes == 4 ? "" : "(long) ").append(read).append(shift == 0 ? "" : " >>> " + shift)
                        .append(")").append(" & ").append(mask).append(");\n    }\n\n");
            }
        }

        private void region(FieldModel f, String rel, String span) {
            String name = regionName(f);
            javadocBlock((f.doc().isEmpty() ? "" : javadoc(f.doc()) + "\n\n<p>") + "Returns the absolute index of {@code "
                    + f.id() + "} in the buffer.");
            out.append("    public int ").append(name).append("Offset() {\n        return offset + ").append(rel)
                    .append(";\n    }\n\n");
            out.append("    /** Length in bytes of {@code ").append(f.id()).append("}. */\n");
            out.append("    public int ").append(name).append("Length() {\n        return ")
                    .append(f.contents() != null ? f.contents().length + "" : "(int) " + sizeMethod(f)).append(";\n    }\n\n");
        }

        /** {@code addr} gives {@code addrOffset()}; if a field {@code addr_length} exists, {@code addrRegionOffset()}. */
        private String regionName(FieldModel f) {
            String name = camel(f.id(), false);
            boolean clash = symbols.containsKey(f.id() + "_offset") || symbols.containsKey(f.id() + "_length");
            return clash ? name + "Region" : name;
        }

        private void instance(InstanceModel inst) {
            JavaExpr.Code code = new JavaExpr(model.fileName(), "/instances/" + inst.id(), symbols).translate(inst.value());
            String javaType = code.bool() ? "boolean" : code.wide() ? "long" : "int";
            doc(inst.doc(), null);
            out.append("    public ").append(javaType).append(' ').append(camel(inst.id(), false)).append("() {\n")
                    .append("        return ").append(javaType.equals("int") ? "(int) " : "").append(code.java())
                    .append(";\n    }\n\n");
        }

        private void window() {
            String p = windowPrefix;
            out.append("    /** The buffer this view reads; never null. */\n");
            out.append("    public ByteView ").append(p.isEmpty() ? "buffer" : p + "Buffer").append("() {\n        return buf;\n    }\n\n");
            out.append("    /** Index in the buffer of this view's first byte. */\n");
            out.append("    public int ").append(p.isEmpty() ? "offset" : p + "Offset").append("() {\n        return offset;\n    }\n\n");
            out.append("    /** Bytes in this view's window. */\n");
            out.append("    public int ").append(p.isEmpty() ? "length" : p + "Length").append("() {\n        return length;\n    }\n");
            if (switched) {
                out.append("\n    /** True if integers are read big-endian (the grammar's {@code ")
                        .append(model.endianParam()).append("} parameter). */\n");
                out.append("    public boolean ").append(camel(model.endianParam(), false))
                        .append("() {\n        return bigEndian;\n    }\n");
            }
        }

        private void doc(String text, String fallback) {
            String t = text.isEmpty() ? fallback : javadoc(text);
            if (t != null) {
                javadocBlock(t);
            }
        }

        private void javadocBlock(String t) {
            out.append("    /**\n");
            for (String line : t.split("\n")) {
                out.append("     * ").append(line).append('\n');
            }
            out.append("     */\n");
        }
    }

    static String javadoc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;").strip();
    }
}
