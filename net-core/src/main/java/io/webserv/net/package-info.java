/**
 * The reactor: event loops that each own one {@link java.nio.channels.Selector}, accept and drive
 * non-blocking sockets, timers and a buffer pool, behind a small protocol SPI. Knows nothing of HTTP.
 *
 * <p>Empty until issue #3 fills it; the module exists now so that the layering is fixed from the start.
 */
package io.webserv.net;
