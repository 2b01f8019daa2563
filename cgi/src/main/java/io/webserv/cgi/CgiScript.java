package io.webserv.cgi;

import java.nio.file.Path;
import java.util.List;

/**
 * A script found for a request (RFC 3875 §3.3: the script part of the path, the rest is PATH_INFO).
 *
 * @param file        the script's real path (links resolved), a regular file under the route's root
 * @param scriptName  the request path up to and including the script, e.g. {@code /cgi-bin/env.py}
 * @param pathInfo    the decoded rest of the path, e.g. {@code /extra/path}; {@code ""} when none
 * @param interpreter the interpreter configured for the script's extension, {@code ""} to execute the file
 */
record CgiScript(Path file, String scriptName, String pathInfo, String interpreter) {

    /** The script runs in its own directory (SPEC §6). */
    Path directory() {
        return file.getParent();
    }

    /**
     * The interpreter and the script, or the script alone. Never the query string: RFC 3875 §4.4's
     * "search" arguments are what made php-cgi's CVE-2012-1823 possible.
     */
    List<String> command() {
        return interpreter.isEmpty() ? List.of(file.toString()) : List.of(interpreter, file.toString());
    }
}
