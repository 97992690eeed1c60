/**
 * The example plugin as a JPMS module: it needs the API alone and offers its provider as a service, which the
 * engine finds with {@link java.util.ServiceLoader} on the module path as on the class path (the
 * {@code META-INF/services} file serves class-path users).
 */
module dev.dissect.example.ssp {
    requires dev.dissect.api;

    provides dev.dissect.api.spi.DissectorProvider with dev.dissect.example.ssp.SspProvider;
}
