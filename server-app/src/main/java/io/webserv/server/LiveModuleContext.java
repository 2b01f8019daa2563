package io.webserv.server;

import io.webserv.handlers.spi.ModuleContext;
import io.webserv.handlers.spi.ServerState;
import io.webserv.handlers.spi.ServerStatistics;

/** What the handler modules of one {@link WebServer} see: its live counters and its drain flag. */
record LiveModuleContext(ServerStatistics statistics, ServerState state) implements ModuleContext {
}
