package io.webserv.handlers.files;

import io.webserv.handlers.basic.Html;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The HTML of a directory listing (SPEC §4), as a pure function of the entries so it is tested without
 * files: directories first, then files, each group sorted by name; every name HTML-escaped where it is
 * shown and percent-encoded where it is linked, so that {@code a b&<c>.txt} or names holding {@code #},
 * {@code ?}, {@code %} or {@code :} lead to themselves; sizes in exact bytes and times in UTC, as
 * nginx shows them by default.
 */
public final class AutoIndexPage {

    /**
     * One listed name.
     *
     * @param name      the file name, without any slash
     * @param directory whether it is a directory (shown and linked with a trailing slash)
     * @param size      its size in bytes (not shown for a directory)
     * @param modified  its modification time
     */
    public record Entry(String name, boolean directory, long size, Instant modified) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    /** Page order: directories first, then files, each group by name. */
    static final Comparator<Entry> ORDER = Comparator.comparing((Entry e) -> !e.directory()).thenComparing(Entry::name);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private AutoIndexPage() {
    }

    /**
     * @param path       the decoded request path of the directory, ending with {@code /}
     * @param parentLink whether to offer {@code ../}
     * @param entries    the entries, in any order
     * @return the listing as an HTML document: directories first, then files, each sorted by name,
     *     every name escaped
     */
    public static String html(String path, boolean parentLink, List<Entry> entries) {
        return html(path, parentLink, entries, 0);
    }

    /**
     * Renders a listing that may have been cut short.
     *
     * @param path       the decoded request path of the directory, ending with {@code /}
     * @param parentLink whether to offer {@code ../}
     * @param entries    the entries shown, in any order
     * @param omitted    how many entries were left out of a long listing (said at the end of the page)
     * @return the listing as an HTML document, as {@link #html(String, boolean, List)} makes it
     */
    public static String html(String path, boolean parentLink, List<Entry> entries, long omitted) {
        String title = "Index of " + Html.escape(path);
        StringBuilder out = new StringBuilder(256 + entries.size() * 160);
        out.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(title).append("</title></head>\n")
                .append("<body><h1>").append(title).append("</h1><hr>\n<table>\n")
                .append("<tr><th>Name</th><th>Size</th><th>Last modified (UTC)</th></tr>\n");
        if (parentLink) {
            out.append("<tr><td><a href=\"../\">../</a></td><td></td><td></td></tr>\n");
        }
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(ORDER);
        for (Entry entry : sorted) {
            String slash = entry.directory() ? "/" : "";
            out.append("<tr><td><a href=\"").append(encode(entry.name())).append(slash).append("\">")
                    .append(Html.escape(entry.name())).append(slash).append("</a></td><td>")
                    .append(entry.directory() ? "-" : Long.toString(entry.size())).append("</td><td>")
                    .append(TIME.format(entry.modified())).append("</td></tr>\n");
        }
        out.append("</table>\n");
        if (omitted > 0) {
            out.append("<p>").append(omitted).append(omitted == 1 ? " more entry" : " more entries")
                    .append(" not listed.</p>\n");
        }
        return out.append("<hr></body></html>\n").toString();
    }

    /**
     * A name as one relative path segment: every UTF-8 byte but the unreserved ones (RFC 3986 §2.3)
     * percent-encoded. Encoding {@code :} too keeps {@code a:b} from reading as a URI scheme; the result
     * needs no HTML escaping.
     */
    static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
