package dev.dissect.cli;

import dev.dissect.api.dissection.Dissection;

/** Questions about what a layer of a dissection holds, shared by the tree and JSON printers. */
final class LayerContents {
    private LayerContents() {
    }

    /**
     * True if the layer has neither fields nor diagnostics: a pseudo-layer like {@code ethertype}, which is in
     * {@code frame.protocols} but which tshark shows neither in {@code -V} nor in JSON.
     */
    static boolean isEmpty(Dissection d, int layer) {
        for (int i = 0; i < d.fieldCount(); i++) {
            if (d.fieldLayer(i) == layer) {
                return false;
            }
        }
        for (int i = 0; i < d.diagnosticCount(); i++) {
            if (d.diagnosticLayer(i) == layer) {
                return false;
            }
        }
        return true;
    }
}
