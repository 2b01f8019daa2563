/**
 * CGI (RFC 3875) as a handler module: the environment, process management and the CGI handler.
 *
 * <p>Empty until issue #5 fills it; the module exists now so that the layering is fixed from the start.
 */
package io.webserv.cgi;
