/**
 * The small HTTP message model shared by the parser, the serializer and the handlers: methods,
 * versions, statuses with reason phrases, case-insensitive multi-valued headers, the parsed request
 * head and its request-target, and query parameters.
 */
package io.webserv.http.message;
