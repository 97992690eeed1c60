package dev.dissect.tls.cert;

import java.util.List;

/**
 * What {@link CertificateValidator} decided about one chain: a verdict, and every check that led to it.
 *
 * @param verdict the answer
 * @param checks  at least one check of every {@link CheckKind}, in the order made; never null
 * @param path    the certification path built, leaf first and trust anchor last (partial when none was found)
 * @since 0.1
 */
public record ChainVerdict(Verdict verdict, List<ValidationCheck> checks, List<ParsedCertificate> path) {
    public ChainVerdict {
        checks = List.copyOf(checks);
        path = List.copyOf(path);
    }

    /** The worst outcome among the checks of {@code kind}, or {@link Outcome#SKIPPED} if there are none. */
    public Outcome outcome(CheckKind kind) {
        Outcome worst = Outcome.SKIPPED;
        for (ValidationCheck c : checks) {
            if (c.kind() == kind) {
                worst = worst.worse(c.outcome());
            }
        }
        return worst;
    }

    /** The checks of {@code kind}. */
    public List<ValidationCheck> checks(CheckKind kind) {
        return checks.stream().filter(c -> c.kind() == kind).toList();
    }
}
