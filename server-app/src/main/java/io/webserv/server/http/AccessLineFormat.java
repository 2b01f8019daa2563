package io.webserv.server.http;

/** Turns what is known of one response into its access-log line (without the line end). */
interface AccessLineFormat {

    String format(AccessEntry entry);

    /** The format {@code access_log.format} names. */
    static AccessLineFormat of(io.webserv.config.model.AccessLog.Format format) {
        return switch (format) {
            case COMBINED -> new CombinedLine();
            case JSON -> new JsonLine();
        };
    }
}
