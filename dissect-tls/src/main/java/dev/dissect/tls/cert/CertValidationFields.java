package dev.dissect.tls.cert;

import dev.dissect.api.dissection.Dissection;
import dev.dissect.api.field.FieldDef;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Our fields for a {@link ChainVerdict}; Wireshark has none. Documented in {@code docs/cert-validation.md}.
 *
 * <pre>
 * tls.cert_validation.verdict     valid | invalid | unknown
 * tls.cert_validation.trust       pass | warn | fail | unknown | skipped   (the worst of that kind's checks)
 * tls.cert_validation.validity    "
 * tls.cert_validation.hostname    "
 * tls.cert_validation.revocation  "
 * tls.cert_validation.usage       "
 * tls.cert_validation.algorithms  "
 * tls.cert_validation.message     one per check that did not pass or skip, ValidationCheck.toString():
 *                                 usage fail [0 CN=www.example.com]: extendedKeyUsage [...] lacks serverAuth
 * </pre>
 * All are text, with no position in the frame (a verdict is computed, not read).
 *
 * @since 0.1
 */
public final class CertValidationFields {
    public static final FieldDef VERDICT = FieldDef.string("tls.cert_validation.verdict", "Certificate validation verdict")
            .describedAs("Ours: valid, invalid or unknown, as a client would have decided at capture time");
    public static final FieldDef MESSAGE = FieldDef.string("tls.cert_validation.message", "Certificate validation finding")
            .describedAs("Ours: one per check that did not pass: kind, outcome, [chain index and subject]: why");
    private static final Map<CheckKind, FieldDef> BY_KIND = new EnumMap<>(CheckKind.class);

    static {
        for (CheckKind k : CheckKind.values()) {
            BY_KIND.put(k, FieldDef.string("tls.cert_validation." + k.fieldSuffix(), "Certificate " + k.fieldSuffix())
                    .describedAs("Ours: pass, warn, fail, unknown or skipped: the worst " + k.fieldSuffix() + " check"));
        }
    }

    public static final FieldDef TRUST = BY_KIND.get(CheckKind.TRUST);
    public static final FieldDef VALIDITY = BY_KIND.get(CheckKind.VALIDITY);
    public static final FieldDef HOSTNAME = BY_KIND.get(CheckKind.HOSTNAME);
    public static final FieldDef REVOCATION = BY_KIND.get(CheckKind.REVOCATION);
    public static final FieldDef USAGE = BY_KIND.get(CheckKind.USAGE);
    public static final FieldDef ALGORITHMS = BY_KIND.get(CheckKind.ALGORITHMS);

    private static final List<FieldDef> ALL = List.of(VERDICT, TRUST, VALIDITY, HOSTNAME, REVOCATION, USAGE,
            ALGORITHMS, MESSAGE);

    private CertValidationFields() {
    }

    /** Every field this class can emit. */
    public static List<FieldDef> fields() {
        return ALL;
    }

    /** The field for one kind of check. */
    public static FieldDef field(CheckKind kind) {
        return BY_KIND.get(kind);
    }

    /** Adds the verdict's fields to the current layer of {@code tree}. */
    public static void add(Dissection tree, ChainVerdict verdict) {
        tree.addString(VERDICT, null, 0, 0, verdict.verdict().text());
        for (CheckKind k : CheckKind.values()) {
            tree.addString(BY_KIND.get(k), null, 0, 0, verdict.outcome(k).text());
        }
        if (tree.records(MESSAGE)) {
            for (ValidationCheck c : verdict.checks()) {
                if (c.outcome() != Outcome.PASS && c.outcome() != Outcome.SKIPPED) {
                    tree.addString(MESSAGE, null, 0, 0, c.toString());
                }
            }
        }
    }
}
