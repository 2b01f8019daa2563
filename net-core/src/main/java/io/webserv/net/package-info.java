/**
 * The reactor: event loops that each own one {@link java.nio.channels.Selector} and drive non-blocking
 * sockets by readiness only, with deadlines, cross-thread tasks and a buffer pool, behind a small
 * protocol SPI ({@link io.webserv.net.ConnectionHandler} sees bytes in; {@link io.webserv.net.Endpoint}
 * takes bytes out). Knows nothing of HTTP: its tests carry a line-echo protocol.
 *
 * <p>Start with {@link io.webserv.net.Reactor}: bind addresses with a handler factory, start, stop.
 */
package io.webserv.net;
