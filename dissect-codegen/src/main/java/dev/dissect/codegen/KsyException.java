package dev.dissect.codegen;

/**
 * A grammar the generator cannot turn into a flyweight: the message names the file, the attribute
 * (a path like {@code /types/tcp_option/seq/1/size}) and what is wrong or unsupported.
 */
public final class KsyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KsyException(String file, String attribute, String problem) {
        super(file + ": " + attribute + ": " + problem);
    }
}
