package io.webserv.http.multipart;

/** What one call of {@link MultipartParser#parse} found. */
public enum MultipartEvent {
    /** Every byte of the input was consumed without completing anything; feed more. */
    NEED_MORE_INPUT,
    /** A part's header block is complete: {@link MultipartParser#part()} describes it. */
    PART_HEADERS,
    /** A piece of the current part's content: {@link MultipartParser#content()}, never empty. */
    PART_CONTENT,
    /** The current part's content is complete and its closing delimiter line is valid. */
    PART_END,
    /** The close delimiter was read; the rest of the input is epilogue and is discarded. Terminal. */
    END,
    /** The body breaks RFC 2046 / RFC 7578 or a limit: {@link MultipartParser#error()} says how. Terminal. */
    ERROR
}
