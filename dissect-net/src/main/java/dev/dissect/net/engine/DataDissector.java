package dev.dissect.net.engine;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.Protocol;
import dev.dissect.api.spi.DissectionContext;
import dev.dissect.api.spi.Dissector;

/** Bytes no dissector claims, shown as tshark's {@code data} layer. */
final class DataDissector implements Dissector {
    @Override
    public Protocol protocol() {
        return CoreFields.DATA;
    }

    @Override
    public void dissect(DissectionContext ctx, ByteView data, int offset, int length) {
        Dissection tree = ctx.tree();
        tree.beginLayer(CoreFields.DATA, offset, length);
        tree.addBytes(CoreFields.DATA_DATA, data, offset, length);
        tree.add(CoreFields.DATA_LEN, data, offset, length, length);
        tree.setUndissected(data, offset, length);
    }
}
