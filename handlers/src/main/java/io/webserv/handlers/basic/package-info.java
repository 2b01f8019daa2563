/** Small built-in handlers and the wrappers every route chain starts with. */
package io.webserv.handlers.basic;
