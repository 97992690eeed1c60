/**
 * What plugin authors and users see of dissect: byte views, frames, fields, diagnostics, the dissector SPI and the
 * stream SPI. No third-party dependency. Plugins {@code provides dev.dissect.api.spi.DissectorProvider with …};
 * the engine ({@code dissect-net}) finds them through {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
module dev.dissect.api {
    exports dev.dissect.api.buffer;
    exports dev.dissect.api.dissection;
    exports dev.dissect.api.field;
    exports dev.dissect.api.flow;
    exports dev.dissect.api.frame;
    exports dev.dissect.api.spi;
    exports dev.dissect.api.stream;

    uses dev.dissect.api.spi.DissectorProvider;
}
