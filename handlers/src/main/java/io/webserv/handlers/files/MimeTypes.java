package io.webserv.handlers.files;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * File extension → {@code Content-Type} (SPEC §4): a built-in table of the types a web site commonly
 * serves, with the configuration's {@code mime_types} added on top (they win). Text types carry
 * {@code charset=utf-8} so browsers do not guess. Anything unknown is {@value #DEFAULT_TYPE}, which
 * makes browsers download rather than sniff and render it.
 */
public final class MimeTypes {

    /** The type of a file whose extension is unknown. */
    public static final String DEFAULT_TYPE = "application/octet-stream";

    private static final String UTF_8 = "; charset=utf-8";

    private static final Map<String, String> BUILT_IN = Map.ofEntries(
            // text
            Map.entry("html", "text/html" + UTF_8),
            Map.entry("htm", "text/html" + UTF_8),
            Map.entry("shtml", "text/html" + UTF_8),
            Map.entry("css", "text/css" + UTF_8),
            Map.entry("js", "text/javascript" + UTF_8),
            Map.entry("mjs", "text/javascript" + UTF_8),
            Map.entry("cjs", "text/javascript" + UTF_8),
            Map.entry("txt", "text/plain" + UTF_8),
            Map.entry("text", "text/plain" + UTF_8),
            Map.entry("log", "text/plain" + UTF_8),
            Map.entry("csv", "text/csv" + UTF_8),
            Map.entry("tsv", "text/tab-separated-values" + UTF_8),
            Map.entry("md", "text/markdown" + UTF_8),
            Map.entry("markdown", "text/markdown" + UTF_8),
            Map.entry("ics", "text/calendar" + UTF_8),
            Map.entry("vcf", "text/vcard" + UTF_8),
            // structured data: these media types define their own encoding (RFC 8259, 7303, 9512)
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("jsonld", "application/ld+json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("xml", "application/xml"),
            Map.entry("xsl", "application/xslt+xml"),
            Map.entry("rss", "application/rss+xml"),
            Map.entry("atom", "application/atom+xml"),
            Map.entry("yaml", "application/yaml"),
            Map.entry("yml", "application/yaml"),
            Map.entry("toml", "application/toml"),
            Map.entry("wasm", "application/wasm"),
            // images
            Map.entry("svg", "image/svg+xml"),
            Map.entry("svgz", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("apng", "image/apng"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("jfif", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("jxl", "image/jxl"),
            Map.entry("heic", "image/heic"),
            Map.entry("heif", "image/heif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("cur", "image/x-icon"),
            Map.entry("bmp", "image/bmp"),
            Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"),
            // fonts
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("eot", "application/vnd.ms-fontobject"),
            // audio
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("wav", "audio/wav"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("oga", "audio/ogg"),
            Map.entry("opus", "audio/ogg"),
            Map.entry("weba", "audio/webm"),
            Map.entry("m4a", "audio/mp4"),
            Map.entry("aac", "audio/aac"),
            Map.entry("flac", "audio/flac"),
            Map.entry("mid", "audio/midi"),
            Map.entry("midi", "audio/midi"),
            // video
            Map.entry("mp4", "video/mp4"),
            Map.entry("m4v", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("ogv", "video/ogg"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("avi", "video/x-msvideo"),
            Map.entry("mkv", "video/x-matroska"),
            Map.entry("mpeg", "video/mpeg"),
            Map.entry("mpg", "video/mpeg"),
            Map.entry("3gp", "video/3gpp"),
            Map.entry("m3u8", "application/vnd.apple.mpegurl"),
            // documents
            Map.entry("pdf", "application/pdf"),
            Map.entry("rtf", "application/rtf"),
            Map.entry("epub", "application/epub+zip"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("odp", "application/vnd.oasis.opendocument.presentation"),
            // archives
            Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"),
            Map.entry("tgz", "application/gzip"),
            Map.entry("tar", "application/x-tar"),
            Map.entry("bz2", "application/x-bzip2"),
            Map.entry("xz", "application/x-xz"),
            Map.entry("zst", "application/zstd"),
            Map.entry("7z", "application/x-7z-compressed"),
            Map.entry("rar", "application/vnd.rar"),
            Map.entry("jar", "application/java-archive"));

    private final Map<String, String> types;

    /**
     * @param overrides extension (without the dot, any case) → media type, from
     *                  {@code WebservConfig.mimeTypes()}; added to the built-in table, winning over it
     */
    public MimeTypes(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(BUILT_IN);
        overrides.forEach((extension, type) -> merged.put(normalise(extension), type));
        this.types = Map.copyOf(merged);
    }

    /** {@return the built-in table alone, without any configured type} */
    public static MimeTypes builtIn() {
        return new MimeTypes(Map.of());
    }

    /**
     * Looks up the type of a file name by its last extension, case-insensitively.
     *
     * @param fileName a file name, e.g. {@code report.PDF}
     * @return the {@code Content-Type} value, {@value #DEFAULT_TYPE} when the extension is unknown or missing
     */
    public String forFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return DEFAULT_TYPE;
        }
        return types.getOrDefault(normalise(fileName.substring(dot + 1)), DEFAULT_TYPE);
    }

    /**
     * Looks up the type of a file by its name.
     *
     * @param file a path; only its last element counts
     * @return the {@code Content-Type} value, {@value #DEFAULT_TYPE} when unknown
     */
    public String forPath(Path file) {
        Path name = file.getFileName();
        return name == null ? DEFAULT_TYPE : forFileName(name.toString());
    }

    /** Lower case without a leading dot: a config that writes {@code .wasm} means {@code wasm}. */
    private static String normalise(String extension) {
        String e = extension.startsWith(".") ? extension.substring(1) : extension;
        return e.toLowerCase(Locale.ROOT);
    }
}
