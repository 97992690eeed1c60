package dev.dissect.tls.http;

import dev.dissect.net.engine.Limit;

/**
 * The HTTP dissector's caps, set with {@code Limits.with} or the CLI's {@code -o NAME:VALUE} (docs/limits.md); read
 * when a flow's first HTTP bytes arrive.
 *
 * @since 0.1
 */
public final class HttpLimits {
    /** Longest request or status line plus headers; a longer head stops the direction ({@code http.head_too_long}). */
    public static final Limit MAX_HEAD_SIZE = Limit.of("http.max_head_size",
            "bytes of one HTTP message head", HttpDissector.MAX_HEAD, 64, 1 << 24);

    /** Header lines recorded per message; more are reported ({@code http.too_many_headers}). */
    public static final Limit MAX_HEADER_LINES = Limit.of("http.max_header_lines",
            "header lines recorded per HTTP message", HttpDissector.MAX_HEADER_LINES, 0, 4_096);

    /** Largest body reassembled; a larger one is skipped as it arrives ({@code http.body_not_reassembled}). */
    public static final Limit MAX_BODY_SIZE = Limit.of("http.max_body_size",
            "bytes of one HTTP body reassembled", HttpDissector.MAX_BODY, 0, Integer.MAX_VALUE);

    /** Requests remembered per flow until their responses come; the oldest is forgotten. */
    public static final Limit MAX_PENDING_REQUESTS = Limit.of("http.max_pending_requests",
            "HTTP requests per flow waiting for their responses", HttpDissector.MAX_PENDING_REQUESTS, 1, 1 << 16);

    private HttpLimits() {
    }
}
