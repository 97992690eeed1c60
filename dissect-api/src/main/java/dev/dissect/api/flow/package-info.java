/**
 * Identity of transport flows as plugins see it: {@link dev.dissect.api.flow.FlowKey}.
 *
 * @since 0.1
 */
package dev.dissect.api.flow;
