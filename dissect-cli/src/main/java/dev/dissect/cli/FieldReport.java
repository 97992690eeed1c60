package dev.dissect.cli;

import dev.dissect.api.field.Base;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.FieldType;
import dev.dissect.api.field.Protocol;
import dev.dissect.net.engine.DissectorRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -G fields} and {@code -G protocols} in tshark's column layout. Fields:
 * {@code F, title, name, FT_ type, protocol, BASE_ display, bitmask, description}, each protocol's fields after
 * its {@code P, title, name} line. We keep no bitmasks, so that column is always {@code 0x0}.
 */
final class FieldReport {
    private FieldReport() {
    }

    static void fields(DissectorRegistry registry, Appendable out) throws IOException {
        Map<String, List<FieldDef>> byProtocol = new LinkedHashMap<>();
        for (String p : registry.protocols().keySet()) {
            byProtocol.put(p, new ArrayList<>());
        }
        List<FieldDef> orphans = new ArrayList<>();
        for (FieldDef f : registry.fields().values()) {
            String owner = owner(registry, f.name());
            (owner != null ? byProtocol.get(owner) : orphans).add(f);
        }
        for (Map.Entry<String, List<FieldDef>> e : byProtocol.entrySet()) {
            Protocol p = registry.protocols().get(e.getKey());
            out.append("P\t").append(p.title()).append('\t').append(p.filterName()).append('\n');
            for (FieldDef f : e.getValue()) {
                field(f, p.filterName(), out);
            }
        }
        for (FieldDef f : orphans) {
            field(f, f.protocolName(), out);
        }
    }

    static void protocols(DissectorRegistry registry, Appendable out) throws IOException {
        for (Protocol p : registry.protocols().values()) {
            out.append(p.title()).append('\t').append(p.shortName()).append('\t').append(p.filterName())
                    .append('\n');
        }
    }

    /** The longest protocol name that is the field's name or a dotted prefix of it. */
    private static String owner(DissectorRegistry registry, String field) {
        String best = null;
        for (String p : registry.protocols().keySet()) {
            if ((field.equals(p) || field.startsWith(p + ".")) && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best;
    }

    private static void field(FieldDef f, String protocol, Appendable out) throws IOException {
        out.append("F\t").append(f.title()).append('\t').append(f.name()).append('\t').append(typeName(f))
                .append('\t').append(protocol).append('\t').append(baseName(f)).append("\t0x0\t")
                .append(f.description()).append('\n');
    }

    static String typeName(FieldDef f) {
        return switch (f.type()) {
            case UINT -> "FT_UINT" + 8 * Math.max(1, f.width());
            case INT -> "FT_INT" + 8 * Math.max(1, f.width());
            case BOOLEAN -> "FT_BOOLEAN";
            case ETHER -> "FT_ETHER";
            case IPV4 -> "FT_IPv4";
            case IPV6 -> "FT_IPv6";
            case BYTES -> "FT_BYTES";
            case STRING -> "FT_STRING";
            case ABSOLUTE_TIME -> "FT_ABSOLUTE_TIME";
            case RELATIVE_TIME -> "FT_RELATIVE_TIME";
            case FRAMENUM -> "FT_FRAMENUM";
            case NONE -> "FT_NONE";
        };
    }

    private static String baseName(FieldDef f) {
        if (f.base() == Base.DEC) {
            return "BASE_DEC";
        }
        if (f.base() == Base.HEX) {
            return "BASE_HEX";
        }
        return f.type() == FieldType.BOOLEAN ? "BASE_NONE" : "";
    }
}
