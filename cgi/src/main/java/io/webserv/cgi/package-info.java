/**
 * CGI (RFC 3875) as a handler module: {@link io.webserv.cgi.CgiHandler} runs scripts,
 * {@link io.webserv.cgi.CgiDispatch} routes the requests that name one to it. The only package of the
 * server that starts processes.
 *
 * <p>The event loop never waits for a script: the script is found on the blocking executor, each run
 * has one thread per pipe (stdin, stdout, stderr), and output flows with credit-based backpressure, so
 * a slow client holds the script back instead of filling the server's memory. docs/cgi.md has the
 * pipeline, the timeouts and every way a run ends.
 */
package io.webserv.cgi;
