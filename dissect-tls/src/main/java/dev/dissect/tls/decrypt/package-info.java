/**
 * TLS decryption: key sources ({@link dev.dissect.tls.decrypt.KeyLog}, {@link dev.dissect.tls.decrypt.ServerRsaKey},
 * gathered per capture in a {@link dev.dissect.tls.decrypt.TlsKeyring}), key schedules
 * ({@link dev.dissect.tls.decrypt.Prf}, {@link dev.dissect.tls.decrypt.Tls12KeySchedule},
 * {@link dev.dissect.tls.decrypt.Tls13KeySchedule}), record protection
 * ({@link dev.dissect.tls.decrypt.RecordDecryptor}), Finished verification
 * ({@link dev.dissect.tls.decrypt.FinishedVerifyData} over a {@link dev.dissect.tls.decrypt.TranscriptHash}), and
 * {@link dev.dissect.tls.decrypt.TlsSession}, which ties them together for one connection and is what the TLS
 * stream dissector calls.
 */
package dev.dissect.tls.decrypt;
