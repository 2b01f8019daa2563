/**
 * Dispatch: a listening address's servers, chosen by {@code Host} (the first listed is the default),
 * then a route by longest prefix on segment boundaries (SPEC §2).
 */
package io.webserv.handlers.routing;
