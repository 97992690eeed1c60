package dev.dissect.tls.cert;

/**
 * Refuses DER that bcprov's recursive parser should not see: too long, nested too deep, or not well-formed
 * tag-length-value at the top.
 *
 * <p><b>This is not an ASN.1 parser.</b> It reads tag and length octets only, with an explicit stack, so it cannot
 * overflow the Java stack however deep the input nests. bcprov's {@code ASN1InputStream} bounds lengths (its
 * {@code limit}) but recurses once per constructed level with no depth limit: 10,000 nested SEQUENCEs end in a
 * {@link StackOverflowError}. After this guard says yes, bcprov parses at most {@link #MAX_DEPTH} levels (or the
 * session's {@code x509.max_der_depth}, itself at most 256).
 *
 * <pre>
 * identifier  length            contents
 * +--------+  +---------------+ +------------------
 * | 30     |  | 82 03 54      | | (nested TLVs...)
 * +--------+  +---------------+ +------------------
 *  bit 6 = constructed; long form: 0x80 | number of length octets (at most 4 here); 0x80 alone (indefinite) is not DER
 * </pre>
 */
final class DerGuard {
    /** Deepest nesting accepted by default. Real certificates nest about 10 deep (a name in an extension in TBS). */
    static final int MAX_DEPTH = 32;
    /** Largest certificate accepted by default. Real ones are a few KiB; TLS 1.2 allows 16 MiB in a message. */
    static final int MAX_LENGTH = 64 * 1024;

    private DerGuard() {
    }

    /**
     * Checks {@code der[0, length)} holds exactly one TLV whose nested TLVs all fit and nest at most
     * {@link #MAX_DEPTH} deep.
     *
     * @return null if acceptable, else why not
     */
    static String check(byte[] der, int length) {
        return check(der, length, MAX_LENGTH, MAX_DEPTH);
    }

    /** {@link #check(byte[], int)} with other caps ({@code x509.max_der_size}, {@code x509.max_der_depth}). */
    static String check(byte[] der, int length, int maxLength, int maxDepth) {
        if (length > maxLength) {
            return "certificate of " + length + " bytes > limit of " + maxLength;
        }
        int[] ends = new int[maxDepth + 1];
        int depth = 0;
        ends[0] = length;
        int pos = 0;
        boolean first = true;
        while (true) {
            while (depth > 0 && pos == ends[depth]) {
                depth--;
            }
            if (pos == ends[depth]) {
                return first ? "empty" : null;
            }
            if (depth == 0 && !first) {
                return "trailing bytes after the certificate at offset " + pos;
            }
            first = false;
            int end = ends[depth];
            int tag = der[pos++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) { // high tag number: base-128 octets, last one has bit 8 clear
                int n = 0;
                while (pos < end && (der[pos++] & 0x80) != 0) {
                    if (++n > 4) {
                        return "tag number too long at offset " + pos;
                    }
                }
            }
            if (pos >= end) {
                return "truncated header at offset " + pos;
            }
            int first8 = der[pos++] & 0xFF;
            long len;
            if (first8 < 0x80) {
                len = first8;
            } else if (first8 == 0x80) {
                return "indefinite length (BER, not DER) at offset " + (pos - 1);
            } else {
                int n = first8 & 0x7F;
                if (n > 4 || pos + n > end) {
                    return "bad length octets at offset " + (pos - 1);
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (der[pos++] & 0xFF);
                }
            }
            if (pos + len > end) {
                return "length " + len + " at offset " + pos + " runs past its container (" + (end - pos) + " bytes)";
            }
            if ((tag & 0x20) != 0) {
                if (depth == maxDepth) {
                    return "nested deeper than " + maxDepth + " levels at offset " + pos;
                }
                ends[++depth] = (int) (pos + len);
            } else {
                pos += (int) len;
            }
        }
    }
}
