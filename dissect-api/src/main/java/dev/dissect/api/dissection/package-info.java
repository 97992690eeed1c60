/**
 * The record of one dissected frame ({@link dev.dissect.api.dissection.Dissection}): layers, fields,
 * diagnostics, the summary columns; and how values print ({@link dev.dissect.api.dissection.FieldFormat}).
 *
 * <p>Dissectors write into it through {@code ctx.tree()}; users and printers read it after
 * {@code engine.dissect(frame, dissection)} returns. One object per thread, reused for every frame.
 *
 * @since 0.1
 */
package dev.dissect.api.dissection;
