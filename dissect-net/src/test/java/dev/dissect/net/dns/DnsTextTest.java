package dev.dissect.net.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Name text as tshark 4.0.17 prints it. Each row is a one-label query name {@code x<bytes>y} on port 53; the
 * expected string is tshark's {@code dns.qry.name} for it, copied from {@code tshark -T fields}.
 */
class DnsTextTest {
    private static final String[][] TSHARK = {
            {"c080", "x\\u0000y"},
            {"c1bf", "x\\u007Fy"},
            {"c2", "x\ufffdy"},
            {"c3a9", "x\u00e9y"},
            {"e08080", "x\\u0000y"},
            {"e09fbf", "x\u07ffy"},
            {"e0a080", "x\u0800y"},
            {"eda080", "x\ufffdy"},
            {"edbf64", "x\ufffddy"},
            {"ed9fbf", "x\\uD7FFy"},
            {"f08f8080", "x\uf000y"},
            {"f0908080", "x\uD800\uDC00y"},
            {"f4908080", "x\ufffdy"},
            {"f48f8080", "x\uDBFC\uDC00y"},
            {"f5808080", "x\ufffdy"},
            {"f880808080", "x\\u0000y"},
            {"fc8080808080", "x\\u0000y"},
            {"fe", "x\ufffdy"},
            {"ff", "x\ufffdy"},
            {"e282", "x\ufffdy"},
            {"e282ac", "x\u20acy"},
            {"80", "x\ufffdy"},
            {"bf80", "x\ufffd\ufffdy"},
            {"f09f98", "x\ufffdy"},
            {"f09f9880", "x\uD83D\uDE00y"},
            {"c285", "x\\u0085y"},
            {"c2a0", "x\u00a0y"},
            {"e2808b", "x\\u200By"},
            {"efbfbf", "x\\uFFFFy"},
            {"f3a08081", "x\\U000E0001y"},
            {"f48fbfbf", "x\\U0010FFFFy"},
            {"cdb8", "x\\u0378y"},
            {"e280a8", "x\u2028y"},
            {"c087", "x\\u0007y"},
            {"f888808080", "x\ufffdy"},
            {"f7bfbfbf", "x\ufffdy"},
            {"c0af", "x/y"},
            {"efbbbf", "x\\uFEFFy"},
            {"ee8080", "x\ue000y"},
            {"5c", "x\\y"},
            {"7f", "x\\177y"},
            {"0a", "x\\ny"},
    };

    @Test
    void namesRenderAsTsharkPrintsThem() {
        for (String[] row : TSHARK) {
            byte[] middle = HexFormat.of().parseHex(row[0]);
            byte[] label = new byte[middle.length + 2];
            label[0] = 'x';
            System.arraycopy(middle, 0, label, 1, middle.length);
            label[label.length - 1] = 'y';
            StringBuilder out = new StringBuilder();
            DnsText.appendFormatted(out, label, 0, label.length);
            assertEquals(row[1], out.toString(), row[0]);
        }
    }
}
