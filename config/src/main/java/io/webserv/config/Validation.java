package io.webserv.config;

/** How much {@link ConfigLoader} checks beyond what the file says. */
public enum Validation {
    /**
     * Syntax, keys, types and values: everything that can be told from the file alone. What a server
     * start needs: a root that vanishes later answers 404, as in nginx.
     */
    SCHEMA,
    /**
     * {@link #SCHEMA} plus the {@code -t} checks of SPEC §1: every {@code root} and {@code upload_dir}
     * is an existing directory (an upload directory also writable), every CGI interpreter is an
     * executable file, and no two servers claim the same listen address and server name.
     */
    FULL
}
