package dev.dissect.api.dissection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.field.Base;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

class DissectionTest {
    private static final Protocol P = new Protocol("p", "P", "P");
    private static final FieldDef A = FieldDef.uint("p.a", "A", 1, Base.DEC);
    private static final FieldDef B = FieldDef.uint("p.b", "B", 2, Base.HEX);
    private static final FieldDef S = FieldDef.string("p.s", "S");
    private final ByteView bytes = ByteView.of(new byte[] {1, 2, 3});

    private void fill(Dissection d) {
        d.reset(null);
        d.beginLayer(P, 0, 3);
        d.add(A, bytes, 0, 1, 1);
        d.add(B, bytes, 1, 2, 0x203);
        d.addString(S, bytes, 0, 3, "abc");
        d.add(A, bytes, 2, 1, 3);
    }

    @Test
    void recordsEverythingByDefault() {
        Dissection d = new Dissection();
        fill(d);
        assertEquals(4, d.fieldCount());
        assertEquals("0x0203", d.valueString(d.find(B, 0)));
        assertEquals("abc", d.valueString(d.find("p.s", 0)));
        assertEquals(3, d.find(A, 1));
        assertEquals("p", d.protocolsText().toString());
    }

    @Test
    void recordsOnlySelectedFields() {
        Dissection d = new Dissection();
        d.recordFields(List.of(A));
        fill(d);
        assertEquals(2, d.fieldCount());
        assertTrue(d.records(A));
        assertFalse(d.records(B));
        assertEquals(Dissection.NONE, d.find(S, 0));
        d.recordNoFields();
        fill(d);
        assertEquals(0, d.fieldCount());
        assertEquals(1, d.layerCount());
        assertFalse(d.recordsAnyField());
        d.recordAllFields();
        fill(d);
        assertEquals(4, d.fieldCount());
    }

    @Test
    void equalDefinitionsHaveDistinctIds() {
        FieldDef a2 = FieldDef.uint("p.a", "A", 1, Base.DEC);
        assertEquals(A, a2);
        assertTrue(A.id() != a2.id());
    }
}
