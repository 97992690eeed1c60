/**
 * Wireshark display filters over dissections: {@link dev.dissect.net.filter.DisplayFilter#compile} turns
 * {@code "tcp.port in {80, 443} and ip.addr == 10.0.0.0/8"} into a predicate that tests a
 * {@link dev.dissect.api.dissection.Dissection} without allocating.
 *
 * <p>Inside: {@code FilterLexer} (words, strings, operators) → {@code FilterParser} (recursive descent, literals
 * typed by the field through {@code LiteralParser}) → a tree of {@code Node}s whose comparisons walk a field's
 * occurrences ({@code Operand}) and test each with a {@code Predicate}.
 */
package dev.dissect.net.filter;
