package dev.dissect.hostile;

import static dev.dissect.hostile.CaptureFiles.*;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Damaged pcap and pcapng files, each with the behaviour the readers promise for it: how many frames come out
 * before the damage, and the one error (its offset and what it says) or none. Written by a seeded generator;
 * nothing binary is committed.
 */
final class ReaderCases {
    /** What reading a case must give. {@code errorOffset} is -1 when the file reads to its end. */
    record Expect(int frames, long errorOffset, String errorText) {
        static Expect clean(int frames) {
            return new Expect(frames, -1, null);
        }

        static Expect error(int frames, long offset, String text) {
            return new Expect(frames, offset, text);
        }
    }

    record Case(String name, byte[] bytes, Expect expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final long SEED = 0x5EED_D155_EC7L;
    private static final int PCAP_HEADER = 24;
    private static final int RECORD_HEADER = 16;

    private ReaderCases() {
    }

    static List<Case> all() {
        List<Case> out = new ArrayList<>();
        out.addAll(pcapCases());
        out.addAll(pcapngCases());
        return out;
    }

    /** Offset of record {@code i} in a pcap file of {@link Frames#small} frames. */
    private static long pcapRecordAt(int i) {
        return PCAP_HEADER + (long) i * (RECORD_HEADER + Frames.small(0).length);
    }

    private static Bytes threeGood(long snaplen) {
        Bytes f = pcapHeader(snaplen);
        for (int i = 0; i < 3; i++) {
            pcapRecord(f, 1_700_000_000L + i, 0, Frames.small(i));
        }
        return f;
    }

    static List<Case> pcapCases() {
        List<Case> out = new ArrayList<>();
        out.add(new Case("pcap-snaplen-0", threeGood(0).build(), Expect.clean(3)));
        out.add(new Case("pcap-snaplen-4GiB", threeGood(0xFFFF_FFFFL).build(), Expect.clean(3)));
        byte[] small = Frames.small(9);

        Bytes pastEnd = threeGood(65_535);
        pcapRecord(pastEnd, 1, 0, 1_000, 1_000, small);
        out.add(new Case("pcap-caplen-past-eof", pastEnd.build(),
                Expect.error(3, pcapRecordAt(3), "file ends in the middle of a record")));

        Bytes huge = threeGood(65_535);
        pcapRecord(huge, 1, 0, 0xFFFF_FFFFL, 0xFFFF_FFFFL, small);
        out.add(new Case("pcap-caplen-ffffffff", huge.build(),
                Expect.error(3, pcapRecordAt(3), "implausible captured length 4294967295")));

        Bytes bigSnap = threeGood(0xFFFF_FFFFL);
        pcapRecord(bigSnap, 1, 0, 0xFFFF_FFFFL, 60, small);
        out.add(new Case("pcap-snaplen-4GiB-caplen-ffffffff", bigSnap.build(),
                Expect.error(3, pcapRecordAt(3), "implausible captured length 4294967295")));

        Bytes shortOrig = pcapHeader(65_535);
        pcapRecord(shortOrig, 1, 0, small.length, 20, small);
        out.add(new Case("pcap-origlen-below-caplen", shortOrig.build(), Expect.clean(1)));

        byte[] three = threeGood(65_535).build();
        out.add(new Case("pcap-truncated-record-header",
                Bytes.concat(three, new byte[] {1, 2, 3, 4, 5, 6, 7}),
                Expect.error(3, pcapRecordAt(3), "file ends in the middle of a record header")));
        out.add(new Case("pcap-truncated-record-data", Bytes.cut(three, three.length - 5),
                Expect.error(2, pcapRecordAt(2), "file ends in the middle of a record")));
        out.add(new Case("pcap-truncated-file-header", Bytes.cut(three, 10),
                Expect.error(0, 0, "file ends in the middle of the pcap file header")));
        byte[] wrongMagic = three.clone();
        wrongMagic[0] = 0x42;
        out.add(new Case("pcap-wrong-magic", wrongMagic, Expect.error(0, 0, "not a pcap or pcapng capture")));
        out.add(new Case("empty-file", new byte[0], Expect.error(0, 0, "not a capture: 0 bytes")));

        Bytes fractions = pcapHeader(65_535);
        pcapRecord(fractions, 10, 1_500_000, small);
        pcapRecord(fractions, 10, 0xFFFF_FFFFL, small);
        out.add(new Case("pcap-timestamp-fraction-out-of-range", fractions.build(), Expect.clean(2)));

        // Seeded garbage after a good header: every outcome is a frame or the one error, never anything else.
        Random random = new Random(SEED);
        for (int i = 0; i < 4; i++) {
            byte[] garbage = new byte[64 + random.nextInt(4_000)];
            random.nextBytes(garbage);
            out.add(new Case("pcap-garbage-" + i, Bytes.concat(pcapHeader(65_535).build(), garbage), null));
        }
        return out;
    }

    static List<Case> pcapngCases() {
        List<Case> out = new ArrayList<>();
        byte[] data = Frames.small(1);
        // SHB 28 bytes, IDB 20 bytes, then an EPB of 32 + padded data.
        int shb = 28;
        int idb = 20;
        int epb = 32 + (data.length + 3) / 4 * 4;
        long afterOne = shb + idb + epb;

        Pcapng base = pcapng().idb(LINKTYPE_ETHERNET, 0).epb(0, 1, data);
        out.add(new Case("pcapng-length-not-multiple-of-4",
                Bytes.concat(base.build(), blockWithLength(EPB, 33, 33)),
                Expect.error(1, afterOne, "bad block length 33")));
        out.add(new Case("pcapng-length-too-small",
                Bytes.concat(base.build(), blockWithLength(EPB, 8, 8)),
                Expect.error(1, afterOne, "bad block length 8")));
        out.add(new Case("pcapng-length-below-type-minimum",
                Bytes.concat(base.build(), blockWithLength(EPB, 16, 16)),
                Expect.error(1, afterOne, "needs at least 32")));
        out.add(new Case("pcapng-length-4GiB",
                Bytes.concat(base.build(), blockWithLength(EPB, 0xFFFF_FFFCL, 0xFFFF_FFFCL)),
                Expect.error(1, afterOne, "implausible block length 4294967292")));
        out.add(new Case("pcapng-trailer-mismatch",
                Bytes.concat(base.build(), blockWithLength(EPB, epb, epb + 4)),
                Expect.error(1, afterOne, "differs from its trailing copy")));
        out.add(new Case("pcapng-block-past-eof",
                Bytes.concat(base.build(), Bytes.cut(blockWithLength(EPB, epb, epb), 40)),
                Expect.error(1, afterOne, "file ends in the middle of a block")));
        out.add(new Case("pcapng-block-header-cut",
                Bytes.concat(base.build(), new byte[] {6, 0, 0}),
                Expect.error(1, afterOne, "file ends in the middle of a block header")));

        Pcapng undeclared = pcapng().idb(LINKTYPE_ETHERNET, 0).epb(0, 1, data).epb(5, 2, data);
        out.add(new Case("pcapng-undeclared-interface", undeclared.build(),
                Expect.error(1, afterOne, "refers to interface 5, but its section declares 1")));
        Pcapng noInterface = pcapng().epb(0, 1, data);
        out.add(new Case("pcapng-packet-before-any-interface", noInterface.build(),
                Expect.error(0, shb, "refers to interface 0, but its section declares 0")));

        Pcapng odd = pcapng();
        odd.idb(LINKTYPE_ETHERNET, 0, odd.option(9, new byte[] {(byte) 0x83})).epb(0, 8 * 5 + 4, data);
        odd.idb(LINKTYPE_ETHERNET, 0, odd.option(9, new byte[] {0x12})).epb(1, 3_000_000_000_000_000_000L, data);
        out.add(new Case("pcapng-odd-tsresol", odd.build(), Expect.clean(2)));
        Pcapng unsupported = pcapng();
        unsupported.idb(LINKTYPE_ETHERNET, 0, unsupported.option(9, new byte[] {0x40}));
        out.add(new Case("pcapng-tsresol-10^-64", unsupported.build(),
                Expect.error(0, shb, "unsupported if_tsresol 0x40")));
        Pcapng emptyTsresol = pcapng();
        emptyTsresol.idb(LINKTYPE_ETHERNET, 0, emptyTsresol.option(9, new byte[0]));
        out.add(new Case("pcapng-tsresol-empty", emptyTsresol.build(),
                Expect.error(0, shb, "option 9 has length 0, needs 1")));

        Pcapng optionPast = pcapng();
        optionPast.idb(LINKTYPE_ETHERNET, 0, optionPast.optionClaiming(2, 400, new byte[] {'e', 't', 'h', '0'}));
        out.add(new Case("pcapng-option-length-past-block", optionPast.build(),
                Expect.error(0, shb, "option 2 of length 400 overruns its block")));

        out.add(new Case("pcapng-major-version-2",
                new Pcapng(ByteOrder.LITTLE_ENDIAN).shb(ByteOrder.LITTLE_ENDIAN, 2).idb(1, 0).build(),
                Expect.error(0, 0, "unsupported pcapng version 2.0")));
        out.add(new Case("pcapng-later-section-version-2",
                Bytes.concat(base.build(), new Pcapng(ByteOrder.BIG_ENDIAN).shb(ByteOrder.BIG_ENDIAN, 2).build()),
                Expect.error(1, afterOne, "unsupported pcapng version 2.0")));

        Pcapng many = pcapng();
        for (int i = 0; i < 10_000; i++) {
            many.idb(LINKTYPE_ETHERNET, 0);
        }
        many.epb(9_999, 1, data).epb(0, 2, data);
        out.add(new Case("pcapng-10000-interfaces", many.build(), Expect.clean(2)));

        Pcapng switches = new Pcapng(ByteOrder.LITTLE_ENDIAN);
        ByteOrder[] orders = {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN,
            ByteOrder.BIG_ENDIAN};
        for (ByteOrder o : orders) {
            switches.shb(o, 1).idb(LINKTYPE_ETHERNET, 0).epb(0, 1, data);
        }
        out.add(new Case("pcapng-byte-order-switches", switches.build(), Expect.clean(4)));

        byte[] badMagic = new Pcapng(ByteOrder.LITTLE_ENDIAN).shb().build();
        badMagic[8] = 0x77;
        out.add(new Case("pcapng-later-section-bad-byte-order-magic", Bytes.concat(base.build(), badMagic),
                Expect.error(1, afterOne, "bad byte-order magic")));

        Random random = new Random(SEED + 1);
        for (int i = 0; i < 4; i++) {
            byte[] garbage = new byte[64 + random.nextInt(4_000)];
            random.nextBytes(garbage);
            out.add(new Case("pcapng-garbage-" + i, Bytes.concat(base.build(), garbage), null));
        }
        return out;
    }

    /** An Enhanced Packet Block on interface 0 whose length fields say {@code length} and {@code trailer}. */
    private static byte[] blockWithLength(int type, long length, long trailer) {
        Pcapng p = new Pcapng(ByteOrder.LITTLE_ENDIAN);
        byte[] data = Frames.small(2);
        byte[] body = p.epbBody(0, 1, data.length, data.length, data);
        return p.rawBlock(type, length, body, trailer).build();
    }
}
