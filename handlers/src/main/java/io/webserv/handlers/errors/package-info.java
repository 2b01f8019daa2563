/** Error responses: the built-in page for every status, and the configured error pages of SPEC §2. */
package io.webserv.handlers.errors;
