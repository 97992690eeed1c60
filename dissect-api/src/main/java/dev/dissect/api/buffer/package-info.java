/**
 * Read-only, bounds-checked windows on bytes: {@link dev.dissect.api.buffer.ByteView}.
 *
 * <p>Views do not own bytes. Whoever wraps a view says how long its bytes stay valid: for the views handed to a
 * dissector, only during the call (see {@link dev.dissect.api.spi the SPI's ownership rules}).
 *
 * @since 0.1
 */
package dev.dissect.api.buffer;
