/**
 * Captured frames and where they come from: {@link dev.dissect.api.frame.FrameView},
 * {@link dev.dissect.api.frame.CaptureSource}, link types and capture interfaces.
 *
 * <p>A frame view is valid until its source moves on ({@link dev.dissect.api.frame.CaptureSource#next()}).
 *
 * @since 0.1
 */
package dev.dissect.api.frame;
