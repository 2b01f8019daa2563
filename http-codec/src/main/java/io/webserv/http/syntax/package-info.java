/** Character classes and date formats of RFC 9110 / 9112, shared by the parser and the serializer. */
package io.webserv.http.syntax;
