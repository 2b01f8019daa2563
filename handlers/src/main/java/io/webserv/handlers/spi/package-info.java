/**
 * The service-provider interface for handler modules: a {@link io.webserv.handlers.spi.HandlerModule}
 * found by {@link java.util.ServiceLoader} and mounted on a route by {@code handler: NAME}, and what the
 * server offers it ({@link io.webserv.handlers.spi.ModuleContext}: its counters and whether it is
 * draining). See {@code docs/handler-modules.md}.
 */
package io.webserv.handlers.spi;
