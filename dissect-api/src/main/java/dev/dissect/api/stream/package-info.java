/**
 * The stream-dissector SPI: protocols carried over TCP, dissected from reassembled bytes.
 *
 * <p>The engine orders and reassembles each direction of a TCP connection and hands the bytes to a
 * {@link dev.dissect.api.stream.StreamDissector}, which consumes whole messages and asks for more when a message is
 * incomplete. Length-prefixed protocols extend {@link dev.dissect.api.stream.FramingStreamDissector} with a
 * {@link dev.dissect.api.stream.LengthPrefixFramer} and write only the dissection of one message.
 *
 * <p>Threading, buffer lifetime and malformed input follow {@link dev.dissect.api.spi the packet SPI's rules}; in
 * addition <b>a stream dissector keeps no per-flow state in its fields</b>: one instance serves every flow, and
 * per-flow state goes into {@link dev.dissect.api.stream.StreamContext#flowState}. The result of dissecting a
 * stream must not depend on how the stream was cut into segments (the testkit's
 * {@code StreamDissectorContract} checks this).
 *
 * @since 0.1
 */
package dev.dissect.api.stream;
