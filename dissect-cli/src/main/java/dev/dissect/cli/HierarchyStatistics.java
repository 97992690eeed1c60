package dev.dissect.cli;

import dev.dissect.api.dissection.Dissection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code -z io,phs}: protocol hierarchy statistics, as tshark prints them. Each frame's layers form a path
 * ({@code eth → ip → tcp}); every node counts the frames whose path passes through it and their bytes on the wire.
 * Children are listed in order of first appearance.
 *
 * <pre>
 * ===================================================================
 * Protocol Hierarchy Statistics
 * Filter:
 *
 * eth                                      frames:17 bytes:7998
 *   ip                                     frames:17 bytes:7998
 * ===================================================================
 * </pre>
 *
 * Like tshark, the {@code ethertype} pseudo-layer (in {@code frame.protocols} but not in the tree) is left out.
 */
final class HierarchyStatistics {
    private static final String RULE = "===================================================================";
    private static final int NAME_COLUMN = 41;
    private static final Set<String> HIDDEN = Set.of("ethertype");

    private final String filter;
    private final Node root = new Node("");

    private static final class Node {
        final String name;
        final List<Node> children = new ArrayList<>(2);
        long frames;
        long bytes;

        Node(String name) {
            this.name = name;
        }

        Node child(String name) {
            for (Node c : children) {
                if (c.name.equals(name)) {
                    return c;
                }
            }
            Node c = new Node(name);
            children.add(c);
            return c;
        }
    }

    /** @param filter the filter of {@code -z io,phs,FILTER}, or the empty string */
    HierarchyStatistics(String filter) {
        this.filter = filter;
    }

    void add(Dissection d) {
        Node n = root;
        long bytes = d.frame().originalLength();
        for (int l = 0; l < d.layerCount(); l++) {
            String name = d.layerProtocol(l).filterName();
            if (HIDDEN.contains(name) || d.layerNamesOnly(l)) {
                continue; // as tshark's tap: protocols whose items sit inside another's tree are not counted
            }
            n = n.child(name);
            n.frames++;
            n.bytes += bytes;
        }
    }

    void print(Appendable out) throws IOException {
        out.append('\n').append(RULE).append('\n').append("Protocol Hierarchy Statistics\n")
                .append("Filter: ").append(filter).append("\n\n");
        for (Node c : root.children) {
            print(out, c, 0);
        }
        out.append(RULE).append('\n');
    }

    private static void print(Appendable out, Node n, int depth) throws IOException {
        StringBuilder line = new StringBuilder();
        line.append("  ".repeat(depth)).append(n.name);
        do {
            line.append(' ');
        } while (line.length() < NAME_COLUMN);
        line.append("frames:").append(n.frames).append(" bytes:").append(n.bytes);
        out.append(line).append('\n');
        for (Node c : n.children) {
            print(out, c, depth + 1);
        }
    }
}
