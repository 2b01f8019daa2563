/**
 * Uploads (SPEC §5): {@link io.webserv.handlers.upload.UploadHandler} stores POST and PUT bodies in a
 * route's {@code upload_dir}, multipart file parts and plain bodies alike, streamed to a temporary file
 * on the blocking executor with the request body paused while a write is in flight, and published under
 * a sanitised name only when complete; a failed upload leaves nothing behind. The naming rules
 * ({@code FileNames}) and the publishing step ({@code Placement}) are small classes of their own,
 * tested on real files.
 */
package io.webserv.handlers.upload;
