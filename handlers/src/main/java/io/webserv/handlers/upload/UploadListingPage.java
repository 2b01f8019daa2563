package io.webserv.handlers.upload;

import io.webserv.handlers.api.Response;
import io.webserv.handlers.basic.Html;
import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HttpStatus;

import java.util.List;

/**
 * The answer to a successful upload (SPEC §5): 201 Created with the {@code Location} of the first
 * stored file, or 200 when a PUT replaced a file, and a short HTML page that links every stored file.
 * Names come from clients, so they are escaped, and links are percent-encoded.
 */
final class UploadListingPage {

    private UploadListingPage() {
    }

    /** 201 for files that did not exist before; {@code files} is not empty. */
    static Response created(List<StoredFile> files) {
        Response page = Response.text(HttpStatus.CREATED, "text/html; charset=utf-8", html("Stored", files));
        page.headers().set(HeaderNames.LOCATION, files.get(0).uri());
        return page;
    }

    /** 200 for a file a PUT replaced. */
    static Response replaced(StoredFile file) {
        return Response.text(HttpStatus.OK, "text/html; charset=utf-8", html("Replaced", List.of(file)));
    }

    static String html(String title, List<StoredFile> files) {
        StringBuilder page = new StringBuilder(256)
                .append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(title)
                .append("</title></head>\n<body><h1>").append(title).append("</h1>\n<ul>\n");
        for (StoredFile file : files) {
            page.append("<li><a href=\"").append(Html.escape(file.uri())).append("\">").append(Html.escape(file.name()))
                    .append("</a> (").append(file.size()).append(file.size() == 1 ? " byte" : " bytes").append(")</li>\n");
        }
        return page.append("</ul>\n</body></html>\n").toString();
    }
}
