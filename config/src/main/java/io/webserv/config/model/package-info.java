/**
 * The configuration as the server uses it: immutable records, defaults applied, sizes and durations
 * parsed, paths absolute, every route already merged with its server (SPEC §2). Built by
 * {@link io.webserv.config.ConfigLoader} from YAML, or directly in code (tests, embedding).
 *
 * <p>The records know nothing of YAML or of where a value came from; they are shared read-only by
 * every reactor thread, so every field is final and every collection is an unmodifiable copy.
 */
package io.webserv.config.model;
