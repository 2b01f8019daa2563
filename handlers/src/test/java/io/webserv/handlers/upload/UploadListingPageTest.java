package io.webserv.handlers.upload;

import io.webserv.handlers.api.Response;
import io.webserv.handlers.api.ResponseBody;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UploadListingPageTest {

    @Test
    void aStoredFileIsServedUnderTheRouteWithItsNamePercentEncoded() {
        assertThat(StoredFile.under("/uploads", "a.txt", 1).uri()).isEqualTo("/uploads/a.txt");
        assertThat(StoredFile.under("/", "a.txt", 1).uri()).isEqualTo("/a.txt");
        assertThat(StoredFile.under("/uploads", "my file (1).txt", 1).uri()).isEqualTo("/uploads/my%20file%20%281%29.txt");
        assertThat(StoredFile.under("/uploads", "résumé.pdf", 1).uri()).isEqualTo("/uploads/r%C3%A9sum%C3%A9.pdf");
        assertThat(StoredFile.under("/up loads", "a#b?c%d", 1).uri()).isEqualTo("/up%20loads/a%23b%3Fc%25d");
    }

    @Test
    void createdNamesTheFirstFileAndLinksEveryOneEscaped() {
        List<StoredFile> files = List.of(StoredFile.under("/u", "first.txt", 1),
                StoredFile.under("/u", "<script>&'\".txt", 2048));

        Response response = UploadListingPage.created(files);

        assertThat(response.status().code()).isEqualTo(201);
        assertThat(response.headers().get("Location")).isEqualTo("/u/first.txt");
        assertThat(response.headers().get("Content-Type")).isEqualTo("text/html; charset=utf-8");
        String html = text(response);
        assertThat(html).contains("<a href=\"/u/first.txt\">first.txt</a> (1 byte)")
                .contains("<a href=\"/u/%3Cscript%3E%26%27%22.txt\">&lt;script&gt;&amp;&#39;&quot;.txt</a> (2048 bytes)")
                .doesNotContain("<script>");
    }

    @Test
    void replacedIs200WithoutLocation() {
        Response response = UploadListingPage.replaced(StoredFile.under("/u", "r.txt", 3));

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.headers().contains("Location")).isFalse();
        assertThat(text(response)).contains("<a href=\"/u/r.txt\">r.txt</a>");
    }

    private static String text(Response response) {
        ResponseBody.Bytes body = (ResponseBody.Bytes) response.body();
        return StandardCharsets.UTF_8.decode(body.data().duplicate()).toString();
    }
}
