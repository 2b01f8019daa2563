/**
 * What a proxy in front of the server says about the client: the PROXY protocol header (v1 text, v2
 * binary) that precedes the first request of a connection ({@link io.webserv.http.proxy.ProxyHeaderDecoder}),
 * and the {@code X-Forwarded-For} / {@code Forwarded} fields of each request, believed only from
 * trusted proxies ({@link io.webserv.http.proxy.TrustedProxies}). No I/O: bytes and header fields in,
 * addresses out.
 */
package io.webserv.http.proxy;
