package dev.dissect.tls.cert;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostNameMatcherTest {
    @Test
    void exactNamesIgnoreCaseAndTrailingDot() {
        assertTrue(HostNameMatcher.matches("www.example.com", "WWW.Example.COM."));
        assertFalse(HostNameMatcher.matches("www.example.com", "example.com"));
    }

    @Test
    void wildcardIsOneWholeLeftMostLabel() {
        assertTrue(HostNameMatcher.matches("*.example.com", "a.example.com"));
        assertFalse(HostNameMatcher.matches("*.example.com", "a.b.example.com"));
        assertFalse(HostNameMatcher.matches("*.example.com", "example.com"));
        assertFalse(HostNameMatcher.matches("*.example.com", ".example.com"));
        assertFalse(HostNameMatcher.matches("www.*.example.com", "www.a.example.com"));
        assertFalse(HostNameMatcher.matches("*.*.example.com", "a.b.example.com"));
    }

    @Test
    void noPartialLabelWildcards() {
        assertFalse(HostNameMatcher.matches("f*.example.com", "foo.example.com"));
        assertFalse(HostNameMatcher.matches("*o.example.com", "foo.example.com"));
        assertFalse(HostNameMatcher.matches("f*o.example.com", "foo.example.com"));
    }

    @Test
    void noWildcardForTopLevelDomains() {
        assertFalse(HostNameMatcher.matches("*.com", "example.com"));
        assertFalse(HostNameMatcher.matches("*", "localhost"));
    }

    @Test
    void wildcardsAndIdnALabels() {
        // The wildcard does not stand for an A-label...
        assertFalse(HostNameMatcher.matches("*.example.com", "xn--bcher-kva.example.com"));
        // ...nor is it allowed inside one...
        assertFalse(HostNameMatcher.matches("xn--*.example.com", "xn--bcher-kva.example.com"));
        // ...but labels after it may be A-labels.
        assertTrue(HostNameMatcher.matches("*.xn--bcher-kva.example", "www.xn--bcher-kva.example"));
        assertFalse(HostNameMatcher.matches("*.xn--bcher-kva.example", "xn--caf-dma.xn--bcher-kva.example"));
        assertTrue(HostNameMatcher.matches("xn--bcher-kva.example", "XN--BCHER-KVA.example"));
    }
}
