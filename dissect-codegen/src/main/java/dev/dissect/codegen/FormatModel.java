package dev.dissect.codegen;

import java.util.List;
import java.util.Map;

/**
 * The generator's intermediate representation of one {@code .ksy} file: what the emitter needs, nothing of YAML.
 *
 * @param fileName the grammar's file name, e.g. {@code ipv4.ksy}
 * @param id {@code meta/id}
 * @param byteOrder the default byte order of every type in the file
 * @param endianParam name of the boolean parameter that switches the byte order, or null
 * @param types the top-level type first, then the nested types in file order
 * @param enums {@code enums}: name to (value to constant name), in file order
 */
public record FormatModel(String fileName, String id, ByteOrder byteOrder, String endianParam,
                          List<TypeModel> types, Map<String, Map<Long, String>> enums) {

    /** The byte order of integers: fixed, or chosen when a view is wrapped. */
    public enum ByteOrder { BIG, LITTLE, SWITCHED }

    /** One type: the top-level one or an entry of {@code types}. */
    public record TypeModel(String id, String doc, String docRef, List<FieldModel> seq, List<InstanceModel> instances) {
    }

    /** What a {@code seq} entry holds. */
    public enum Kind {
        /** An integer {@code u1..u8}, {@code s1..s8}. */
        INT,
        /** A big-endian bit field {@code bN}, part of a byte-aligned run. */
        BITS,
        /** Bytes (raw, a user type, a switch or a repeat) exposed as a region. */
        REGION
    }

    /**
     * One {@code seq} entry.
     *
     * @param width bytes of an INT; bits of BITS; 0 for a REGION
     * @param signed for INT
     * @param order for INT: this field's byte order (the file default unless the type names one)
     * @param size for a REGION: the size expression, or null when {@code size-eos}
     * @param contents for a REGION with fixed {@code contents}, else null
     * @param condition the {@code if} expression or null
     */
    public record FieldModel(String id, Kind kind, int width, boolean signed, ByteOrder order, Expr size,
                             byte[] contents, Expr condition, String doc) {
        public boolean sizeEos() {
            return kind == Kind.REGION && size == null && contents == null;
        }
    }

    /** A {@code value} instance. */
    public record InstanceModel(String id, Expr value, String doc) {
    }
}
