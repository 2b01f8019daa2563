package io.webserv.config.internal;

/** A 1-based line and column in the configuration file. */
public record Location(int line, int column) {

    /** The start of the file: where problems of an empty document are reported. */
    public static final Location START = new Location(1, 1);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
