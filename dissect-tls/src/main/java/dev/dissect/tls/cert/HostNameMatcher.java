package dev.dissect.tls.cert;

import java.net.IDN;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Does a certificate name a host? RFC 6125 §6 as browsers apply it.
 *
 * <ul>
 *   <li><b>IP addresses</b> (a literal IPv4 or IPv6 reference) match subjectAltName iPAddress entries only, byte
 *       for byte; never a dNSName or the CN.
 *   <li><b>Names</b> match dNSName entries, case-insensitively, after the trailing dot is dropped and a U-label
 *       reference is turned into A-labels ({@link IDN#toASCII}).
 *   <li><b>A wildcard</b> is a left-most label that is exactly {@code *}; it stands for one whole, non-empty label.
 *       Partial-label wildcards ({@code f*.example.com}, {@code *x.example.com}), wildcards elsewhere, and wildcards
 *       with fewer than two labels after them ({@code *.com}) match nothing. A wildcard does not match an A-label
 *       ({@code *.example.com} does not match {@code xn--bcher-kva.example.com}: §6.4.3 says not to match inside
 *       internationalized labels); labels after the wildcard may be A-labels ({@code *.xn--bcher-kva.example}).
 *   <li><b>The subject CN</b> is looked at only if the certificate has no subjectAltName at all and the caller
 *       allows it (browsers do not).
 * </ul>
 *
 * @since 0.1
 */
public final class HostNameMatcher {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private HostNameMatcher() {
    }

    /**
     * Checks {@code host} against {@code leaf}.
     *
     * @param allowCommonName look at the CN when there is no subjectAltName
     * @return null if the leaf names the host, else why not
     */
    public static String mismatch(ParsedCertificate leaf, String host, boolean allowCommonName) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        InetAddress ip = ipLiteral(h);
        if (ip != null) {
            for (InetAddress a : leaf.ipAddresses()) {
                if (a.equals(ip)) {
                    return null;
                }
            }
            return "no subjectAltName iPAddress is " + h + " (present: " + leaf.ipAddresses() + ")";
        }
        String reference;
        try {
            reference = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "host name " + host + " is not a valid domain name";
        }
        List<String> presented = leaf.hasSubjectAltName() ? leaf.dnsNames()
                : allowCommonName ? leaf.commonNames() : List.of();
        for (String p : presented) {
            if (matches(p, reference)) {
                return null;
            }
        }
        if (!leaf.hasSubjectAltName() && !allowCommonName) {
            return "no subjectAltName, and the CN is not used for host names (RFC 6125 §6.4.4; browsers agree)";
        }
        return "none of " + presented + " matches " + reference;
    }

    /** True if the presented DNS name (from a certificate, maybe a wildcard) matches the reference host name. */
    public static boolean matches(String presented, String reference) {
        String p = stripDot(presented).toLowerCase(Locale.ROOT);
        String r = stripDot(reference).toLowerCase(Locale.ROOT);
        if (p.isEmpty() || r.isEmpty()) {
            return false;
        }
        if (!p.contains("*")) {
            return p.equals(r);
        }
        if (!p.startsWith("*.") || p.indexOf('*', 1) >= 0) {
            return false; // partial-label or non-left-most wildcard
        }
        String rest = p.substring(2);
        if (rest.indexOf('.') < 0) {
            return false; // *.com: at least two labels after the wildcard
        }
        int dot = r.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        String first = r.substring(0, dot);
        return !first.startsWith("xn--") && r.substring(dot + 1).equals(rest);
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** The address if {@code s} is an IPv4 dotted quad or an IPv6 literal (maybe in brackets), else null. */
    private static InetAddress ipLiteral(String s) {
        String t = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        if (IPV4.matcher(t).matches()) {
            for (String octet : t.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        } else if (!t.contains(":")) {
            return null;
        }
        try {
            return InetAddress.getByName(t); // a literal: no lookup happens
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }
}
