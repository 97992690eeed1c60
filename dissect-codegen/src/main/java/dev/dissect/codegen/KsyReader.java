package dev.dissect.codegen;

import dev.dissect.codegen.FormatModel.ByteOrder;
import dev.dissect.codegen.FormatModel.FieldModel;
import dev.dissect.codegen.FormatModel.InstanceModel;
import dev.dissect.codegen.FormatModel.Kind;
import dev.dissect.codegen.FormatModel.TypeModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads one {@code .ksy} file with SnakeYAML and checks it against the supported subset (see the module's
 * README), building a {@link FormatModel}. <b>Anything outside the subset is an error naming the file and the
 * attribute</b>, never silently ignored. It reads YAML only; it does not use the Kaitai compiler.
 */
public final class KsyReader {
    private static final Pattern INT_TYPE = Pattern.compile("([us])([1248])(be|le)?");
    private static final Pattern BIT_TYPE = Pattern.compile("b([1-9][0-9]?)(be)?");
    private static final Set<String> META_KEYS =
            Set.of("id", "title", "endian", "bit-endian", "license", "ks-version", "file-extension", "xref",
                    "application", "tags");
    private static final Set<String> TYPE_KEYS = Set.of("meta", "doc", "doc-ref", "seq", "instances", "types", "enums",
            "params");
    private static final Set<String> FIELD_KEYS =
            Set.of("id", "type", "size", "size-eos", "contents", "if", "doc", "doc-ref", "repeat", "enum");

    private final String file;

    private KsyReader(String file) {
        this.file = file;
    }

    /** Reads and checks {@code path}. */
    public static FormatModel read(Path path) throws IOException {
        return parse(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
    }

    /** Parses the text of a grammar; {@code fileName} is used in messages and generated headers. */
    public static FormatModel parse(String fileName, String yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return new KsyReader(fileName).format(map(root, "/", fileName));
    }

    private FormatModel format(Map<String, Object> root) {
        Map<String, Object> meta = map(root.get("meta"), "/meta", file);
        checkKeys(meta, META_KEYS, "/meta");
        String id = string(meta.get("id"), "/meta/id");
        Object bitEndian = meta.get("bit-endian");
        if (bitEndian != null && !"be".equals(bitEndian)) {
            throw fail("/meta/bit-endian", "only big-endian bit fields are supported, not '" + bitEndian + "'");
        }
        ByteOrder order = ByteOrder.BIG;
        String endianParam = null;
        Object endian = meta.get("endian");
        if ("le".equals(endian)) {
            order = ByteOrder.LITTLE;
        } else if (endian instanceof Map<?, ?> switched) {
            endianParam = endianSwitch(switched, root);
            order = ByteOrder.SWITCHED;
        } else if (endian != null && !"be".equals(endian)) {
            throw fail("/meta/endian", "expected be, le or a switch-on, not '" + endian + "'");
        }
        if (root.containsKey("params") && endianParam == null) {
            throw fail("/params", "params are supported only as the switch of meta/endian");
        }
        List<TypeModel> types = new ArrayList<>();
        Map<String, Map<Long, String>> enums = new LinkedHashMap<>();
        collectType(id, root, "", order, types, enums, Set.of("meta", "params"));
        return new FormatModel(file, id, order, endianParam, List.copyOf(types), enums);
    }

    /** Accepts {@code switch-on: <bool param>} with cases true/false; returns the parameter's id. */
    private String endianSwitch(Map<?, ?> switched, Map<String, Object> root) {
        Object on = switched.get("switch-on");
        Map<String, Object> cases = map(switched.get("cases"), "/meta/endian/cases", file);
        List<?> params = root.get("params") instanceof List<?> l ? l : List.of();
        boolean isBoolParam = params.size() == 1 && params.get(0) instanceof Map<?, ?> p
                && on != null && on.equals(p.get("id")) && "bool".equals(p.get("type"));
        if (!isBoolParam || !"be".equals(cases.get("true")) || !"le".equals(cases.get("false"))
                || cases.size() != 2) {
            throw fail("/meta/endian/switch-on", "only a switch on one bool parameter (params: - id: X, type: bool)"
                    + " with cases true: be and false: le is supported; the reader decides the order and wraps the"
                    + " view with it");
        }
        return (String) on;
    }

    private void collectType(String id, Map<String, Object> type, String path, ByteOrder order, List<TypeModel> out,
                             Map<String, Map<Long, String>> enums, Set<String> extraKeys) {
        for (String key : type.keySet()) {
            if (!TYPE_KEYS.contains(key) || key.equals("meta") || key.equals("params")) {
                if (!extraKeys.contains(key)) {
                    throw fail(path + "/" + key, "unsupported in a type (supported: doc, doc-ref, seq, instances,"
                            + " types, enums)");
                }
            }
        }
        List<FieldModel> seq = new ArrayList<>();
        List<?> fields = type.get("seq") instanceof List<?> l ? l : List.of();
        for (int i = 0; i < fields.size(); i++) {
            seq.add(field(map(fields.get(i), path + "/seq/" + i, file), path + "/seq/" + i, order, type));
        }
        checkBitRuns(seq, path);
        List<InstanceModel> instances = new ArrayList<>();
        Map<String, Object> inst = type.containsKey("instances") ? map(type.get("instances"), path + "/instances", file)
                : Map.of();
        for (Map.Entry<String, Object> e : inst.entrySet()) {
            String at = path + "/instances/" + e.getKey();
            Map<String, Object> body = map(e.getValue(), at, file);
            checkKeys(body, Set.of("value", "doc", "doc-ref"), at);
            if (!body.containsKey("value")) {
                throw fail(at, "only value instances are supported");
            }
            instances.add(new InstanceModel(e.getKey(), expr(body.get("value"), at + "/value"), doc(body)));
        }
        out.add(new TypeModel(id, doc(type), docRef(type.get("doc-ref")), List.copyOf(seq), List.copyOf(instances)));
        if (type.containsKey("enums")) {
            Map<String, Object> all = map(type.get("enums"), path + "/enums", file);
            for (Map.Entry<String, Object> e : all.entrySet()) {
                Map<Long, String> values = new LinkedHashMap<>();
                for (Map.Entry<?, ?> v : ((Map<?, ?>) e.getValue()).entrySet()) {
                    Object name = v.getValue() instanceof Map<?, ?> m ? m.get("id") : v.getValue();
                    values.put(((Number) v.getKey()).longValue(), String.valueOf(name));
                }
                enums.put(e.getKey(), values);
            }
        }
        if (type.containsKey("types")) {
            Map<String, Object> nested = map(type.get("types"), path + "/types", file);
            for (Map.Entry<String, Object> e : nested.entrySet()) {
                String at = path + "/types/" + e.getKey();
                Map<String, Object> body = map(e.getValue(), at, file);
                if (body.containsKey("meta")) {
                    throw fail(at + "/meta", "nested types inherit the file's meta; their own is unsupported");
                }
                collectType(e.getKey(), body, at, order, out, enums, Set.of());
            }
        }
    }

    private FieldModel field(Map<String, Object> f, String at, ByteOrder order, Map<String, Object> owner) {
        checkKeys(f, FIELD_KEYS, at);
        String id = string(f.get("id"), at + "/id");
        Expr condition = f.containsKey("if") ? expr(f.get("if"), at + "/if") : null;
        Object type = f.get("type");
        Object repeat = f.get("repeat");
        if (repeat != null && !"eos".equals(repeat)) {
            throw fail(at + "/repeat", "only repeat: eos is supported, not '" + repeat + "'");
        }
        if (f.containsKey("contents")) {
            return new FieldModel(id, Kind.REGION, 0, false, order, null, contents(f.get("contents"), at + "/contents"),
                    condition, doc(f));
        }
        if (type instanceof String name && repeat == null) {
            Matcher m = INT_TYPE.matcher(name);
            if (m.matches()) {
                noSize(f, at);
                ByteOrder own = m.group(3) == null ? order : m.group(3).equals("be") ? ByteOrder.BIG : ByteOrder.LITTLE;
                return new FieldModel(id, Kind.INT, Integer.parseInt(m.group(2)), m.group(1).equals("s"), own, null,
                        null, condition, doc(f));
            }
            Matcher b = BIT_TYPE.matcher(name);
            if (b.matches()) {
                noSize(f, at);
                int bits = Integer.parseInt(b.group(1));
                if (bits > 64 || condition != null) {
                    throw fail(at + "/type", "bit fields must be at most 64 bits and unconditional");
                }
                return new FieldModel(id, Kind.BITS, bits, false, order, null, null, null, doc(f));
            }
            if (!isUserType(name)) {
                throw fail(at + "/type", "unsupported type '" + name + "' (supported: u1..u8, s1..s8 with optional"
                        + " be/le, bN, user types with size)");
            }
        }
        if (type != null && !(type instanceof String) && !(type instanceof Map<?, ?> sw && sw.containsKey("switch-on"))) {
            throw fail(at + "/type", "unsupported type " + type);
        }
        if (f.containsKey("size")) {
            return new FieldModel(id, Kind.REGION, 0, false, order, expr(f.get("size"), at + "/size"), null, condition,
                    doc(f));
        }
        if (Boolean.TRUE.equals(f.get("size-eos")) || "eos".equals(repeat) && type != null) {
            return new FieldModel(id, Kind.REGION, 0, false, order, null, null, condition, doc(f));
        }
        throw fail(at, type == null ? "a byte field needs size, size-eos or contents"
                : "type '" + type + "' needs size or size-eos (user types are exposed as regions)");
    }

    private boolean isUserType(String name) {
        return name.matches("[a-z][a-z0-9_]*") && !name.equals("str") && !name.equals("strz")
                && !name.matches("f[48](be|le)?");
    }

    private void noSize(Map<String, Object> f, String at) {
        if (f.containsKey("size") || f.containsKey("size-eos")) {
            throw fail(at + "/size", "size on an integer type is unsupported");
        }
    }

    private void checkBitRuns(List<FieldModel> seq, String path) {
        int bits = 0;
        for (int i = 0; i < seq.size(); i++) {
            FieldModel f = seq.get(i);
            if (f.kind() == Kind.BITS) {
                bits += f.width();
            } else if (bits % 8 != 0) {
                throw fail(path + "/seq/" + i, "bit fields before '" + f.id() + "' end unaligned (" + bits
                        + " bits); runs must end on a byte boundary");
            } else {
                bits = 0;
            }
            if (bits > 64) {
                throw fail(path + "/seq/" + i, "a run of bit fields longer than 64 bits is unsupported");
            }
        }
        if (bits % 8 != 0) {
            throw fail(path + "/seq", "the last bit fields end unaligned (" + bits + " bits)");
        }
    }

    private byte[] contents(Object value, String at) {
        if (value instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof List<?> list) {
            byte[] out = new byte[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Integer n) || n < 0 || n > 255) {
                    throw fail(at + "/" + i, "contents must be bytes 0..255 or a string");
                }
                out[i] = (byte) (int) n;
            }
            return out;
        }
        throw fail(at, "contents must be a list of bytes or a string");
    }

    private Expr expr(Object value, String at) {
        if (value instanceof Number n) {
            return new Expr.Num(n.longValue());
        }
        if (value instanceof Boolean b) {
            return new Expr.Bool(b);
        }
        try {
            return ExprParser.parse(string(value, at));
        } catch (IllegalArgumentException e) {
            throw fail(at, e.getMessage());
        }
    }

    private static String doc(Map<String, Object> node) {
        Object doc = node.get("doc");
        return doc == null ? "" : doc.toString().strip();
    }

    private static String docRef(Object ref) {
        if (ref instanceof List<?> list) {
            return String.join("; ", list.stream().map(String::valueOf).toList());
        }
        return ref == null ? "" : ref.toString().strip();
    }

    private void checkKeys(Map<String, Object> node, Set<String> allowed, String at) {
        for (String key : node.keySet()) {
            if (!allowed.contains(key)) {
                throw fail(at + "/" + key, "unsupported attribute (supported here: " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private String string(Object value, String at) {
        if (!(value instanceof String s)) {
            throw fail(at, "expected a string, found " + value);
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String at, String file) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new KsyException(file, at, "expected a mapping");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private KsyException fail(String attribute, String problem) {
        return new KsyException(file, attribute, problem);
    }
}
