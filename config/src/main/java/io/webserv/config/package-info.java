/**
 * The YAML configuration of SPEC §2 bound into an immutable model, every error reported as
 * {@code file:line:column: message}.
 *
 * <p>Empty until issue #3 fills it; the module exists now so that the layering is fixed from the start.
 */
package io.webserv.config;
