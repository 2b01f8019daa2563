/**
 * DELETE (SPEC §5): removes one file under the route's root, never a directory, never anything outside
 * the root.
 */
package io.webserv.handlers.delete;
