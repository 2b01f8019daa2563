package io.webserv.it.fleet;

/**
 * How one request of the load ended. Every kind but {@link #OK} is a failed request, as the client
 * saw it: the client never retries, so a failure the front end let through is counted here.
 */
enum Outcome {
    /** A 200 response, read whole. */
    OK,
    /** A complete response with another status (HAProxy's 502 or 503, say). */
    BAD_STATUS,
    /** The connection to the front end could not be opened. */
    CONNECT_FAILED,
    /** The request could not be written: the connection was already gone. */
    WRITE_FAILED,
    /** The connection ended (FIN) before the first byte of a response. */
    CLOSED_BEFORE_RESPONSE,
    /** The connection ended (FIN) in the middle of a response. */
    CLOSED_MID_RESPONSE,
    /** The connection was reset. */
    RESET,
    /** No response within the client's read timeout. */
    TIMEOUT,
    /** Bytes that are not an HTTP/1.1 response this client can read. */
    MALFORMED,
    /** Any other I/O error. */
    IO_ERROR
}
