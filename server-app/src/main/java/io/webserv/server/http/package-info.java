/**
 * HTTP/1.1 over the reactor: {@link io.webserv.server.http.HttpConnection} joins a net-core connection,
 * the codec's parser and serializer, and the handlers; {@link io.webserv.server.http.HttpExchange} is
 * the handlers' view of one request.
 */
package io.webserv.server.http;
