package io.webserv.handlers.files;

import io.webserv.config.model.RouteConfig;
import io.webserv.handlers.api.ResponseBody;
import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.message.RequestHead;
import io.webserv.http.message.RequestTarget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * The blocking half of {@link StaticFileHandler}: from the located path to a reply. Follows symbolic
 * links and then requires the real path to stay under the real root, so a link can never expose a byte
 * outside it; handles directories (redirect to the slash form, index files); hands regular files to
 * {@link FileResponder}; lists a directory without an index when autoindex is on ({@link AutoIndex}).
 * Every file system call of a static request happens here, off the event loop.
 */
final class StaticFileResolver {

    private static final FileReply FORBIDDEN = FileReply.error(HttpStatus.FORBIDDEN);

    private final MimeTypes mimeTypes;
    private final FileCache cache;

    StaticFileResolver(MimeTypes mimeTypes, FileCache cache) {
        this.mimeTypes = mimeTypes;
        this.cache = cache;
    }

    /**
     * @param file the path {@link FileLocator} gave for the request, lexically under the route's root
     */
    FileReply resolve(RequestHead request, RouteConfig route, Path file) {
        FileReply reply = resolveOnDisk(request, route, file);
        cache.dropIfStale(route, request.target().path());
        return reply;
    }

    private FileReply resolveOnDisk(RequestHead request, RouteConfig route, Path file) {
        Path root = route.root();
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            return FileReply.error(RealPaths.rootFailureStatus(e, root));
        }
        try {
            Optional<Path> inside = RealPaths.under(file, realRoot);
            if (inside.isEmpty()) {
                return FORBIDDEN;
            }
            Path real = inside.get();
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                return directory(request, route, real, realRoot);
            }
            return file(request, route, real, attributes, mimeTypes.forPath(real));
        } catch (IOException e) {
            return FileReply.error(RealPaths.failureStatus(e, file, root, realRoot));
        }
    }

    private FileReply directory(RequestHead request, RouteConfig route, Path directory, Path realRoot) throws IOException {
        if (!request.target().path().endsWith("/")) {
            HttpHeaders location = new HttpHeaders(1).add(HeaderNames.LOCATION, slashLocation(request.target()));
            return new FileReply.ErrorPage(HttpStatus.MOVED_PERMANENTLY, location);
        }
        for (String name : route.index()) {
            Path real;
            try {
                real = directory.resolve(name).toRealPath();
            } catch (NoSuchFileException e) {
                continue;
            }
            if (!real.startsWith(realRoot)) {
                return FORBIDDEN;
            }
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            if (!attributes.isDirectory()) {
                return file(request, route, real, attributes, mimeTypes.forFileName(name));
            }
        }
        // No index file: the listing when the route asks for it (SPEC §4), else 403.
        return route.autoindex() ? AutoIndex.listing(request, route, directory, realRoot) : FORBIDDEN;
    }

    /**
     * A regular file: a small one is read into {@link FileCache} (under the request's path, which stands
     * for the whole resolution) and answered from memory; a larger one is sent from a descriptor the
     * cache shares ({@link #sharedDescriptor}); the others (a FIFO, a device, no cache) from disk.
     */
    private FileReply file(RequestHead request, RouteConfig route, Path real, BasicFileAttributes attributes,
                           String contentType) throws IOException {
        if (!attributes.isRegularFile()) {
            return FileResponder.respondFromDisk(request, real, attributes, contentType);
        }
        FileFacts facts = FileFacts.of(attributes.size(), attributes.lastModifiedTime().toMillis(), contentType);
        String path = request.target().path();
        if (cache.accepts(attributes.size())) {
            Optional<InMemoryContent> content = unchangedContent(route, path, facts, attributes.fileKey())
                    instanceof InMemoryContent kept
                    ? Optional.of(kept) // renewed without reading it again
                    : readWhole(real, attributes.size()).map(InMemoryContent::new);
            if (content.isPresent()) {
                CachedFile cached = cache.entry(facts, attributes.fileKey(), content.get());
                cache.store(route, path, cached);
                return FileResponder.respond(request, facts, cached::body);
            }
        } else if (cache.keepsDescriptors()) {
            // Opened only when a body is sent: a 304 or a 416 never opens the file, as from disk.
            return FileResponder.respond(request, facts,
                    (position, count) -> sharedDescriptor(route, path, real, facts, attributes.fileKey(), position, count));
        }
        return FileResponder.respondFromDisk(request, real, attributes, contentType);
    }

    /**
     * A region of {@code real} from the descriptor the cache keeps for {@code path}, renewed for another
     * second when it is still the same file (identity, length and modification time), else from a new
     * descriptor, which the cache keeps when it has room.
     */
    private ResponseBody sharedDescriptor(RouteConfig route, String path, Path real, FileFacts facts, Object identity,
                                          long position, long count) throws IOException {
        SharedFile shared;
        if (unchangedContent(route, path, facts, identity) instanceof SharedFile kept && kept.acquire()) {
            shared = kept; // the share just taken is the renewed entry's
        } else {
            // The link check on the last component closes the gap between checking the real path and opening it.
            shared = new SharedFile(FileChannel.open(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        }
        ResponseBody body = shared.body(position, count); // the response's share, taken before the entry may be dropped
        cache.store(route, path, cache.entry(facts, identity, shared));
        return body;
    }

    /**
     * The content the cache keeps for {@code path} (valid or stale) when it is still the same file —
     * identity, length and modification time — else null.
     */
    private CachedContent unchangedContent(RouteConfig route, String path, FileFacts facts, Object identity) {
        CachedFile known = cache.peek(route, path);
        boolean same = known != null && known.facts().length() == facts.length()
                && known.facts().modifiedMillis() == facts.modifiedMillis() && Objects.equals(known.identity(), identity);
        return same ? known.content() : null;
    }

    /** The file's bytes, or empty when its size is no longer {@code length} (it is being written). */
    private static Optional<byte[]> readWhole(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer content = ByteBuffer.allocate((int) length);
            while (content.hasRemaining() && channel.read(content) >= 0) {
                // read until full or end of file
            }
            boolean same = !content.hasRemaining() && channel.read(ByteBuffer.allocate(1)) < 0;
            return same ? Optional.of(content.array()) : Optional.empty();
        }
    }

    /**
     * The request's own path, as sent (so its percent-encoding survives), plus a slash and the query.
     * Leading slashes and backslashes are folded into one, or {@code //evil.example/} would send the
     * client to another host.
     */
    static String slashLocation(RequestTarget target) {
        String raw = target.rawPath();
        int start = 0;
        while (start < raw.length() && (raw.charAt(start) == '/' || raw.charAt(start) == '\\')) {
            start++;
        }
        String location = "/" + raw.substring(start) + "/";
        return target.rawQuery() == null ? location : location + "?" + target.rawQuery();
    }
}
