/**
 * The handler SPI and the built-in handlers: routing, static files, uploads, DELETE, redirects and
 * error pages.
 *
 * <p>Empty until issues #3 and #4 fill it; the module exists now so that the layering is fixed from the start.
 */
package io.webserv.handlers;
