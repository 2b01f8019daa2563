/**
 * How the file becomes the model; not API (only the config module may use it).
 *
 * <pre>
 *   text ──YamlReader──▶ Node tree (every node with its Location)
 *        ──ConfigBinder / ServerBinder──▶ WebservConfig + FilesystemChecks   (Problems collects errors)
 *        ──ConfigValidator (Validation.FULL only)──▶ more Problems
 * </pre>
 *
 * Jackson is used by {@link io.webserv.config.internal.YamlReader} alone.
 */
package io.webserv.config.internal;
