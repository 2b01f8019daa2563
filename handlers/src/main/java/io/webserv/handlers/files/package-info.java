/**
 * Static files (SPEC §4): {@link io.webserv.handlers.files.StaticFileHandler} maps a request path onto a
 * file under the route's root ({@link io.webserv.handlers.files.FileLocator}), checks on a blocking
 * thread that the real file stays under the real root, and answers with validators, conditional
 * requests (RFC 9110 §13) and single byte ranges (RFC 9110 §14), the body going out zero-copy. The
 * header logic lives in small pure classes ({@link io.webserv.handlers.files.EntityTag},
 * {@link io.webserv.handlers.files.Conditionals}, {@link io.webserv.handlers.files.RangeHeader}) so it is
 * tested without files.
 */
package io.webserv.handlers.files;
