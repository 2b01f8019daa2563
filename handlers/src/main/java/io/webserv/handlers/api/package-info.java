/**
 * The handler SPI: what a handler module sees of one request and how it answers. The server
 * (server-app) implements {@link io.webserv.handlers.api.Exchange} over the reactor; handlers never see
 * sockets or the event loop, only an {@link java.util.concurrent.Executor} to come back to it.
 */
package io.webserv.handlers.api;
