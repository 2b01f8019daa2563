/**
 * The YAML configuration of SPEC §2 bound into the immutable {@link io.webserv.config.model model},
 * every error reported as {@code file:line:column: message}, all of them at once.
 *
 * <p>Entry point: {@link io.webserv.config.ConfigLoader}. How it works (in {@code internal}, which no
 * other module may use): Jackson's streaming YAML parser is read into a small tree whose every node
 * keeps its line and column; binders walk that tree against the schema, collect every problem with
 * its position and build the records; with {@link io.webserv.config.Validation#FULL} the
 * {@code -t} checks then look at the file system. Jackson never appears in this API.
 */
package io.webserv.config;
