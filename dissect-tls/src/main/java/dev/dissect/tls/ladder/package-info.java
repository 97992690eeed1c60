/**
 * The connection ladder: the DNS lookup, the TCP handshake, the TLS handshake, application data and teardown of a
 * connection as one sequence diagram, built from a capture in one pass ({@link dev.dissect.tls.ladder.LadderBuilder})
 * and drawn as text ({@link dev.dissect.tls.ladder.LadderText}) or SVG ({@link dev.dissect.tls.ladder.LadderSvg}).
 *
 * @since 0.1
 */
package dev.dissect.tls.ladder;
