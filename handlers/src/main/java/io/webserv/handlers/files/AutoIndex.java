package io.webserv.handlers.files;

import io.webserv.config.model.RouteConfig;
import io.webserv.handlers.api.Response;
import io.webserv.handlers.api.ResponseBody;
import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.message.RequestHead;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The blocking half of a directory listing: reads the directory and hands the entries to
 * {@link AutoIndexPage}. What is listed is exactly what a click can reach:
 * <ul>
 *   <li>names starting with a dot are left out, as nginx does (they are still served when asked for
 *       by name: hiding is not access control);</li>
 *   <li>a symbolic link is listed as what it points to, and left out when that lies outside the root
 *       or does not exist (following it would be a 403 or a 404, and listing it would tell the
 *       client what exists outside the root);</li>
 *   <li>only directories and regular files: a FIFO or a device would only ever be a 404.</li>
 * </ul>
 * The page is built in memory, so it lists at most {@value #MAX_ENTRIES} entries, the first in page
 * order, and says how many more there are (nginx has no cap; a directory clients can upload into
 * needs one). The directory is read as a stream, never whole.
 */
final class AutoIndex {

    /** The most entries one listing shows: a page of about 1.5 MB with names of common length. */
    static final int MAX_ENTRIES = 10_000;

    private AutoIndex() {
    }

    /**
     * @param directory the real path of the listed directory, under {@code realRoot}
     * @throws IOException when the directory cannot be read (the caller maps it to 403, 404 or 500)
     */
    static FileReply listing(RequestHead request, RouteConfig route, Path directory, Path realRoot) throws IOException {
        FirstEntries entries = new FirstEntries(MAX_ENTRIES);
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (!name.startsWith(".")) {
                    entryOf(child, name, realRoot).ifPresent(entries::add);
                }
            }
        }
        String path = request.target().path();
        String html = AutoIndexPage.html(path, !path.equals(topOf(route)), entries.entries(), entries.omitted());
        HttpHeaders headers = new HttpHeaders(1).add(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
        ResponseBody body = new ResponseBody.Bytes(ByteBuffer.wrap(html.getBytes(StandardCharsets.UTF_8)));
        return new FileReply.Send(new Response(HttpStatus.OK, headers, body));
    }

    /**
     * The URL of the route's own top directory: no {@code ../} is offered there, since above it lies
     * another route (or nothing, at {@code /}).
     */
    static String topOf(RouteConfig route) {
        return route.path().endsWith("/") ? route.path() : route.path() + "/";
    }

    /** The entry for {@code child}, or empty when it is not to be listed (see the class comment). */
    private static Optional<AutoIndexPage.Entry> entryOf(Path child, String name, Path realRoot) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                Optional<Path> target = RealPaths.under(child, realRoot);
                if (target.isEmpty()) {
                    return Optional.empty();
                }
                attributes = Files.readAttributes(target.get(), BasicFileAttributes.class);
            }
            if (!attributes.isDirectory() && !attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new AutoIndexPage.Entry(name, attributes.isDirectory(), attributes.size(),
                    attributes.lastModifiedTime().toInstant()));
        } catch (IOException e) {
            return Optional.empty(); // gone since the directory was read, a dangling link, a loop: not listed
        }
    }
}
